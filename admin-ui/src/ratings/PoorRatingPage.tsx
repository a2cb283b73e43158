import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { actionLabels, channelLabels, levelLabels, outcomeLabels, reasonLabels, statusLabels, targetLabels, verdictLabels, type PoorAction } from '@onevisit/functions/ratings';
import type { PoorDetail } from '@onevisit/functions/rating-views';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api';
import { shanghaiTime } from '../cases/format';
import { WarningTag } from '../cases/WarningTag';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { PoorActionDialog, poorActionForms } from './PoorActionDialog';
import { statusColours } from './PoorRatingsPage';
import { ratingsApi } from './ratings-api';

/** One 差评: the rating, where its handling stands and by when, its history, and the next steps it admits. */
export function PoorRatingPage() {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const { trackingNumber = '', target = 'case' } = useParams();
  const client = useQueryClient();
  const [open, setOpen] = useState<PoorAction['type'] | undefined>();
  const query = useQuery({ queryKey: ['poor-rating', trackingNumber, target], queryFn: () => ratingsApi.poorRating(session.jurisdiction, trackingNumber, target), retry: false });
  if (query.error) return <Alert type="error" showIcon message={query.error instanceof ApiError ? pick(query.error) : String(query.error)} />;
  const detail = query.data;
  if (!detail) return null;
  const r = detail.rating;
  const poor = r.poor!;
  const admin = session.user.role === 'jurisdictionAdmin' || session.user.role === 'platformAdmin';
  // 复核 is the administrators'; the others are the department's (administrators may act for it).
  const actions = detail.allowed.filter((a) => a !== 'review' || admin) as Array<PoorAction['type']>;
  const lastVisit = poor.revisits.at(-1);
  const judgementCurrent = poor.status === 'judged' || poor.status === 'closed';
  const reload = () => {
    setOpen(undefined);
    void client.invalidateQueries({ queryKey: ['poor-rating', trackingNumber, target] });
    void client.invalidateQueries({ queryKey: ['poor-ratings'] });
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/ratings">{t('← 差评整改', '← Poor ratings')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t(`差评 ${r.trackingNumber}(${targetLabels[r.target][0]})`, `Poor rating ${r.trackingNumber} (${targetLabels[r.target][1].toLowerCase()})`)}
      </Typography.Title>
      <Space wrap>
        <Tag color={statusColours[poor.status]} data-testid="poor-status">
          {t(...statusLabels[poor.status])}
        </Tag>
        {poor.status !== 'closed' && <WarningTag level={detail.warning} />}
        {poor.due && <span>{t(`本步期限 ${poor.due}`, `This step is due ${poor.due}`)}</span>}
        {poor.closed && <span>{t(...outcomeLabels[poor.closed.outcome])}</span>}
      </Space>
      <Card size="small" title={t('下一步', 'Next')}>
        {poor.status === 'fedBack' && (
          <Typography.Paragraph>
            {t(`等待评价人评价整改结果(期限 ${poor.due ?? ''})，也可在回访时询问并记录。`, `Waiting for the rater to judge the fix (due ${poor.due ?? ''}); a revisit may ask and record it.`)}
          </Typography.Paragraph>
        )}
        {actions.length === 0 && detail.blocked.length === 0 ? (
          <Typography.Text>{t('无需处理', 'Nothing to do')}</Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button key={a} type={a === actions[0] ? 'primary' : 'default'} danger={poorActionForms[a].danger} onClick={() => setOpen(a)}>
                {t(...poorActionForms[a].label)}
              </Button>
            ))}
            {detail.blocked.map((b) => (
              <Typography.Text key={b.action} type="secondary" data-testid="poor-blocked">
                {t(b.message, b.message_en)}
              </Typography.Text>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('评价', 'The rating')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('事项', 'Item')}>
            <Link to={`/cases/${r.trackingNumber}`}>{r.itemName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('部门', 'Department')}>{detail.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('评价', 'Rating')}>{t(...levelLabels[r.level - 1]!)}</Descriptions.Item>
          <Descriptions.Item label={t('原因', 'Reasons')}>{r.reasons.map((x) => t(...reasonLabels[x])).join(t('、', ', ')) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('意见', 'Comment')}>{r.comment ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('评价渠道', 'Channel')}>{t(...channelLabels[r.channel])}</Descriptions.Item>
          <Descriptions.Item label={t('评价日期', 'Rated on')}>{r.on}</Descriptions.Item>
          <Descriptions.Item label={t('评价人', 'Rater')}>
            {r.realName ? <RaterContact contact={detail.contact} /> : t('匿名', 'Anonymous')}
          </Descriptions.Item>
          {r.addendum && <Descriptions.Item label={t('追评', 'Added remark')}>{`${r.addendum.on} ${r.addendum.comment}`}</Descriptions.Item>}
          {poor.revisitDue && (
            <Descriptions.Item label={t('回访', 'Revisit')}>
              {lastVisit ? t(`已回访(${lastVisit.on})`, `Done (${lastVisit.on})`) : t(`未回访，期限 ${poor.revisitDue}`, `Not yet, due ${poor.revisitDue}`)}
            </Descriptions.Item>
          )}
          {poor.judgement && (
            // A 不满意 sent the fix back: once fed back again, that judgement is the last one, not the current.
            <Descriptions.Item label={judgementCurrent ? t('对整改的评价', 'Judgement of the fix') : t('上次对整改的评价', 'Earlier judgement of the fix')}>
              {t(`${verdictLabels[poor.judgement.verdict][0]}(${poor.judgement.on})`, `${verdictLabels[poor.judgement.verdict][1]} (${poor.judgement.on})`)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('处理记录', 'History')}>
        <Timeline
          items={poor.history.map((h) => ({
            children: (
              <>
                <Typography.Text type="secondary">{shanghaiTime(h.at)}</Typography.Text>{' '}
                <strong>{t(...(actionLabels[h.action] ?? [h.action, h.action]))}</strong>
                {h.to && h.from !== h.to && ` → ${t(...statusLabels[h.to])}`}
                {` · ${h.actorName ?? (h.actor === 'applicant' ? t('评价人', 'the rater') : h.actor === 'anonymous' ? t('匿名评价人', 'an anonymous rater') : h.actor)}`}
                {h.note && <div>{h.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {open && <PoorActionDialog type={open} detail={detail} onClose={() => setOpen(undefined)} onDone={reload} />}
    </Space>
  );
}

/** The applicant who rated, with the number to call for the 回访 when the caller may see it. */
function RaterContact({ contact }: { contact: PoorDetail['contact'] }) {
  const { t } = useI18n();
  if (!contact) return <>{t('实名(申请人)', 'Named (the applicant)')}</>;
  return (
    <span data-testid="poor-contact">
      {t('实名(申请人)', 'Named (the applicant)')} {contact.name}
      {contact.mobile && (
        <>
          {' '}
          <a href={`tel:${contact.mobile}`}>{contact.mobile}</a>
        </>
      )}
    </span>
  );
}
