/** 一件事一次办: the model and rules of a bundle of base items (issue 19). */
export { splitAnswers, joinAnswers } from './answers';
export { fieldTitle, itemsInStageOrder, stageOf, type BaseVersions } from './base';
export { bundleChecks, type BaseHead, type BundleCheckResult } from './checks';
export { bundleCheckCodes, type BundleCheckCode, type BundleIssue } from './check-codes';
export { answerKindWords, mergeFieldSchemas } from './field-schemas';
export { bundleFigures, type BundleFigures } from './figures';
export { applicableItems, mergedForm } from './form';
export { mergedMaterials, type BundleMaterial, type MaterialSource } from './materials';
export * from './model';
export { bundlePromise, JOINT_EXTENSION_WORKDAYS, JOINT_LIMIT_WORKDAYS, type BundlePromise, type ItemPromise, type StagePromise } from './promise';
export { proposeFieldMerge, type BaseItemRef } from './propose';
export { unfilledCodes, type UnfilledCode } from './result-fills';
