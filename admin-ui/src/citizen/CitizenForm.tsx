import Form, { getDefaultRegistry } from '@rjsf/core';
import { bracketNameGenerator, type BaseInputTemplateProps, type ErrorSchema, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { ReactNode } from 'react';
import { inputHints } from './input-hints';

/**
 * The intake form as applicants get it: react-jsonschema-form's own renderer, with bracketed
 * field names so the form posts without JavaScript. The server renders it; the editor's preview
 * and the page script render the same component.
 */
export interface CitizenFormProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  answers: Record<string, unknown>;
  /** Errors by field, from the server's validation, shown next to each field. */
  errors?: ErrorSchema;
  /** Fields hidden by their visibility conditions for the current answers. */
  hidden?: readonly string[];
  onChange?: (answers: Record<string, unknown>) => void;
  /** Where and how to post, for the server-rendered page. */
  post?: { action: string };
  children?: ReactNode;
}

/** Marks fields hidden by their conditions; the page script shows them again when the answers change. */
export function hideFields(uiSchema: UiSchema, hidden: readonly string[]): UiSchema {
  const next: UiSchema = { ...uiSchema };
  for (const path of hidden.filter((h) => !h.includes('.'))) {
    const own = (uiSchema[path] ?? {}) as Record<string, unknown>;
    next[path] = { ...own, 'ui:classNames': `${own['ui:classNames'] ?? ''} is-hidden`.trim() };
  }
  return next;
}

const BaseInput = getDefaultRegistry().templates.BaseInputTemplate;

/** rjsf's own input, with the keyboard and autofill hints its format calls for (props it does not use reach the input). */
function CitizenInput(props: BaseInputTemplateProps) {
  return <BaseInput {...props} {...(inputHints(props.schema.format) as object)} />;
}

export function CitizenForm({ schema, uiSchema, answers, errors, hidden = [], onChange, post, children }: CitizenFormProps) {
  return (
    <Form
      className="citizen-form"
      schema={schema}
      uiSchema={{ ...hideFields(uiSchema, hidden), ...(children ? {} : { 'ui:submitButtonOptions': { norender: true } }) }}
      formData={answers}
      validator={validator}
      templates={{ BaseInputTemplate: CitizenInput }}
      nameGenerator={bracketNameGenerator}
      extraErrors={errors}
      showErrorList={false}
      noHtml5Validate
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults' }}
      {...(post ? { action: post.action, method: 'post', enctype: 'multipart/form-data' } : {})}
      onChange={(event) => onChange?.((event.formData ?? {}) as Record<string, unknown>)}
    >
      {children}
    </Form>
  );
}
