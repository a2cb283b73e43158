import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Input, List, Modal, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { runPublishChecks, type CheckIssue } from '@onevisit/item-schemas';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useBlocker, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { BasicsTab } from './BasicsTab';
import { useDraftState } from './draft-state';
import { FormTab } from './FormTab';
import { MaterialsTab } from './MaterialsTab';
import { IssuesAsked } from './issues-asked';
import { fieldId, tabOf, type Tab } from './paths';
import { PreviewTab } from './PreviewTab';
import { StepsTab } from './StepsTab';
import { VersionsTab } from './VersionsTab';
import { WhereItLives } from './WhereItLives';
import { LocalTab } from './LocalTab';
import { UpstreamTab } from './UpstreamTab';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/** One item: its draft in tabs, the publish-time checks as it is edited, saving and publishing. */
export function ItemEditorPage() {
  const { itemId = '' } = useParams();
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const { message, modal } = App.useApp();
  const queries = useQueryClient();
  const draft = useDraftState(j, itemId);
  const [tab, setTab] = useState<Tab>();
  const [busy, setBusy] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [asked, setAsked] = useState(0);

  // The same checks the server runs at publish, run here as the official types, with the
  // jurisdiction's departments so an item nobody would work is flagged before publishing.
  const deferred = useDeferredValue(draft.definition);
  const departments = useQuery({ queryKey: ['departments', j], queryFn: () => api.departments(j) });
  const onRecord = useMemo(() => departments.data?.map((d) => ({ id: d.id, name: d.name, officers: d.officers.length })), [departments.data]);
  const issues: CheckIssue[] = useMemo(() => (deferred ? runPublishChecks(deferred, onRecord ? { departments: onRecord } : {}).issues : []), [deferred, onRecord]);
  const head = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j) }).data?.find((h) => h.itemId === itemId);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => draft.dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('有未保存的修改', 'There are unsaved changes'),
      content: t('离开后修改仍保存在本浏览器中，回来时可以继续。确定离开吗？', 'They stay in this browser and come back when you return. Leave anyway?'),
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

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'DRAFT_CONFLICT') {
      modal.confirm({
        title: t('草稿已被他人修改', 'Someone else changed the draft'),
        content: t('载入最新的草稿？您在此处的修改将被放弃。', 'Load their version? Your changes here will be discarded.'),
        okText: t('载入最新草稿', 'Load the latest'),
        cancelText: t('暂不', 'Not now'),
        onOk: () => draft.reload(),
      });
    } else message.error(error instanceof ApiError ? pick(error) : String(error));
  };

  const save = async () => {
    setBusy(true);
    try {
      await draft.save();
      await queries.invalidateQueries({ queryKey: ['items', j] });
      message.success(t('草稿已保存', 'Draft saved'));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    setBusy(true);
    try {
      const saved = draft.dirty ? await draft.save() : undefined;
      const version = await api.publish(j, itemId, saved?.revision ?? draft.revision!, changeNote.trim() || undefined);
      setPublishing(false);
      setChangeNote('');
      await queries.invalidateQueries({ queryKey: ['items', j] });
      await queries.invalidateQueries({ queryKey: ['versions', j, itemId] });
      await queries.invalidateQueries({ queryKey: ['unreachable', j] });
      message.success(t(`已发布第 ${version.version} 版`, `Version ${version.version} published`));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const goTo = (issue: CheckIssue) => {
    setAsked((n) => n + 1);
    setTab(draft.clone ? 'local' : tabOf(issue.path));
    // After the tab renders, focus the control at fault (or its nearest enclosing one).
    setTimeout(() => {
      for (let path = issue.path; path; path = path.slice(0, path.lastIndexOf('/'))) {
        const element = document.getElementById(fieldId(path));
        if (element) {
          element.scrollIntoView({ block: 'center' });
          element.focus();
          return;
        }
      }
    }, 50);
  };

  if (draft.loading || !draft.definition) return draft.error ? <Alert type="error" showIcon message={draft.error instanceof ApiError ? pick(draft.error) : String(draft.error)} /> : <Spin />;
  const definition = draft.definition;
  const props = { definition, update: draft.update, issues };
  const clone = draft.clone;
  // Nothing to publish when the draft is the published version, unchanged.
  const upToDate = !draft.dirty && head?.version !== undefined && head.version > 0 && head.publishedRevision === draft.revision;
  // A clone edits only its local parts; the rest is upstream's (DOMAIN §3).
  const tabs = clone
    ? [
        { key: 'local', label: tabLabel(t('本地化', 'Local parts'), issues, 'basics', true), children: <LocalTab {...props} jurisdiction={j} itemId={itemId} clone={clone} /> },
        { key: 'upstream', label: t('上级更新', 'Upstream'), children: <UpstreamTab jurisdiction={j} itemId={itemId} revision={draft.revision!} onAccepted={() => void draft.reload()} /> },
        { key: 'preview', label: t('预览', 'Preview'), children: <PreviewTab definition={definition} /> },
        { key: 'versions', label: t('版本历史', 'Versions'), children: <VersionsTab itemId={itemId} /> },
      ]
    : [
        { key: 'basics', label: tabLabel(t('基本信息', 'Basics'), issues, 'basics'), children: <BasicsTab {...props} /> },
        { key: 'form', label: tabLabel(t('申请表单', 'Form'), issues, 'form'), children: <FormTab {...props} /> },
        { key: 'materials', label: tabLabel(t('申请材料', 'Materials'), issues, 'materials'), children: <MaterialsTab {...props} /> },
        { key: 'steps', label: tabLabel(t('环节与时限', 'Steps & deadlines'), issues, 'steps'), children: <StepsTab {...props} /> },
        { key: 'preview', label: t('预览', 'Preview'), children: <PreviewTab definition={definition} /> },
        { key: 'versions', label: t('版本历史', 'Versions'), children: <VersionsTab itemId={itemId} /> },
      ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {definition.name || itemId}
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
            <Button type="primary" onClick={() => setPublishing(true)} disabled={issues.length > 0 || busy || upToDate}>
              {t('发布', 'Publish')}
            </Button>
          </Tooltip>
        </Space>
      </Space>
      {draft.restored && <Alert style={{ marginBottom: 8 }} type="info" showIcon message={t('已恢复您上次在本浏览器中未保存的修改。', 'Your unsaved changes from last time in this browser are back.')} action={<Button size="small" onClick={draft.reload}>{t('放弃这些修改', 'Discard them')}</Button>} />}
      <section aria-label={t('发布前检查', 'Publish-time checks')} style={{ marginBottom: 12 }}>
        {issues.length === 0 ? (
          <Alert type="success" showIcon message={t('发布前检查全部通过，可以发布。', 'Every publish-time check passes: ready to publish.')} />
        ) : (
          <Alert
            type="warning"
            showIcon
            message={t(`有 ${issues.length} 项需要修改后才能发布：`, `${issues.length} thing(s) to fix before publishing:`)}
            description={
              <List
                size="small"
                dataSource={issues}
                style={{ maxHeight: 260, overflowY: 'auto' }}
                renderItem={(issue) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => goTo(issue)}>
                      {pick(issue)}
                    </Button>
                  </List.Item>
                )}
              />
            }
          />
        )}
      </section>
      {head && head.version > 0 && head.state !== 'cancelled' && <WhereItLives jurisdiction={j} itemId={itemId} version={head.version} name={head.published?.name ?? definition.name ?? itemId} {...(head.published ? { department: head.published.department.name } : {})} online={head.published?.online !== false} />}
      {clone && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message={t(`认领自上级事项(跟随 v${clone.upstream.version})：基本要素由上级设定并锁定，本级可调整本地内容。`, `Claimed from above (following v${clone.upstream.version}): the basic elements are set above and locked; adapt the local parts here.`)}
        />
      )}
      <IssuesAsked.Provider value={asked}>
        <Tabs activeKey={tab ?? (clone ? 'local' : 'basics')} onChange={(key) => setTab(key as Tab)} items={tabs} />
      </IssuesAsked.Provider>
      <Modal open={publishing} title={t('发布新版本', 'Publish a new version')} okText={t('发布', 'Publish')} cancelText={t('取消', 'Cancel')} onOk={publish} confirmLoading={busy} onCancel={() => setPublishing(false)}>
        <Typography.Paragraph>{t('发布后，新的申请按新版本办理；已受理的办件仍按原版本办理。', 'New applications follow the new version; cases already filed keep theirs.')}</Typography.Paragraph>
        <label htmlFor="change-note">{t('变更说明(可选)', 'What changed (optional)')}</label>
        <Input.TextArea id="change-note" rows={3} maxLength={1000} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
      </Modal>
    </>
  );
}

function tabLabel(label: string, issues: readonly CheckIssue[], tab: Tab, all = false) {
  const count = all ? issues.length : issues.filter((i) => tabOf(i.path) === tab).length;
  return count ? (
    <Badge count={count} size="small" offset={[8, -2]}>
      {label}
    </Badge>
  ) : (
    label
  );
}
