import { z } from '@hono/zod-openapi';
import { appliesOnline, channels, type ItemDefinition } from '@onevisit/item-schemas';
import { ApiError } from '../errors';

/**
 * When and how an item takes applications online: from its 计划生效日期, until its 计划取消日期,
 * and only if its 办理形式 include applying online. The publish checks accept any of these, so
 * the citizen pages and the applications API refuse what they rule out before anything is read
 * into a case or stored, saying when to come back, or where to apply in person instead.
 */

/** Where to apply in person, as the applicant is told it: the item's windows, else its department. */
export function inPersonWords(item: Pick<ItemDefinition, 'windows' | 'department' | 'channels'>): [zh: string, en: string] {
  const windows = item.windows.map((w) => [`${w.name}(${w.address}；${w.hours}${w.phone ? `；电话 ${w.phone}` : ''})`, `${w.name} (${w.address}; ${w.hours}${w.phone ? `; phone ${w.phone}` : ''})`] as const);
  const [zh, en] = windows.length > 0 ? [windows.map((w) => w[0]).join('；'), windows.map((w) => w[1]).join('; ')] : [`「${item.department.name}」`, `"${item.department.name}"`];
  const post = item.channels.includes('4') ? [`，或${channels['4'][0]}`, `, or apply by post`] : ['', ''];
  return [`请到${zh}申请${post[0]}`, `apply in person at ${en}${post[1]}`];
}

/**
 * 409: the item exists and will take applications, just not yet; like a suspended item, the
 * state it is in changes (here on a known date).
 */
export const notYetEffective = (from: string) =>
  new ApiError(409, 'ITEM_NOT_YET_EFFECTIVE', `该事项自 ${from} 起受理申请，请届时再来申请`, `the item takes applications from ${from}; apply on or after that date`, { effectiveFrom: from });

/** 410: from its planned cancellation the item is gone for good, and no later attempt will do. */
export const plannedCancelPassed = (on: string) =>
  new ApiError(410, 'ITEM_PLANNED_CANCELLED', `该事项已于 ${on} 取消，不再受理申请`, `the item was cancelled on ${on} and takes no more applications`, { plannedCancelOn: on });

/**
 * 403: the item is open, but not to this channel: its 办理形式 exclude applying online, so the
 * request is refused whenever it is sent, and the answer says where to go instead.
 */
export const notTakenOnline = (item: Pick<ItemDefinition, 'windows' | 'department' | 'channels'>) => {
  const [zh, en] = inPersonWords(item);
  return new ApiError(403, 'NOT_TAKEN_ONLINE', `该事项不接受网上申请，${zh}`, `the item takes no applications online: ${en}`, { channels: item.channels, windows: item.windows });
};

/** Why the item takes no application online today (`today` in Beijing), if it does not. */
export function onlineIntakeRefusal(item: ItemDefinition, today: string): ApiError | undefined {
  if (item.effectiveFrom && today < item.effectiveFrom) return notYetEffective(item.effectiveFrom);
  if (item.plannedCancelOn && today >= item.plannedCancelOn) return plannedCancelPassed(item.plannedCancelOn);
  if (!appliesOnline(item.channels)) return notTakenOnline(item);
  return undefined;
}

/** What the checklist tells of these terms, for the API's checklist. */
export const ZIntakeTerms = {
  effectiveFrom: z.string().optional().openapi({ description: '计划生效日期：当日起受理 / applications are taken from this date' }),
  plannedCancelOn: z.string().optional().openapi({ description: '计划取消日期：当日起不再受理 / no applications from this date' }),
  online: z.boolean().openapi({ description: '是否接受网上申请(办理形式) / whether applications are taken online (the channels)' }),
};

export const intakeTerms = (item: ItemDefinition) => ({
  ...(item.effectiveFrom ? { effectiveFrom: item.effectiveFrom } : {}),
  ...(item.plannedCancelOn ? { plannedCancelOn: item.plannedCancelOn } : {}),
  online: appliesOnline(item.channels),
});
