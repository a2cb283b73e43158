import { useQuery } from '@tanstack/react-query';
import { Empty, Tag } from 'antd';
import { shanghaiTime } from '../cases/format';
import { useI18n } from '../i18n';
import { PlainTable } from '../plain-table';
import { useSignedIn } from '../session-context';
import { bundleApi } from './bundle-api';

/** The bundle's published versions, newest first. */
export function BundleVersionsTab({ bundleId }: { bundleId: string }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const versions = useQuery({ queryKey: ['bundle-versions', j, bundleId], queryFn: () => bundleApi.versions(j, bundleId) });
  if (versions.data && versions.data.length === 0) return <Empty description={t('尚未发布过', 'Not published yet')} />;
  const latest = versions.data?.at(-1)?.version;
  return (
    <PlainTable
      rowKey={(v) => String(v.version)}
      loading={versions.isLoading}
      rows={[...(versions.data ?? [])].reverse()}
      columns={[
        { key: 'version', title: t('版本', 'Version'), render: (v) => <Tag color={v.version === latest ? 'green' : undefined}>v{v.version}</Tag> },
        { key: 'at', title: t('发布时间', 'Published'), render: (v) => shanghaiTime(v.publishedAt) },
        { key: 'by', title: t('发布人', 'By'), render: (v) => v.publishedByName ?? v.publishedBy },
        { key: 'note', title: t('变更说明', 'Change note'), render: (v) => v.changeNote ?? '—' },
      ]}
    />
  );
}
