import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { validateAnswersWith, type AnswersResult } from './answer-errors';
import { customFormats } from './formats';
import type { IntakeForm } from './model/form';

/**
 * Validation of an applicant's answers against an item's intake form on the server, the validator
 * of record: JSON Schema (draft-07) with ajv and the Chinese identifier formats; what ajv finds is
 * said in words by answer-errors.ts, as in the page script.
 */

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv);
for (const [name, format] of Object.entries(customFormats)) ajv.addFormat(name, format.validate);

export function knownFormats(): string[] {
  return Object.keys(ajv.formats);
}

const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles a form schema once; later calls with the same schema object reuse the validator. */
export function compileForm(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // A schema's own $id would make ajv refuse a second schema with the same id.
    const { $id: _id, $schema: _dialect, ...rest } = schema;
    validate = ajv.compile(rest);
    compiled.set(schema, validate);
  }
  return validate;
}

export type { AnswerError, AnswersResult, SchemaCheck, SchemaError } from './answer-errors';

export function validateAnswers(form: IntakeForm, answers: unknown): AnswersResult {
  return validateAnswersWith(
    (schema, data) => {
      const validate = compileForm(schema);
      return validate(data) ? [] : (validate.errors ?? []);
    },
    form,
    answers,
  );
}
