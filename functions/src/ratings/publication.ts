import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { WINDOW_DEPARTMENT, type RatingRecord } from './model';

/**
 * 好差评 published monthly (国办发〔2019〕51号: 评价结果、整改情况按月公开) for a jurisdiction:
 * per department (and the centre's 综合窗口) the ratings given in the month by level, 好评率, the
 * 差评 and what became of them. Counts only: no rater, no case number, no words of a rater.
 *
 * 好评率 = ratings at levels 1–3 (非常满意, 满意, 基本满意) / all ratings, as the supervision
 * figures count it. Of the month's 差评: 整改完成 (closed, the rater content), 申诉成立 (voided on
 * 复核), 办理中 (not closed); 按时反馈 = fix reported by its due day / fix reported; 回访率 =
 * real-name 差评 with a 回访 recorded / real-name 差评.
 */

const ZCount = z.number().int();
export const ZRatingFigures = z.object({
  /** Ratings by level, 1 非常满意 … 5 非常不满意. */
  levels: z.array(ZCount).length(5),
  total: ZCount,
  /** Per cent, one decimal; absent with no ratings. */
  goodRate: z.number().optional(),
  poor: ZCount,
  rectified: ZCount,
  voided: ZCount,
  open: ZCount,
  fedBack: ZCount,
  fedBackOnTime: ZCount,
  realNamePoor: ZCount,
  revisited: ZCount,
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

const percent = (numerator: number, denominator: number) => (denominator === 0 ? undefined : Math.round((numerator / denominator) * 1000) / 10);

/** The figures of some ratings (exported for the supervision figures: 差评, 整改 on time, 回访率 from the workflow). */
export function ratingFigures(ratings: readonly RatingRecord[]): RatingFigures {
  const f: RatingFigures = { levels: [0, 0, 0, 0, 0], total: 0, poor: 0, rectified: 0, voided: 0, open: 0, fedBack: 0, fedBackOnTime: 0, realNamePoor: 0, revisited: 0 };
  for (const r of ratings) {
    f.levels[r.level - 1]! += 1;
    f.total += 1;
    const poor = r.poor;
    if (!poor) continue;
    f.poor += 1;
    if (poor.closed?.outcome === 'rectified') f.rectified += 1;
    else if (poor.closed?.outcome === 'voided') f.voided += 1;
    else f.open += 1;
    if (poor.feedback) {
      f.fedBack += 1;
      if (poor.feedback.onTime) f.fedBackOnTime += 1;
    }
    if (r.realName) {
      f.realNamePoor += 1;
      if (poor.revisits.length > 0) f.revisited += 1;
    }
  }
  const good = f.levels[0]! + f.levels[1]! + f.levels[2]!;
  const rate = percent(good, f.total);
  return rate === undefined ? f : { ...f, goodRate: rate };
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

/**
 * The figures of the ratings given from `from` to `to` (inclusive days), for the supervision
 * page's 好差评 cards: the workflow's 整改 on time (fedBackOnTime / fedBack) and 回访率
 * (revisited / realNamePoor), window services included. One query on the ratings' day index.
 */
export async function ratingFiguresBetween(deps: AppDeps, jurisdiction: string, from: string, to: string): Promise<RatingFigures> {
  return ratingFigures(await deps.store.ratingsBetween(jurisdiction, from, to));
}
