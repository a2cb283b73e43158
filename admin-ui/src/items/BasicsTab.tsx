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
  'name', 'catalogCode', 'taskCode', 'tree', 'itemType', 'levels', 'department', 'handlingUnit', 'jointDepartments', 'entrustingDepartment',
  'legalBasis', 'powerSource', 'authorityDivision', 'exerciseContent', 'jurisdictionNote', 'targets', 'themes', 'acceptanceConditions',
  'quantityLimit', 'channels', 'maxVisits', 'visitReason', 'onlineDepth', 'crossRegion', 'serviceOptions', 'fees', 'delivery', 'windows',
  'consultation', 'complaintPhone', 'intermediaries', 'specialProcedures', 'notifyPromise', 'result', 'rightsNotice', 'faqs',
  'effectiveFrom', 'plannedCancelOn', 'uploadLimitMb',
] as const;
const TEXTS = ['visitReason', 'acceptanceConditions', 'authorityDivision', 'exerciseContent', 'quantityLimit', 'consultation', 'rightsNotice'];
const MULTI_CHOICE = ['levels', 'targets', 'channels', 'onlineDepth'];

export function BasicsTab({ definition, update, issues }: TabProps) {
  const { t } = useI18n();
  const uiSchema: UiSchema = useMemo(
    () => ({
      ...Object.fromEntries(MULTI_CHOICE.map((k) => [k, { 'ui:widget': 'checkboxes' }])),
      ...Object.fromEntries(TEXTS.map((k) => [k, { 'ui:widget': 'textarea' }])),
      themes: { personal: { 'ui:widget': 'checkboxes' }, corporate: { 'ui:widget': 'checkboxes' } },
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
