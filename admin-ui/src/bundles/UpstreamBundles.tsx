import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { PlainTable } from '../plain-table';
import { bundleApi, type BundleClaim, type ClaimableBundle } from './bundle-api';

/**
 * A county's list of its parent's 一件事 to claim: each with its base items, which of them the
 * county has claimed, and one button that claims the 一件事 with the items it lacks. What to do
 * next (publish the claimed items, then the 一件事) is said after the claim.
 */
export function UpstreamBundles({ jurisdiction }: { jurisdiction: string }) {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const claimable = useQuery({ queryKey: ['claimable-bundles', jurisdiction], queryFn: () => bundleApi.claimable(jurisdiction) });
  const claim = useMutation({
    mutationFn: (bundleId: string) => bundleApi.claim(jurisdiction, bundleId),
    onSuccess: () => Promise.all(['claimable-bundles', 'bundles', 'items', 'claimable'].map((key) => queryClient.invalidateQueries({ queryKey: [key, jurisdiction] }))),
  });
  const done = claim.data;
  return (
    <Card size="small" title={t('上级的一件事', 'Bundles of the level above')} style={{ marginTop: 16 }} data-testid="upstream-bundles">
      <Typography.Paragraph type="secondary">
        {t('认领后本级得到一件事的副本，基础事项换成本级认领的事项，申请由本级部门办理。', 'A claimed bundle is copied here over the items this jurisdiction claims, so its applications go to the departments here.')}
      </Typography.Paragraph>
      {claim.isError && <Alert type="error" showIcon message={claim.error instanceof ApiError ? pick(claim.error) : String(claim.error)} style={{ marginBottom: 12 }} />}
      {done && <ClaimOutcome claim={done} names={claimable.data?.find((b) => b.bundleId === done.bundleId)} />}
      <PlainTable<ClaimableBundle>
        rowKey={(b) => b.bundleId}
        loading={claimable.isLoading}
        rows={claimable.data ?? []}
        minWidth={560}
        columns={[
          { key: 'name', title: t('一件事名称', 'Name'), render: (b) => b.name },
          {
            key: 'items',
            title: t('基础事项', 'Base items'),
            render: (b) => (
              <Space wrap size={4}>
                {b.items.map((i) => (
                  <Tag key={i.itemId} color={i.claimed ? 'green' : undefined}>
                    {i.name}
                    {i.claimed ? t('(已认领)', ' (claimed)') : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'claim',
            title: t('操作', 'Action'),
            render: (b) =>
              b.claimed ? (
                <Link to={`/bundles/${b.bundleId}`}>{t('已认领，去编辑', 'Claimed: edit')}</Link>
              ) : (
                <Button size="small" loading={claim.isPending && claim.variables === b.bundleId} onClick={() => claim.mutate(b.bundleId)}>
                  {b.items.some((i) => !i.claimed) ? t('认领(连同未认领的事项)', 'Claim (with the items not claimed)') : t('认领', 'Claim')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function ClaimOutcome({ claim, names }: { claim: BundleClaim; names: ClaimableBundle | undefined }) {
  const { t } = useI18n();
  const nameOf = (itemId: string) => names?.items.find((i) => i.itemId === itemId)?.name ?? itemId;
  const cloned = claim.items.filter((i) => i.status === 'cloned').map((i) => nameOf(i.itemId));
  const blocked = claim.items.filter((i) => i.status === 'notPublished' || i.status === 'idTaken').map((i) => nameOf(i.itemId));
  const bundle = names?.name ?? claim.bundleId;
  return (
    <Alert
      type={blocked.length > 0 ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      role="status"
      message={claim.status === 'cloned' ? t(`已认领「${bundle}」`, `Claimed "${bundle}"`) : t(`本级已有「${bundle}」`, `"${bundle}" is here already`)}
      description={
        <>
          {cloned.length > 0 && <div>{t(`同时认领了：${cloned.join('、')}。`, `Also claimed: ${cloned.join(', ')}.`)}</div>}
          {blocked.length > 0 && <div>{t(`未能认领：${blocked.join('、')}(上级未发布，或本级已有同一标识的事项)。`, `Not claimed: ${blocked.join(', ')} (not published above, or the id is taken here).`)}</div>}
          <div>
            {t('下一步：在', 'Next: in the ')}
            <Link to="/">{t('事项清单', 'catalogue')}</Link>
            {t('中为认领的事项选择实施部门并发布，再', ', give the claimed items their department and publish them; then ')}
            <Link to={`/bundles/${claim.bundleId}`}>{t('发布这个一件事', 'publish this bundle')}</Link>
            {t('。', '.')}
          </div>
        </>
      }
    />
  );
}
