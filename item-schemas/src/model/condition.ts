import { z } from 'zod';
import { operators, type Operator } from './operators';

export { operators, type Operator } from './operators';

/**
 * The condition language for material applicability and field visibility: comparisons on
 * answers, combined with all / any / not. Fields are named by dotted paths into the form
 * (`applicant.type`).
 */

export const ZFieldPath = z
  .string()
  // A row added in the editor and not yet filled: say what to do, not that a path is malformed
  // (the pattern lets the empty string through so that only this is said of it).
  .min(1, '请选择字段 / choose a field')
  .regex(/^(?:[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*)?$/, '字段路径格式不正确 / invalid field path')
  .max(200)
  .meta({ title: '表单字段' });

const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;



export const ZComparison = z
  .object({
    field: ZFieldPath,
    op: z.enum(Object.keys(operators) as [Operator, ...Operator[]]).meta({ title: '比较', labels: operators }),
    value: z.union([scalar, z.array(scalar).max(100)]).optional().meta({ title: '值' }),
  })
  .meta({ title: '比较条件' });
export type Comparison = z.infer<typeof ZComparison>;

export const ZCondition = z.union([
  ZComparison,
  z.object({
    get all() {
      return z.array(ZCondition).min(1).max(50).meta({ title: '同时满足' });
    },
  }),
  z.object({
    get any() {
      return z.array(ZCondition).min(1).max(50).meta({ title: '满足其一' });
    },
  }),
  z.object({
    get not() {
      return ZCondition.meta({ title: '不满足' });
    },
  }),
]).meta({ id: 'condition', title: '条件' });
export type Condition = z.infer<typeof ZCondition>;
