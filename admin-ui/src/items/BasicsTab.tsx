import type { UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { modelUi } from './model-ui';
import { ModelFieldsForm } from './ModelFieldsForm';
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

export function BasicsTab({ definition, update, issues }: TabProps) {
  const { t } = useI18n();
  const uiSchema: UiSchema = useMemo(
    () => ({
      ...Object.fromEntries(MULTI_CHOICE.map((k) => [k, { 'ui:widget': 'checkboxes' }])),
      visitReason: { 'ui:widget': 'textarea' },
      faqs: { items: { answer: { 'ui:widget': 'textarea' } } },
      ...modelUi,
      legalBasis: { items: { text: { 'ui:widget': 'textarea' } } },
    }),
    [],
  );
  return (
    <section aria-label={t('基本信息', 'Basics')}>
      <ModelFieldsForm fields={BASICS} multiChoice={MULTI_CHOICE} definition={definition} update={update} uiSchema={uiSchema} issues={issues} />
    </section>
  );
}
