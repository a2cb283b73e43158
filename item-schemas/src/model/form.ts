import { z } from 'zod';
import { ZCondition, ZFieldPath } from './condition';

/**
 * The intake form: JSON Schema (draft-07) and its uiSchema, as rendered by react-jsonschema-form,
 * plus visibility conditions per field. The schema is admin-authored and untrusted: the
 * publish-time checks hold it to the supported subset before anything compiles it.
 */
export const ZIntakeForm = z
  .object({
    schema: z.record(z.string(), z.unknown()).meta({ title: '表单结构(JSON Schema)' }),
    uiSchema: z.record(z.string(), z.unknown()).default({}).meta({ title: '界面设置(uiSchema)' }),
    visibleWhen: z
      .record(ZFieldPath, ZCondition)
      .default({})
      .meta({ title: '字段显示条件', description: '字段仅在满足条件时显示和校验' }),
    applicantFields: z
      .object({
        name: ZFieldPath.optional().meta({ title: '申请人姓名(名称)字段' }),
        idNumber: ZFieldPath.optional().meta({ title: '申请人证件号字段' }),
        mobile: ZFieldPath.optional().meta({ title: '申请人手机号字段' }),
      })
      .default({})
      .meta({ title: '申请人信息字段', description: '受理通知书、决定书和办件查询中用作申请人的字段；未指定时按字段类型和名称推断' }),
  })
  .meta({ title: '申请表单' });
export type IntakeForm = z.infer<typeof ZIntakeForm>;
