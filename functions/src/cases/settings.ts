import { z } from '@hono/zod-openapi';

/** A jurisdiction's case settings (DOMAIN §2: warning levels are configurable per jurisdiction). */
export const ZCaseSettings = z
  .object({
    warnings: z
      .object({
        yellow: z.number().min(0.05).max(1).openapi({ description: '黄牌预警：已用工作日比例 / yellow at this share of working days used' }),
        red: z.number().min(0.05).max(1).openapi({ description: '红牌预警 / red at this share' }),
      })
      .refine((w) => w.yellow < w.red, { message: '黄牌比例应小于红牌比例 / the yellow share must be below the red one' }),
    followUpDays: z.number().int().min(1).max(60).openapi({ description: '差评回访整改期限(工作日) / working days to follow up a poor rating' }),
    /** 受理后要求补正的，补正期间是否计入办理时限 (DOMAIN §2: varies by place). */
    correctionPausesClock: z.boolean().default(true).openapi({ description: '受理后补正期间暂停计时 / corrections asked for after acceptance pause the clock' }),
  })
  .openapi('CaseSettings');
export type CaseSettings = z.infer<typeof ZCaseSettings>;

export const defaultCaseSettings: CaseSettings = { warnings: { yellow: 0.5, red: 0.9 }, followUpDays: 10, correctionPausesClock: true };
