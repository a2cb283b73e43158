/**
 * The runtime rules without the model: what a browser script needs to follow an applicant's
 * answers, kept free of zod so the citizen page stays small.
 */
export { validateAnswers, type AnswerError } from './answers';
export { visibleAnswers } from './conditions';
export { answersFromPost, applyListAction, listMinimum, withListEntries, type PostedFields } from './form-post';
export { materialNeeds, materialsFor, type MaterialNeed } from './materials';
export { needMark, needsSummary } from './needs-words';
