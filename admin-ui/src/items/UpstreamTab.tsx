import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { decisionProblem, itemValueWords, type ConflictDecision, type OverrideConflict, type UpstreamChange } from '@onevisit/item-schemas';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';

/**
 * 上级更新: what the level above changed since the version this clone follows, field by field
 * against the local overrides; each conflict asks for a decision; accept or defer.
 */
export function UpstreamTab({ jurisdiction, itemId, revision, onAccepted }: { jurisdiction: string; itemId: string; revision: number; onAccepted: () => void }) {
  const { t, pick, language } = useI18n();
  const words = (zh: string, en: string) => (language === 'zh' ? zh : en) || '—';
  // A county's own value and upstream's, in words, for the decision between them.
  const shown = (path: string, value: unknown) => {
    const said = itemValueWords(path, value);
    return words(said.zh, said.en);
  };
  const { message } = App.useApp();
  const status = useQuery({ queryKey: ['upstream', jurisdiction, itemId], queryFn: () => api.upstream(jurisdiction, itemId) });
  const [decisions, setDecisions] = useState<Record<string, ConflictDecision>>({});
  const [busy, setBusy] = useState(false);
  if (!status.data) return <Card loading />;
  const s = status.data;
  if (!s.behind) return <Alert type="success" showIcon message={t(`已跟随上级最新版本 v${s.following.version}`, `Following the latest version above (v${s.following.version})`)} />;

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      message.success(done);
      await status.refetch();
      onAccepted();
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
    } finally {
      setBusy(false);
    }
  };
  const undecided = s.conflicts.filter((c) => c.code !== 'MATERIAL_GONE' && !decisions[c.path]);
  // The same rule the server applies: a decision that leaves the item unpublishable is said at it, and not sent.
  const problems = new Map(
    s.conflicts.flatMap((c) => {
      const problem = decisions[c.path] && decisionProblem(c, decisions[c.path]!);
      return problem ? [[c.path, problem] as const] : [];
    }),
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Alert
        type="warning"
        showIcon
        message={t(`上级已发布 v${s.latest.version}，本事项跟随的是 v${s.following.version}`, `The level above published v${s.latest.version}; this item follows v${s.following.version}`)}
        description={s.deferredVersion ? t(`已暂缓 v${s.deferredVersion}`, `v${s.deferredVersion} was deferred`) : t('已受理的办件仍按原版本办理。', 'Cases already filed keep their version.')}
      />
      <Card size="small" title={t('上级的变更', 'What changed above')}>
        <Table<UpstreamChange>
          rowKey={(c) => `${c.kind} ${c.path} ${c.label}`}
          size="small"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={s.changes}
          columns={[
            { title: t('内容', 'What'), key: 'label', render: (_: unknown, c: UpstreamChange) => words(c.label, c.label_en) },
            { title: t('原值', 'Before'), key: 'before', render: (_: unknown, c: UpstreamChange) => words(c.before, c.before_en) },
            { title: t('新值', 'After'), key: 'after', render: (_: unknown, c: UpstreamChange) => words(c.after, c.after_en) },
            { title: t('本级', 'Here'), dataIndex: 'overridden', render: (o: boolean) => (o ? <Tag color="blue">{t('本级已调整', 'set here')}</Tag> : <Tag>{t('随上级更新', 'follows above')}</Tag>) },
          ]}
        />
      </Card>
      {s.conflicts.length > 0 && (
        <Card size="small" title={t('需要决定', 'To decide')}>
          {s.conflicts.map((c: OverrideConflict) => (
            <div key={c.path} style={{ marginBottom: 12 }}>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{pick(c)}</Typography.Paragraph>
              {c.code !== 'MATERIAL_GONE' && (
                <Radio.Group
                  aria-label={t(`「${c.title}」的决定`, `Decision on "${c.title}"`)}
                  value={decisions[c.path]?.take}
                  onChange={(e) => setDecisions((d) => ({ ...d, [c.path]: e.target.value === 'value' ? { take: 'value', value: c.local } : { take: e.target.value } }))}
                  options={[
                    ...(c.code === 'BOTH_CHANGED' ? [{ value: 'local', label: t(`保留本级：${shown(c.path, c.local)}`, `Keep ours: ${shown(c.path, c.local)}`) }] : []),
                    { value: 'upstream', label: t(`采用上级：${shown(c.path, c.upstream)}`, `Take theirs: ${shown(c.path, c.upstream)}`) },
                    ...(c.path === '/promisedLimit' ? [{ value: 'value', label: t('重新设定', 'Set anew') }] : []),
                  ]}
                />
              )}
              {decisions[c.path]?.take === 'value' && (
                <InputNumber
                  aria-label={t('新的承诺时限(工作日)', 'New promised limit (working days)')}
                  min={0}
                  style={{ marginLeft: 8 }}
                  value={(decisions[c.path] as { value: { value: number } }).value?.value}
                  onChange={(v) => setDecisions((d) => ({ ...d, [c.path]: { take: 'value', value: { value: v ?? 0, unit: 'workday' } } }))}
                />
              )}
              {problems.has(c.path) && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" message={pick(problems.get(c.path)!)} />}
            </div>
          ))}
        </Card>
      )}
      <Space wrap>
        <Button type="primary" loading={busy} disabled={undecided.length > 0 || problems.size > 0} onClick={() => act(() => api.acceptUpstream(jurisdiction, itemId, revision, s.latest.version, decisions), t('已采用上级新版本，请检查后发布', 'Updated from above: check and publish'))}>
          {t(`采用上级 v${s.latest.version}`, `Take v${s.latest.version}`)}
        </Button>
        <Button loading={busy} onClick={() => act(() => api.deferUpstream(jurisdiction, itemId, s.latest.version), t('已暂缓', 'Deferred'))}>
          {t('暂缓', 'Defer')}
        </Button>
      </Space>
    </Space>
  );
}
