import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { ratio, ZRatio } from '../supervision/figures';
import { WINDOW_DEPARTMENT, type RatingRecord } from './model';

/**
 * 好差评 published monthly (国办发〔2019〕51号: 评价结果、整改情况按月公开) for a jurisdiction:
 * per department (and the centre's 综合窗口) the ratings given in the month by level, 好评率, the
 * 差评 and what became of them. Counts only: no rater, no case number, no words of a rater.
 *
 * A 差评 voided on 复核 (申诉成立) is counted apart and in nothing else, as the supervision
 * figures count it: of the ratings that stand, 好评率 = levels 1–3 (非常满意, 满意, 基本满意) / all.
 * Of the month's 差评: 整改完成 (closed, the rater content) and 办理中 (not closed, an 申诉
 * awaiting 复核 included); 按时反馈 = fix reported by its due day / fix reported; 回访 =
 * real-name 差评 with a 回访 recorded / real-name 差评.
 */

const ZCount = z.number().int();
export const ZRatingFigures = z.object({
  /** Ratings that stand, by level, 1 非常满意 … 5 非常不满意. */
  levels: z.array(ZCount).length(5),
  total: ZCount,
  goodRate: ZRatio,
  poor: ZCount,
  rectified: ZCount,
  open: ZCount,
  /** 差评 voided on 复核 (申诉成立): not counted as 差评, nor as ratings. */
  voided: ZCount,
  fedBackOnTime: ZRatio,
  revisited: ZRatio,
});
export type RatingFigures = z.infer<typeof ZRatingFigures>;

export const ZRatingPublication = z
  .object({
    jurisdiction: z.string(),
    jurisdictionName: z.string(),
    month: z.string(),
    total: ZRatingFigures,
    departments: z.array(ZRatingFigures.extend({ departmentId: z.string(), name: z.string() })),
  })
  .openapi('RatingPublication');
export type RatingPublication = z.infer<typeof ZRatingPublication>;

const voidedOnReview = (r: RatingRecord) => r.poor?.closed?.outcome === 'voided';

/** The figures of some ratings (a department's, or all of the month's). */
function ratingFigures(ratings: readonly RatingRecord[]): RatingFigures {
  const standing = ratings.filter((r) => !voidedOnReview(r));
  const poor = standing.flatMap((r) => (r.poor ? [r.poor] : []));
  const fedBack = poor.filter((p) => p.feedback);
  const realName = standing.filter((r) => r.poor && r.realName);
  const levels = [1, 2, 3, 4, 5].map((level) => standing.filter((r) => r.level === level).length);
  return {
    levels,
    total: standing.length,
    goodRate: ratio(levels[0]! + levels[1]! + levels[2]!, standing.length),
    poor: poor.length,
    rectified: poor.filter((p) => p.closed?.outcome === 'rectified').length,
    open: poor.filter((p) => !p.closed).length,
    voided: ratings.length - standing.length,
    fedBackOnTime: ratio(fedBack.filter((p) => p.feedback!.onTime).length, fedBack.length),
    revisited: ratio(realName.filter((r) => r.poor!.revisits.length > 0).length, realName.length),
  };
}

/** The month's publication: every department of the jurisdiction by name, the 综合窗口 last when it was rated. */
export async function publication(deps: AppDeps, jurisdiction: string, month: string): Promise<RatingPublication | undefined> {
  const here = await deps.store.getJurisdiction(jurisdiction);
  if (!here) return undefined;
  const [ratings, departments] = await Promise.all([deps.store.ratingsBetween(jurisdiction, `${month}-01`, `${month}-31`), deps.store.listDepartments(jurisdiction)]);
  const byDepartment = new Map<string, RatingRecord[]>();
  for (const r of ratings) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
  const named = departments.map((d) => ({ departmentId: d.id, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  if (byDepartment.has(WINDOW_DEPARTMENT)) named.push({ departmentId: WINDOW_DEPARTMENT, name: '综合窗口' });
  return {
    jurisdiction,
    jurisdictionName: here.name,
    month,
    total: ratingFigures(ratings),
    departments: named.map((d) => ({ ...d, ...ratingFigures(byDepartment.get(d.departmentId) ?? []) })),
  };
}
