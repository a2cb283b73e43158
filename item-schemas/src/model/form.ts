import { z } from 'zod';
import { condition, fieldPath } from './condition';

/**
 * The intake form: JSON Schema (draft-07) and its uiSchema, as rendered by react-jsonschema-form,
 * plus visibility conditions per field. The schema is admin-authored and untrusted: the
 * publish-time checks hold it to the supported subset before anything compiles it.
 */
export const intakeForm = z
  .object({
    schema: z.record(z.string(), z.unknown()).meta({ title: '表单结构(JSON Schema)' }),
    uiSchema: z.record(z.string(), z.unknown()).default({}).meta({ title: '界面设置(uiSchema)' }),
    visibleWhen: z
      .record(fieldPath, condition)
      .default({})
      .meta({ title: '字段显示条件', description: '字段仅在满足条件时显示和校验' }),
  })
  .meta({ title: '申请表单' });
export type IntakeForm = z.infer<typeof intakeForm>;
