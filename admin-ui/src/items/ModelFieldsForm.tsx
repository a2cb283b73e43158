import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { itemDefinitionJsonSchema, type CheckIssue } from '@onevisit/item-schemas';
import { useI18n, type Language } from '../i18n';
import { useMemo } from 'react';
import { LabelledAddButton, translatorFor } from './form-engine-text';
import { fieldId } from './paths';
import type { Definition } from './definition';

/**
 * Some top-level fields of the item model's own JSON Schema, as one schema, titled in the
 * official's language; multiple choices as sets.
 */
function modelSubset(fields: readonly string[], multiChoice: readonly string[], language: Language): RJSFSchema {
  const full = itemDefinitionJsonSchema(language) as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  const properties = Object.fromEntries(fields.map((key) => [key, multiChoice.includes(key) ? { ...full.properties[key], uniqueItems: true } : full.properties[key]]));
  return { type: 'object', properties, required: (full.required ?? []).filter((k) => fields.includes(k)) } as RJSFSchema;
}

/**
 * Fields of an item edited with react-jsonschema-form from the model's own schema (the product
 * edits its items with its own form engine). Only a change to these fields updates the draft.
 */
export function ModelFieldsForm({
  fields,
  multiChoice = [],
  definition,
  update,
  uiSchema,
  issues,
}: {
  fields: readonly (keyof Definition)[];
  multiChoice?: readonly string[];
  definition: Definition;
  update: (change: (current: Definition) => Definition) => void;
  uiSchema: UiSchema;
  issues: readonly CheckIssue[];
}) {
  const { pick, language } = useI18n();
  const translateString = useMemo(() => translatorFor(language), [language]);
  const schema = useMemo(() => modelSubset(fields, multiChoice, language), [fields, multiChoice, language]);
  // Publish-time issues about these fields show at them, like the form's own errors.
  const extraErrors = useMemo(() => {
    const errors: Record<string, unknown> = {};
    for (const issue of issues.filter((i) => fields.some((k) => k === i.path.split('/')[1]))) {
      let node = errors;
      for (const part of issue.path.split('/').slice(1)) node = (node[part] ??= {}) as Record<string, unknown>;
      ((node.__errors ??= []) as string[]).push(pick(issue));
    }
    return errors;
  }, [issues, fields, pick]);
  const formData = Object.fromEntries(fields.filter((k) => definition[k] !== undefined).map((k) => [k, definition[k]]));
  return (
    <Form
      schema={schema}
      uiSchema={{ 'ui:submitButtonOptions': { norender: true }, ...uiSchema }}
      formData={formData}
      validator={validator}
      translateString={translateString}
      templates={{ ButtonTemplates: { AddButton: LabelledAddButton } }}
      extraErrors={extraErrors as never}
      showErrorList={false}
      idPrefix={fieldId('')}
      idSeparator="-"
      // Defaults are the model's business at publish time; filling them here would look like an edit.
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults' }}
      onChange={(event: IChangeEvent<Definition>) => {
        const next = event.formData;
        if (next && fields.some((k) => JSON.stringify(next[k]) !== JSON.stringify(definition[k]))) update((current) => ({ ...current, ...next }));
      }}
    />
  );
}
