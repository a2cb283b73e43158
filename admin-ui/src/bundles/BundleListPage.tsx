import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { shanghaiTime } from '../cases/format';
import { useI18n } from '../i18n';
import { PlainTable } from '../plain-table';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';
import { api } from '../api';
import { bundleApi, type BundleHead } from './bundle-api';
import { UpstreamBundles } from './UpstreamBundles';

/** The jurisdiction's 一件事: one application for several items, each a link to its screen. */
export function BundleListPage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const navigate = useNavigate();
  const bundles = useQuery({ queryKey: ['bundles', j], queryFn: () => bundleApi.list(j), enabled: canConfigure(session) });
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: api.jurisdictions });
  const hasParent = !!jurisdictions.data?.find((x) => x.id === j)?.parent;
  if (!canConfigure(session)) return <Alert type="info" showIcon message={t('只有区划管理员可以配置一件事。', 'Only jurisdiction administrators configure bundles.')} />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('一件事一次办', 'One application, several items')}
        </Typography.Title>
        <Button type="primary" onClick={() => navigate('/bundles/new')}>
          {t('新建一件事', 'New bundle')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('把几个相关事项合成一次申请：申请人填一张表、交一套材料，各部门按顺序或同时办理。', 'Several related items taken as one application: the applicant fills in one form and hands in one set of documents; the departments handle them in turn or at the same time.')}
      </Typography.Paragraph>
      {bundles.isError && <Alert type="error" showIcon message={String(bundles.error)} />}
      <PlainTable<BundleHead>
        rowKey={(b) => b.bundleId}
        loading={bundles.isLoading}
        rows={bundles.data ?? []}
        minWidth={560}
        columns={[
          { key: 'name', title: t('一件事名称', 'Name'), render: (b) => <Link to={`/bundles/${b.bundleId}`}>{b.name}</Link> },
          { key: 'state', title: t('状态', 'State'), render: (b) => (b.state === 'published' ? <Tag color="green">{t('已发布', 'Published')}</Tag> : <Tag>{t('草稿', 'Draft')}</Tag>) },
          { key: 'version', title: t('版本', 'Version'), render: (b) => (b.version ? `v${b.version}` : '—') },
          { key: 'updated', title: t('最近修改', 'Last changed'), render: (b) => shanghaiTime(b.updatedAt) },
        ]}
      />
      {hasParent && <UpstreamBundles jurisdiction={j} />}
    </>
  );
}
