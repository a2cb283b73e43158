import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Input, List, Modal, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { bundleChecks, itemsInStageOrder, proposeFieldMerge, type BaseHead, type BundleIssue } from '@onevisit/item-schemas';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useBlocker, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { bundleApi, refusedIssues } from './bundle-api';
import { departmentsFrom, sameDefinition } from './bundle-definition';
import { BaseVersionNotice } from './BaseVersionNotice';
import { BasicsTab } from './BasicsTab';
import { BundleMaterialsTab } from './BundleMaterialsTab';
import { BundleVersionsTab } from './BundleVersionsTab';
import { MissingWindowsNotice } from './MissingWindowsNotice';
import { PromiseTab } from './PromiseTab';
import { QuestionsTab } from './QuestionsTab';
import { ScenarioTab } from './ScenarioTab';
import { useBaseVersions, useBundleDraft } from './use-bundle-draft';

type Tab = 'basics' | 'scenario' | 'questions' | 'materials' | 'promise' | 'versions';

/** Where an issue is fixed, from where it points in the definition. */
const tabOf = (issue: BundleIssue): Tab => (issue.path.startsWith('/scenario') || /^\/items\/\d+\/when/.test(issue.path) ? 'scenario' : issue.path.startsWith('/fields') ? 'questions' : issue.path.startsWith('/materials') ? 'materials' : issue.code.startsWith('BUNDLE_PROMISE') ? 'promise' : 'basics');

