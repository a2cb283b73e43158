import { asWorkdays } from '../time-limits';
import type { BaseVersions } from './base';
import type { BundleDefinition } from './model';

/**
 * How long a bundle takes: base items of one stage run in parallel (the longest counts), stages
 * one after another (they add up). Periods are working days (行政许可法 第82条). Handled jointly,
 * the whole may take no more than 45 of them, extendable once by 15 with the approval of the
 * people's government's head (第42条第二款).
 */

/** 行政许可法 第42条第二款: 统一办理、联合办理、集中办理 take at most 45 days. */
export const JOINT_LIMIT_WORKDAYS = 45;
/** …extendable by 15 with the approval of 本级人民政府负责人, the reason told to the applicant. */
export const JOINT_EXTENSION_WORKDAYS = 15;

export interface ItemPromise {
  key: string;
  name: string;
  promised: number;
  /** The item's legal limit; null when no law sets one (its promise then binds it). */
  legal: number | null;
}

export interface StagePromise {
  name?: string;
  items: ItemPromise[];
  /** The longest promise of the stage's items. */
  promised: number;
  /** The longest of their legal limits (a promise standing in where no law sets one). */
  legal: number;
}

export interface BundlePromise {
  stages: StagePromise[];
  /** Σ over stages of each stage's longest promise, in working days. */
  promised: number;
  /** Σ over stages of each stage's longest legal limit, in working days. */
  itemsLegal: number;
  /** The bundle's legal limit: the items' own, and never more than the joint-handling limit. */
  legal: number;
  jointLimit: number;
  jointExtension: number;
}

export function bundlePromise(bundle: Pick<BundleDefinition, 'stages'>, base: BaseVersions): BundlePromise {
  const stages = bundle.stages.map((stage): StagePromise => {
    const items = stage.items
      .filter((key) => base[key])
      .map((key): ItemPromise => {
        const item = base[key]!;
        return { key, name: item.name, promised: asWorkdays(item.promisedLimit), legal: item.legalLimit ? asWorkdays(item.legalLimit) : null };
      });
    return {
      ...(stage.name ? { name: stage.name } : {}),
      items,
      promised: Math.max(0, ...items.map((i) => i.promised)),
      legal: Math.max(0, ...items.map((i) => i.legal ?? i.promised)),
    };
  });
  const promised = stages.reduce((sum, s) => sum + s.promised, 0);
  const itemsLegal = stages.reduce((sum, s) => sum + s.legal, 0);
  return { stages, promised, itemsLegal, legal: Math.min(itemsLegal, JOINT_LIMIT_WORKDAYS), jointLimit: JOINT_LIMIT_WORKDAYS, jointExtension: JOINT_EXTENSION_WORKDAYS };
}
