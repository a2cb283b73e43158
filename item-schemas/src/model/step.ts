import { z } from 'zod';
import { codeList, stepOutcomes, timeoutPolicies } from './codes';
import { ZLocalId, text } from './common';

export const ZStep = z
  .object({
    id: ZLocalId,
    name: text(50).min(1).meta({ title: '环节名称', description: '如 收件、受理、审核、批准、办结、送达' }),
    role: text(100).min(1).meta({ title: '办理岗位或部门' }),
    limitDays: z.number().int().min(0).max(3650).meta({ title: '环节时限(工作日)' }),
    /** Steps sharing a group run in parallel (联办); the group counts once, at its longest. */
    parallelGroup: text(50).optional().meta({ title: '并联组', description: '同组环节并行办理' }),
    criteria: text(2000).optional().meta({ title: '审查标准' }),
    outcomes: z
      .array(
        codeList(stepOutcomes),
      )
      .min(1)
      .default(['pass', 'return', 'reject'])
      .meta({ title: '办理结果' }),
    onTimeout: codeList(timeoutPolicies).default('warn').meta({ title: '超时处理' }),
  })
  .meta({ title: '办理环节' });
export type Step = z.infer<typeof ZStep>;
export type StepInput = z.input<typeof ZStep>;
