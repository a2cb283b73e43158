import { Alert, List, Space, Tag, Typography } from 'antd';
import { statusNames } from '@onevisit/functions/case-names';
import type { CaseDetail } from '@onevisit/functions/cases';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/** Where an item's state stands within its 一件事 beyond the case statuses: not started yet, or never. */
const bundleStates: Record<string, [string, string]> = { waiting: ['待前一阶段办结', 'Waits for the stage before'], stopped: ['不再办理', 'Not going ahead'] };

/**
 * A case filed with a 一件事: the one number the applicant holds and each item of it with its
 * state, so an officer sees what the others are waiting for. Sibling cases open when the officer
 * may see them (an officer, their own department's); the rest are named only, with their number.
 */
export function BundleMembership({ bundle, current }: { bundle: NonNullable<CaseDetail['bundle']>; current: string }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const opens = (item: NonNullable<CaseDetail['bundle']>['items'][number]) => !!item.trackingNumber && item.trackingNumber !== current && (session.user.role !== 'officer' || item.departmentId === session.user.department);
  const label = (status: string) => t(...(statusNames[status as keyof typeof statusNames] ?? bundleStates[status] ?? [status, status]));
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="bundle-membership"
      message={t(`属于一件事「${bundle.bundleName}」(受理编号 ${bundle.trackingNumber})`, `Part of the bundle "${bundle.bundleName}" (${bundle.trackingNumber})`)}
      description={
        <List
          size="small"
          dataSource={bundle.items}
          renderItem={(item) => (
            <List.Item>
              <Space wrap>
                <Typography.Text type="secondary">{t(`第 ${item.stage} 步`, `Step ${item.stage}`)}</Typography.Text>
                {opens(item) ? <Link to={`/cases/${item.trackingNumber}`}>{item.itemName}</Link> : <Typography.Text strong={item.trackingNumber === current}>{item.itemName}</Typography.Text>}
                {item.trackingNumber && !opens(item) && item.trackingNumber !== current && <Typography.Text type="secondary">{item.trackingNumber}</Typography.Text>}
                <Tag>{label(item.status)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
