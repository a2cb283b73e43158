import type { Bilingual } from '../messages';

/** The publish-time checks of a bundle: their codes, and an issue shaped as an item's are. */

export const bundleCheckCodes = [
  'MODEL_INVALID',
  'BUNDLE_TOO_FEW_ITEMS',
  'BUNDLE_DUPLICATE_ITEM',
  'BUNDLE_ITEM_UNAVAILABLE',
  'BUNDLE_ITEM_NOT_PUBLISHED',
  'BUNDLE_ITEM_NOT_ACCEPTING',
  'BUNDLE_STAGE_UNKNOWN_ITEM',
  'BUNDLE_ITEM_NOT_STAGED',
  'BUNDLE_ITEM_STAGED_TWICE',
  'BUNDLE_SCENARIO_INVALID',
  'BUNDLE_CONDITION_INVALID',
  'BUNDLE_DEPARTMENT_NOT_LISTED',
  'BUNDLE_KEY_CONFLICT',
  'BUNDLE_MAPPING_EMPTY',
  'BUNDLE_MAPPING_UNKNOWN_ITEM',
  'BUNDLE_MAPPING_UNKNOWN_FIELD',
  'BUNDLE_MAPPING_FIELD_TWICE',
  'BUNDLE_MAPPING_INCOMPATIBLE',
  'BUNDLE_RESULT_STAGE_ORDER',
  'BUNDLE_RESULT_NOT_FILLED',
  'BUNDLE_MATERIAL_UNKNOWN',
  'BUNDLE_MATERIAL_MAPPED_TWICE',
  'BUNDLE_MATERIAL_ASKED_TWICE',
  'BUNDLE_PROMISE_EXCEEDS_LEGAL',
  'BUNDLE_PROMISE_EXCEEDS_JOINT_LIMIT',
  'BUNDLE_FORM_UNSUPPORTED',
] as const;
export type BundleCheckCode = (typeof bundleCheckCodes)[number];

export interface BundleIssue extends Bilingual {
  code: BundleCheckCode;
  /** JSON Pointer into the bundle definition, e.g. `/fields/2/map/food`. */
  path: string;
}
