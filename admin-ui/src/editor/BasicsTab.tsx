import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { itemDefinitionJsonSchema } from '@onevisit/item-schemas';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { fieldId, tabOf } from './paths';
import type { TabProps } from './tab-props';

/**
 * Identity, catalogue and service terms, rendered by react-jsonschema-form from the item
 * model's own JSON Schema: the product edits its items with its own form engine.
 */
const BASICS = [
  'name', 'catalogCode', 'taskCode', 'itemType', 'levels', 'department', 'legalBasis', 'powerSource', 'targets', 'channels',
  'maxVisits', 'visitReason', 'onlineDepth', 'fees', 'delivery', 'windows', 'intermediaries', 'specialProcedures',
  'notifyPromise', 'faqs', 'uploadLimitMb',
] as const;
const MULTI_CHOICE = ['levels', 'targets', 'channels'];

function basicsSchema(): RJSFSchema {
  const full = itemDefinitionJsonSchema() as { properties: Record<string, Record<string, unknown>>; required?: string[]; definitions?: unknown };
  const properties: Record<string, unknown> = {};
  for (const key of BASICS) {
    const property = full.properties[key]!;
    properties[key] = MULTI_CHOICE.includes(key) ? { ...property, uniqueItems: true } : property;
  }
  return { type: 'object', properties, required: (full.required ?? []).filter((k) => (BASICS as readonly string[]).includes(k)) } as RJSFSchema;
}

export function BasicsTab({ definition, update, issues }: TabProps) {
  const { t, pick } = useI18n();
  const schema = useMemo(basicsSchema, []);
  const uiSchema: UiSchema = useMemo(
    () => ({
      'ui:submitButtonOptions': { norender: true },
      ...Object.fromEntries(MULTI_CHOICE.map((k) => [k, { 'ui:widget': 'checkboxes' }])),
      visitReason: { 'ui:widget': 'textarea' },
      faqs: { items: { answer: { 'ui:widget': 'textarea' } } },
      legalBasis: { items: { text: { 'ui:widget': 'textarea' } } },
    }),
    [],
  );
  const formData = Object.fromEntries(BASICS.filter((k) => definition[k] !== undefined).map((k) => [k, definition[k]]));
  // Publish-time issues in this tab show at their fields, like the form's own errors.
  const extraErrors = useMemo(() => {
    const errors: Record<string, unknown> = {};
    for (const issue of issues.filter((i) => tabOf(i.path) === 'basics')) {
      let node = errors;
      for (const part of issue.path.split('/').slice(1)) node = (node[part] ??= {}) as Record<string, unknown>;
      ((node.__errors ??= []) as string[]).push(pick(issue));
    }
    return errors;
  }, [issues, pick]);
  return (
    <section aria-label={t('基本信息', 'Basics')}>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        extraErrors={extraErrors as never}
        showErrorList={false}
        idPrefix={fieldId('')}
        idSeparator="-"
        // Defaults are the model's business at publish time; filling them here would look like an edit.
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults' }}
        onChange={(event) => {
          const next = event.formData as Record<string, unknown>;
          if (BASICS.some((k) => JSON.stringify(next[k]) !== JSON.stringify(definition[k]))) update((current) => ({ ...current, ...next }));
        }}
      />
    </section>
  );
}