/** One 一件事: its items and steps, the one form and checklist, the promise, the checks as it is edited, saving and publishing. */
export function BundleEditorPage() {
  const { bundleId = '' } = useParams();
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const { message, modal } = App.useApp();
  const queries = useQueryClient();
  const draft = useBundleDraft(j, bundleId);
  const heads = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j) });
  const head = useQuery({ queryKey: ['bundles', j], queryFn: () => bundleApi.list(j) }).data?.find((b) => b.bundleId === bundleId);
  const published = useQuery({ queryKey: ['bundle-version', j, bundleId, head?.version], queryFn: () => bundleApi.version(j, bundleId, head!.version), enabled: (head?.version ?? 0) > 0 });
  const { base, loading: baseLoading, failed } = useBaseVersions(draft.definition?.items ?? []);
  const headOf = (itemId: string) => heads.data?.find((h) => h.itemId === itemId);
  const nameOf = (itemId: string) => `「${headOf(itemId)?.published?.name ?? headOf(itemId)?.draftName ?? itemId}」`;
  // Items never published here are told by the notice on versions (a county's claims, until it publishes them).
  const unread = failed.filter((itemId) => (headOf(itemId)?.version ?? 1) > 0);
  const [tab, setTab] = useState<Tab>();
  const [busy, setBusy] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [refused, setRefused] = useState<BundleIssue[]>([]);

  // The departments taking part follow the items: the lead kept while one of them is its.
  const deferred = useDeferredValue(draft.definition);
  const effective = useMemo(() => deferred && { ...deferred, ...departmentsFrom(deferred, base) }, [deferred, base]);
  const itemHeads = useMemo(() => {
    const found: Record<string, BaseHead | undefined> = {};
    for (const i of draft.definition?.items ?? []) {
      const h = heads.data?.find((x) => x.itemId === i.itemId && x.jurisdiction === i.jurisdiction);
      found[i.key] = h && { state: h.state, version: h.version, name: h.published?.name ?? h.draftName };
    }
    return found;
  }, [draft.definition?.items, heads.data]);
  const checked = useMemo(() => (effective && !baseLoading && heads.data ? bundleChecks(effective, base, itemHeads) : undefined), [effective, base, baseLoading, itemHeads, heads.data]);
  const issues = checked?.issues ?? [];
  const proposal = useMemo(() => {
    const ordered = effective ? itemsInStageOrder({ items: effective.items ?? [], stages: effective.stages ?? [] }).filter((i) => base[i.key]) : [];
    return proposeFieldMerge(ordered.map((i) => ({ key: i.key, item: base[i.key]! })));
  }, [effective, base]);
  // Nothing to publish when the draft says what the published version says.
  const upToDate = !draft.dirty && !!published.data && !!checked?.bundle && sameDefinition(checked.bundle, published.data.definition);
  const unmerged = proposal.length > 0 && (draft.definition?.fields?.length ?? 0) === 0;
  // A new bundle opens where its one form is made; after that, where the official left it.
  useEffect(() => {
    if (!tab && draft.definition) setTab((draft.definition.fields?.length ?? 0) === 0 && (draft.definition.items?.length ?? 0) >= 2 ? 'questions' : 'basics');
  }, [tab, draft.definition]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => draft.dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('有未保存的修改', 'There are unsaved changes'),
      content: t('离开后这些修改将丢失。确定离开吗？', 'They will be lost if you leave. Leave anyway?'),
      okText: t('离开', 'Leave'),
      cancelText: t('留下', 'Stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!draft.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [draft.dirty]);

  const failedWith = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'DRAFT_CONFLICT') {
      modal.confirm({
        title: t('草稿已被他人修改', 'Someone else changed the draft'),
        content: t('载入最新的草稿？您在此处的修改将被放弃。', 'Load their version? Your changes here will be discarded.'),
        okText: t('载入最新草稿', 'Load the latest'),
        cancelText: t('暂不', 'Not now'),
        onOk: () => draft.reload(),
      });
    } else if (refusedIssues(error).length > 0) setRefused(refusedIssues(error));
    else message.error(error instanceof ApiError ? pick(error) : String(error));
  };

  const saveNow = async () => {
    const saved = await draft.save({ ...draft.definition!, ...departmentsFrom(draft.definition!, base) });
    await queries.invalidateQueries({ queryKey: ['bundles', j] });
    return saved;
  };
  const save = async () => {
    setBusy(true);
    try {
      await saveNow();
      message.success(t('草稿已保存', 'Draft saved'));
    } catch (error) {
      failedWith(error);
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setBusy(true);
    setRefused([]);
    try {
      const saved = draft.dirty ? await saveNow() : undefined;
      const version = await bundleApi.publish(j, bundleId, saved?.revision ?? draft.revision!, changeNote.trim() || undefined);
      setPublishing(false);
      setChangeNote('');
      await queries.invalidateQueries({ queryKey: ['bundles', j] });
      await queries.invalidateQueries({ queryKey: ['bundle-versions', j, bundleId] });
      message.success(t(`已发布第 ${version.version} 版`, `Version ${version.version} published`));
    } catch (error) {
      setPublishing(false);
      failedWith(error);
    } finally {
      setBusy(false);
    }
  };

  if (draft.loading || !draft.definition || !effective) return draft.error ? <Alert type="error" showIcon message={draft.error instanceof ApiError ? pick(draft.error) : String(draft.error)} /> : <Spin />;
  const definition = draft.definition;
  const shown = refused.length > 0 ? refused : issues;
  const label = (text: string, key: Tab) => {
    const count = issues.filter((i) => tabOf(i) === key).length;
    return count ? <Badge count={count} size="small" offset={[8, -2]}>{text}</Badge> : text;
  };
  const applyAt = `/apply/${j}/${bundleId}`;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {definition.name || bundleId}
          <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>{t('一件事', 'Bundle')}</Tag>
        </Typography.Title>
        <Space wrap>
          {draft.dirty && <Tag color="orange">{t('有未保存的修改', 'Unsaved changes')}</Tag>}
          {upToDate ? (
            <Tag color="green">{t(`已发布第 ${head!.version} 版，无未发布的修改`, `Version ${head!.version} is published; nothing new to publish`)}</Tag>
          ) : (
            <Tag>{t(`草稿第 ${draft.revision} 稿${head?.version ? `(已发布第 ${head.version} 版)` : '(未发布)'}`, `Draft revision ${draft.revision}${head?.version ? ` (version ${head.version} published)` : ' (never published)'}`)}</Tag>
          )}
          <Button onClick={save} loading={busy} disabled={!draft.dirty}>
            {t('保存草稿', 'Save draft')}
          </Button>
          <Tooltip title={upToDate ? t('草稿与已发布的版本相同', 'The draft is the published version') : issues.length > 0 ? t('请先修改下面列出的问题', 'Fix the issues listed below first') : undefined}>
            <Button type="primary" onClick={() => setPublishing(true)} disabled={issues.length > 0 || busy || !checked || upToDate}>
              {t('发布', 'Publish')}
            </Button>
          </Tooltip>
        </Space>
      </Space>
      {head && head.version > 0 && (
        <Typography.Paragraph>
          {t('申请页：', 'Application page: ')}
          <a href={applyAt} target="_blank" rel="noreferrer">
            {applyAt}
          </a>
        </Typography.Paragraph>
      )}
      {unread.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="error"
          showIcon
          message={t(`读取不到所选事项的已发布版本：${unread.map(nameOf).join('、')}`, `The published versions of these items could not be read: ${unread.map(nameOf).join(', ')}`)}
        />
      )}
      <BaseVersionNotice items={definition.items ?? []} heads={heads.data ?? []} published={(head?.version ?? 0) > 0} follow={(key, version) => draft.update((d) => ({ ...d, items: (d.items ?? []).map((i) => (i.key === key ? { ...i, version } : i)) }))} />
      <MissingWindowsNotice jurisdiction={j} items={definition.items ?? []} heads={heads.data ?? []} base={base} />
      <section aria-label={t('发布前检查', 'Publish-time checks')} style={{ marginBottom: 12 }}>
        {!checked ? (
          <Spin size="small" />
        ) : shown.length === 0 ? (
          <Alert
            type={unmerged ? 'info' : 'success'}
            showIcon
            message={t('发布前检查全部通过，可以发布。', 'Every publish-time check passes: ready to publish.')}
            description={unmerged && t('提示：合并问题的建议尚未接受，申请人会在各事项中重复回答相同的问题。', 'Note: the suggested groups of questions are not accepted yet, so the applicant would answer the same questions once per item.')}
          />
        ) : (
          <Alert
            type={refused.length > 0 ? 'error' : 'warning'}
            showIcon
            message={refused.length > 0 ? t(`发布未成功，有 ${refused.length} 项需要修改：`, `Not published: ${refused.length} thing(s) to fix:`) : t(`有 ${shown.length} 项需要修改后才能发布：`, `${shown.length} thing(s) to fix before publishing:`)}
            description={
              <List
                size="small"
                dataSource={shown}
                style={{ maxHeight: 260, overflowY: 'auto' }}
                renderItem={(issue) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setTab(tabOf(issue))}>
                      {pick(issue)}
                    </Button>
                  </List.Item>
                )}
              />
            }
          />
        )}
      </section>
      <Tabs
        activeKey={tab ?? 'basics'}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'basics', label: label(t('事项与顺序', 'Items and order'), 'basics'), children: <BasicsTab jurisdiction={j} heads={heads.data ?? []} definition={effective} update={draft.update} /> },
          { key: 'scenario', label: label(t('办理情形', 'Scenarios'), 'scenario'), children: <ScenarioTab definition={effective} heads={heads.data ?? []} update={draft.update} issues={issues.filter((i) => tabOf(i) === 'scenario')} /> },
          { key: 'questions', label: label(t('合并问题', 'Questions asked once'), 'questions'), children: <QuestionsTab definition={definition} bundle={checked?.bundle} proposal={proposal} base={base} update={draft.update} issues={issues.filter((i) => tabOf(i) === 'questions')} /> },
          { key: 'materials', label: label(t('合并材料', 'Documents handed in once'), 'materials'), children: <BundleMaterialsTab bundle={checked?.bundle} base={base} update={draft.update} issues={issues.filter((i) => tabOf(i) === 'materials')} /> },
          { key: 'promise', label: label(t('时限与数据', 'Time and figures'), 'promise'), children: <PromiseTab definition={definition} bundle={checked?.bundle} base={base} /> },
          { key: 'versions', label: t('版本历史', 'Versions'), children: <BundleVersionsTab bundleId={bundleId} /> },
        ]}
      />
      <Modal open={publishing} title={t('发布一件事', 'Publish the bundle')} okText={t('发布', 'Publish')} cancelText={t('取消', 'Cancel')} onOk={publish} confirmLoading={busy} onCancel={() => setPublishing(false)}>
        <Typography.Paragraph>{t('发布后，申请人即可在申请页一次申请全部事项；已受理的申请仍按原版本办理。', 'Once published, applicants apply for all the items at once on its page; applications already filed keep their version.')}</Typography.Paragraph>
        <label htmlFor="bundle-change-note">{t('变更说明(可选)', 'What changed (optional)')}</label>
        <Input.TextArea id="bundle-change-note" rows={3} maxLength={1000} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
      </Modal>
    </>
  );
}
