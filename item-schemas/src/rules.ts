/**
 * The runtime rules without the model: what a browser script needs to follow an applicant's
 * answers, kept free of zod so the citizen page stays small.
 */
export { validateAnswersWith, type AnswerError, type SchemaCheck, type SchemaError } from './answer-errors';
export { visibleAnswers } from './conditions';
export { answersFromPost, type PostedFields, type PostedForm } from './form-post';
export { applyListAction, listMinimum, withListEntries } from './form-lists';
export { defaultAnswers } from './form-defaults';
export { materialNeeds, materialsFor, type MaterialNeed } from './materials';
export { needMark, needsSummary } from './needs-words';
export { customFormats } from './formats';
