import Form from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { itemDefinitionJsonSchema, type CheckIssue } from '@onevisit/item-schemas';
import { useI18n, type Language } from '../i18n';
import { useMemo } from 'react';
import { LabelledAddButton, translatorFor } from './form-engine-text';
import { OptionalDataControls } from './OptionalDataControls';
import { fieldId } from './paths';
import type { Definition } from './definition';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** The model's JSON Schema per language, made once: every section of the editor reads it. */
const fullSchemas = new Map<Language, JsonSchema>();
const fullSchema = (language: Language) => {
  if (!fullSchemas.has(language)) fullSchemas.set(language, itemDefinitionJsonSchema(language) as JsonSchema);
  return fullSchemas.get(language)!;
};

/** The array at a dotted path (`themes.personal`) as a set, which the form engine shows as a check-box group. */
function asSet(node: JsonSchema, [key, ...rest]: readonly string[]): JsonSchema {
  const child = node.properties?.[key!];
  if (!child) return node;
  return { ...node, properties: { ...node.properties, [key!]: rest.length > 0 ? asSet(child, rest) : { ...child, uniqueItems: true } } };
}

/**
 * Some top-level fields of the item model's own JSON Schema, as one schema, titled in the
 * official's language; multiple choices, at any depth, as sets.
 */
function modelSubset(fields: readonly string[], multiChoice: readonly string[], language: Language): RJSFSchema {
  const full = fullSchema(language);
  const subset: JsonSchema = { type: 'object', properties: Object.fromEntries(fields.map((key) => [key, full.properties![key]!])), required: (full.required ?? []).filter((k) => fields.includes(k)) };
  return multiChoice.reduce((schema, path) => asSet(schema, path.split('.')), subset) as RJSFSchema;
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
  /** Arrays of codes to tick, by dotted path: `levels`, `themes.personal`. */
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
      templates={{ ButtonTemplates: { AddButton: LabelledAddButton }, OptionalDataControlsTemplate: OptionalDataControls }}
      // Titles of groups and lists read left to right like every other label, without a colon.
      formContext={{ labelAlign: 'left', colon: false }}
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
