import Form, { getDefaultRegistry } from '@rjsf/core';
import { bracketNameGenerator, getUiOptions, type BaseInputTemplateProps, type ErrorSchema, type FieldTemplateProps, type RJSFSchema, type UiSchema } from '@rjsf/utils';
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
  /**
   * Conditional fields by path, with their condition in words (「是否网络经营」为「是」时填写), said
   * under the title: a page without JavaScript shows every field, so the applicant knows which to answer.
   */
  conditions?: Readonly<Record<string, string>>;
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

const { BaseInputTemplate: BaseInput, FieldTemplate } = getDefaultRegistry().templates;

/** rjsf's own input, with the keyboard and autofill hints its format calls for (props it does not use reach the input). */
function CitizenInput(props: BaseInputTemplateProps) {
  return <BaseInput {...props} {...(inputHints(props.schema.format) as object)} />;
}

/** rjsf's own field, with its condition in words (from the form context) under the title. */
function CitizenField(props: FieldTemplateProps) {
  const conditions = (props.registry.formContext as { conditions?: Record<string, string> } | undefined)?.conditions;
  const when = conditions?.[props.fieldPathId.path.join('.')];
  if (!when) return <FieldTemplate {...props} />;
  // Read with the field: it describes the control unless the field has a description of its own.
  const line = (
    <div className="field-condition" {...(props.rawDescription ? {} : { id: `${props.id}__description` })}>
      {when}
    </div>
  );
  // A labelled field shows it between label and input; groups and single checkboxes carry their title inside, so it comes first.
  if (props.displayLabel && getUiOptions(props.uiSchema).widget !== 'checkbox') return <FieldTemplate {...props} description={<>{line}{props.rawDescription ? props.description : null}</>} />;
  return (
    <FieldTemplate {...props}>
      <>
        {line}
        {props.children}
      </>
    </FieldTemplate>
  );
}

export function CitizenForm({ schema, uiSchema, answers, errors, hidden = [], conditions, onChange, post, children }: CitizenFormProps) {
  return (
    <Form
      className="citizen-form"
      schema={schema}
      uiSchema={{ ...hideFields(uiSchema, hidden), ...(children ? {} : { 'ui:submitButtonOptions': { norender: true } }) }}
      formData={answers}
      validator={validator}
      templates={{ BaseInputTemplate: CitizenInput, FieldTemplate: CitizenField }}
      formContext={{ conditions }}
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
