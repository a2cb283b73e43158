import { LockOutlined } from '@ant-design/icons';
import type { UiSchema } from '@rjsf/utils';
import { Card, Descriptions, Input, List, Space, Switch, Tag, Typography } from 'antd';
import { localFields, type LocalField } from '@onevisit/item-schemas';
import { useMemo } from 'react';
import { ModelFieldsForm } from '../editor/ModelFieldsForm';
import type { TabProps } from '../editor/tab-props';
import { modelUi } from '../editor/model-ui';
import { useI18n } from '../i18n';

const LOCAL = Object.keys(localFields) as LocalField[];

interface MaterialRow {
  id: string;
  name: string;
  shared?: { provider: string };
}

/**
 * A clone's editor: the local fields (with a marker where the county overrides upstream), each
 * material's local sharing (免交), and the basic elements shown locked.
 */
export function LocalTab({ definition, update, issues, overridden }: TabProps & { overridden: string[] }) {
  const { t } = useI18n();
  const uiSchema: UiSchema = useMemo(
    () => ({
      ...Object.fromEntries(
        LOCAL.map((k) => [k, { ...(k === 'faqs' ? { items: { answer: { 'ui:widget': 'textarea' } } } : {}), ...(k in modelUi ? modelUi[k as keyof typeof modelUi] : {}), 'ui:title': `${t(localFields[k][0], localFields[k][1])}${overridden.includes(k) ? t('(本级已调整)', ' (set here)') : t('(沿用上级)', ' (as above)')}` }]),
      ),
    }),
    [overridden, t],
  );
  const materials = (definition.materials ?? []) as MaterialRow[];
  const setShared = (index: number, shared: MaterialRow['shared']) =>
    update((current) => {
      const next = structuredClone((current.materials ?? []) as MaterialRow[]);
      if (shared) next[index]!.shared = shared;
      else delete next[index]!.shared;
      return { ...current, materials: next };
    });
  const locked: Array<[string, string, unknown]> = [
    ['事项名称', 'Name', definition.name],
    ['基本编码', 'Catalogue code', definition.catalogCode],
    ['法定办结时限', 'Legal limit', (definition.legalLimit as { value?: number } | null)?.value ?? '—'],
    ['申请材料', 'Materials', t(`${materials.length} 项`, `${materials.length}`)],
    ['办理环节', 'Steps', t(`${(definition.steps as unknown[] | undefined)?.length ?? 0} 个`, `${(definition.steps as unknown[] | undefined)?.length ?? 0}`)],
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
