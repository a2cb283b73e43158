import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import type { ItemHead } from '@onevisit/functions/records';
import type { BundleItem } from '@onevisit/item-schemas';
import { api, type Change } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/**
 * A base item published again after the bundle pinned its version: what changed in it, in the
 * item editor's words, and the choice to follow it. The bundle keeps the old version until then.
 */
export function BaseVersionNotice({ items, heads, published, follow }: { items: readonly BundleItem[]; heads: readonly ItemHead[]; published: boolean; follow: (key: string, version: number) => void }) {
  const behind = items.flatMap((i) => {
    const head = heads.find((h) => h.itemId === i.itemId && h.jurisdiction === i.jurisdiction);
    return head && head.state === 'published' && head.version > i.version ? [{ ref: i, head }] : [];
  });
  return (
    <>
      {behind.map(({ ref, head }) => (
        <Behind key={ref.key} ref_={ref} head={head} published={published} follow={follow} />
      ))}
    </>
  );
}

function Behind({ ref_, head, published, follow }: { ref_: BundleItem; head: ItemHead; published: boolean; follow: (key: string, version: number) => void }) {
  const { t, language } = useI18n();
  const { session } = useSignedIn();
  const name = head.published?.name ?? head.draftName;
  const diff = useQuery({ queryKey: ['diff', session.jurisdiction, ref_.itemId, ref_.version, head.version], queryFn: () => api.diff(session.jurisdiction, ref_.itemId, ref_.version, head.version) });
  const words = (zh: string, en: string) => (language === 'zh' ? zh : en) || '—';
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="warning"
      showIcon
      message={t(
        `「${name}」已发布第 ${head.version} 版，本一件事${published ? '仍按' : '选用的是'}第 ${ref_.version} 版办理。`,
        `“${name}” has published version ${head.version}; this bundle ${published ? 'still runs' : 'uses'} version ${ref_.version}.`,
      )}
      description={
        <>
          <Typography.Paragraph style={{ margin: '4px 0' }}>
            {t(`第 ${ref_.version} 版 → 第 ${head.version} 版的变化：`, `What changed from version ${ref_.version} to ${head.version}:`)}
          </Typography.Paragraph>
          <Table<Change>
            size="small"
            rowKey={(c) => `${c.kind} ${c.path} ${c.label}`}
            loading={diff.isLoading}
            pagination={false}
            dataSource={diff.data ?? []}
            columns={[
              { title: t('内容', 'What'), key: 'label', render: (_: unknown, c: Change) => words(c.label, c.label_en) },
              { title: t('变化', 'Change'), dataIndex: 'kind', render: (k: Change['kind']) => <Tag>{k === 'added' ? t('新增', 'Added') : k === 'removed' ? t('删除', 'Removed') : t('修改', 'Changed')}</Tag> },
              { title: t('原来', 'Before'), key: 'before', render: (_: unknown, c: Change) => words(c.before, c.before_en) },
              { title: t('现在', 'After'), key: 'after', render: (_: unknown, c: Change) => words(c.after, c.after_en) },
            ]}
          />
          <Typography.Paragraph style={{ margin: '8px 0 0' }}>
            {t('改用新版本后，请核对合并问题和材料，再重新发布；已受理的申请仍按原版本办理。', 'After following it, check the questions and documents, then publish again; applications already filed keep the old version.')}
          </Typography.Paragraph>
        </>
      }
      action={
        <Button onClick={() => follow(ref_.key, head.version)} aria-label={t(`改用「${name}」第 ${head.version} 版`, `Follow version ${head.version} of “${name}”`)}>
          {t(`改用第 ${head.version} 版`, `Follow version ${head.version}`)}
        </Button>
      }
    />
  );
}
