import { LockOutlined } from '@ant-design/icons';
import type { UiSchema } from '@rjsf/utils';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Input, List, Space, Switch, Tag, Typography } from 'antd';
import { itemValueWords, localFields, notInherited, overridesFrom, stepsWorkdays, type LocalField } from '@onevisit/item-schemas';
import type { Draft } from '@onevisit/functions/records';
import { useMemo } from 'react';
import { api } from '../api';
import { ModelFieldsForm } from './ModelFieldsForm';
import type { TabProps } from './tab-props';
import { modelUi } from './model-ui';
import { useI18n } from '../i18n';

const LOCAL = Object.keys(localFields) as LocalField[];

/**
 * A clone's editor: the local fields (with a marker where the county overrides upstream), each
 * material's local sharing (免交), and the basic elements shown locked.
 */
export function LocalTab({ definition, update, issues, jurisdiction, itemId, clone }: TabProps & { jurisdiction: string; itemId: string; clone: NonNullable<Draft['clone']> }) {
  const { t } = useI18n();
  // The version followed never changes once published: fetched once per version.
  const base = useQuery({
    queryKey: ['upstreamBase', jurisdiction, itemId, clone.upstream.version],
    queryFn: () => api.upstreamBase(jurisdiction, itemId),
    staleTime: Infinity,
  });
  // What the edits override, as the server will store it on save: the labels follow each edit.
  // Until the version followed arrives, the overrides as last stored.
  const overridden = useMemo(
    () => Object.keys(base.data ? overridesFrom(base.data.definition, definition).overrides : clone.overrides),
    [base.data, definition, clone.overrides],
  );
  // The steps are the level above's and locked: the promise cannot be shorter than they take.
  const steps = stepsWorkdays((definition.steps ?? []).map((s) => ({ ...s, limitDays: s.limitDays ?? 0 })));
  const legal = definition.legalLimit ? itemValueWords('/promisedLimit', definition.legalLimit) : undefined;
  const promisedHelp =
    definition.caseType === 'immediate'
      ? undefined
      : t(
          `办理环节由上级设定，承诺时限不能短于各环节时限合计(${steps}个工作日)${legal ? `，不能超过法定时限(${legal.zh})` : ''}`,
          `The steps are set above: the promise cannot be shorter than their total (${steps} working days)${legal ? ` nor longer than the legal limit (${legal.en})` : ''}`,
        );
  // The level above's windows are never taken over (its hall does not serve this jurisdiction's applicants).
  const windowsHelp = t(
    '上级的办理地点不沿用：请填写本级受理窗口的名称、地址和办理时间。未填写时，申请页和办事指南请申请人到实施主体办理。',
    'The windows of the level above are not taken over: give the name, address and hours of your own. Without them the application page and the guide send applicants to the implementing department.',
  );
  const consultationHelp = t('上级的咨询方式不沿用：请填写本级的咨询电话、地址或网址。未填写时，办事指南列出本级窗口的电话或实施主体。', 'The enquiry lines of the level above are not taken over: give your own phone, address or website. Without them the guide lists your windows’ phones or the implementing department.');
  const uiSchema: UiSchema = useMemo(() => {
    const suffix = (k: LocalField) => (overridden.includes(k) ? t('(本级已调整)', ' (set here)') : notInherited.has(k) ? t('(本级尚未填写)', ' (none set here yet)') : t('(沿用上级)', ' (as above)'));
    return {
      ...Object.fromEntries(
        LOCAL.map((k) => [
          k,
          {
            ...(k === 'faqs' ? { items: { answer: { 'ui:widget': 'textarea' } } } : {}),
            ...(k in modelUi ? modelUi[k as keyof typeof modelUi] : {}),
            ...(k === 'promisedLimit' && promisedHelp ? { 'ui:description': promisedHelp } : {}),
            ...(k === 'windows' ? { 'ui:description': windowsHelp } : {}),
            ...(k === 'consultation' ? { 'ui:description': consultationHelp } : {}),
            'ui:title': `${t(localFields[k][0], localFields[k][1])}${suffix(k)}`,
          },
        ]),
      ),
    };
  }, [overridden, promisedHelp, windowsHelp, consultationHelp, t]);
  const materials = definition.materials ?? [];
  const setShared = (index: number, shared: { provider: string } | undefined) =>
    update((current) => {
      const next = structuredClone(current.materials ?? []);
      if (shared) next[index]!.shared = shared;
      else delete next[index]!.shared;
      return { ...current, materials: next };
    });
  const locked: Array<[string, string, unknown]> = [
    ['事项名称', 'Name', definition.name],
    ['基本编码', 'Catalogue code', definition.catalogCode],
    ['法定办结时限', 'Legal limit', legal ? t(legal.zh, legal.en) : '—'],
    ['申请材料', 'Materials', t(`${materials.length} 项`, `${materials.length}`)],
    ['办理环节', 'Steps', t(`${definition.steps?.length ?? 0} 个`, `${definition.steps?.length ?? 0}`)],
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={<Space><LockOutlined aria-hidden />{t('基本要素(由上级设定，已锁定)', 'Basic elements (set above, locked)')}</Space>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          {locked.map(([zh, en, value]) => (
            <Descriptions.Item key={zh} label={<Space size={4}><LockOutlined aria-label={t('已锁定', 'locked')} />{t(zh, en)}</Space>}>
              {String(value ?? '—')}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <Card size="small" title={t('本地内容', 'Local parts')}>
        <section aria-label={t('本地内容', 'Local parts')}>
          <ModelFieldsForm fields={LOCAL} definition={definition} update={update} uiSchema={uiSchema} issues={issues} />
        </section>
      </Card>
      <Card size="small" title={t('本地免交的材料(可通过共享获取)', 'Materials obtained locally by sharing (免交)')}>
        <List
          size="small"
          dataSource={materials}
          renderItem={(m, index) => (
            <List.Item>
              <Space wrap>
                <Switch checked={!!m.shared} aria-label={t(`「${m.name}」本地免交`, `"${m.name}" shared here`)} onChange={(on) => setShared(index, on ? { provider: m.shared?.provider ?? t('本级共享平台', 'local sharing platform') } : undefined)} />
                <Typography.Text>{m.name}</Typography.Text>
                {m.shared && (
                  <Input size="small" style={{ width: 220 }} aria-label={t(`「${m.name}」共享来源`, `Source of "${m.name}"`)} value={m.shared.provider} onChange={(e) => setShared(index, { provider: e.target.value })} />
                )}
                {m.shared && <Tag color="green">{t('免交', 'shared')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
