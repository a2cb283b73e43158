import type { UiSchema } from '@rjsf/utils';
import { Button, Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { FileRefField } from './FileRefField';
import { modelUi } from './model-ui';
import { ModelFieldsForm } from './ModelFieldsForm';
import { OnlineDepthWidget } from './OnlineDepthWidget';
import type { Definition } from './definition';
import type { TabProps } from './tab-props';

/**
 * Identity, catalogue and service terms, rendered by react-jsonschema-form from the item
 * model's own JSON Schema (the product edits its items with its own form engine), in titled
 * sections an official reads top to bottom. The limits themselves, 容缺 and 超时默认 are on the
 * steps tab; materials and the form on theirs.
 */
interface Section {
  title: readonly [string, string];
  hint: readonly [string, string];
  fields: readonly (keyof Definition)[];
}

const SECTIONS: readonly Section[] = [
  {
    title: ['基本信息', 'Basics'],
    hint: [
      '事项的名称、编码和分类；服务对象和服务主题决定事项在办事大厅里归在哪一类，简称和搜索关键词帮助群众搜到它。',
      'Name, codes and kind; who it serves and its themes decide where it is listed; the short name and search keywords help people find it.',
    ],
    fields: ['name', 'shortName', 'keywords', 'catalogCode', 'taskCode', 'itemType', 'tree', 'levels', 'targets', 'themes'],
  },
  {
    title: ['实施主体与权限', 'Department and powers'],
    hint: ['由哪个部门、凭什么权限办理。实施主体为受委托组织时，须填写委托部门。', 'Which department acts, and by what power. An entrusted organisation names who entrusted it.'],
    fields: ['department', 'handlingUnit', 'jointDepartments', 'entrustingDepartment', 'powerSource', 'legalBasis', 'authorityDivision', 'exerciseContent', 'jurisdictionNote'],
  },
  {
    title: ['受理与时限', 'Acceptance and time'],
    hint: ['什么情况下受理、要到现场几次。法定和承诺办结时限在「环节与时限」中设置，这里写时限说明。', 'When an application is accepted and how often applicants come. The limits are set under Steps & deadlines; explain them here.'],
    fields: ['acceptanceConditions', 'quantityLimit', 'legalLimitNote', 'promisedLimitNote', 'maxVisits', 'visitReason', 'intermediaries', 'specialProcedures', 'notifyPromise'],
  },
  {
    title: ['办理方式与渠道', 'Channels'],
    hint: ['申请人可以怎样办：窗口、电脑、手机或快递，网上能办到哪一步，在哪里办。', 'How applicants apply: window, online, mobile or post; how far online goes; where.'],
    fields: ['channels', 'onlineDepth', 'crossRegion', 'serviceOptions', 'windows', 'fees', 'uploadLimitMb'],
  },
  {
    title: ['结果与救济', 'Result and remedies'],
    hint: ['办结后申请人得到什么、怎样送达；不予受理或不予许可时，告知如何申请复议或提起诉讼。', 'What applicants receive and how; how to appeal a refusal.'],
    fields: ['result', 'delivery', 'rightsNotice'],
  },
  {
    title: ['咨询与监督', 'Enquiries and complaints'],
    hint: ['申请人咨询和投诉的渠道，以及常见问题。', 'Where applicants ask and complain; frequent questions.'],
    fields: ['consultation', 'complaintPhone', 'faqs'],
  },
  {
    title: ['计划日期', 'Planned dates'],
    hint: ['事项计划开始实施或取消的日期，可不填。', 'When the item is planned to start or end; optional.'],
    fields: ['effectiveFrom', 'plannedCancelOn'],
  },
];

const TEXTS = ['visitReason', 'acceptanceConditions', 'authorityDivision', 'exerciseContent', 'jurisdictionNote', 'quantityLimit', 'legalLimitNote', 'promisedLimitNote', 'consultation', 'rightsNotice'];
/** Code sets ticked rather than picked from a list; long ones laid out in rows. */
const MULTI_CHOICE = ['levels', 'targets', 'channels', 'onlineDepth', 'themes.personal', 'themes.corporate'];
const ticks = { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } };
/** Objects with defaults are always there; the other optional ones (结果, 委托部门 …) are filled in on demand. */
const ALWAYS_SHOWN = { 'ui:enableOptionalDataFieldForType': [] };

const sectionId = (index: number) => `basics-section-${index}`;

export function BasicsTab({ definition, update, issues }: TabProps) {
  const { t } = useI18n();
  const uiSchema: UiSchema = useMemo(
    () => ({
      'ui:globalOptions': { enableOptionalDataFieldForType: ['object'] },
      ...Object.fromEntries(TEXTS.map((k) => [k, { 'ui:widget': 'textarea' }])),
      levels: ticks,
      targets: ticks,
      channels: ticks,
      onlineDepth: { 'ui:widget': OnlineDepthWidget },
      // What an empty choice means, where the model has an answer for it.
      crossRegion: { 'ui:placeholder': t('不通办', 'Not offered elsewhere') },
      powerSource: { 'ui:placeholder': t('法定本级行使(默认)', 'Own level, by law (default)') },
      uploadLimitMb: { 'ui:placeholder': t('20(默认)', '20 (default)') },
      themes: { ...ALWAYS_SHOWN, personal: ticks, corporate: ticks },
      serviceOptions: ALWAYS_SHOWN,
      notifyPromise: ALWAYS_SHOWN,
      result: { sample: { 'ui:field': FileRefField } },
      faqs: { items: { answer: { 'ui:widget': 'textarea' } } },
      ...modelUi,
      legalBasis: { items: { text: { 'ui:widget': 'textarea' } } },
    }),
    [t],
  );
  return (
    <section aria-label={t('基本信息', 'Basics')}>
      <nav aria-label={t('本页各部分', 'Sections of this page')} style={{ marginBottom: 8 }}>
        <Space wrap size={0}>
          {SECTIONS.map((section, index) => (
            <Button key={section.title[0]} type="link" size="small" onClick={() => document.getElementById(sectionId(index))?.scrollIntoView({ block: 'start' })}>
              {t(...section.title)}
            </Button>
          ))}
        </Space>
      </nav>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {SECTIONS.map((section, index) => (
          <Card key={section.title[0]} id={sectionId(index)} size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(...section.title)}</h2>}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t(...section.hint)}
            </Typography.Paragraph>
            <ModelFieldsForm fields={section.fields} multiChoice={MULTI_CHOICE} definition={definition} update={update} uiSchema={uiSchema} issues={issues} />
          </Card>
        ))}
      </Space>
    </section>
  );
}
