import { Card, Col, Row, Statistic } from 'antd';
import { percentText, type GroupFigures, type Ratio } from '@onevisit/functions/supervision';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { acceptedStatuses, caseSearchLink, decidedStatuses } from './drill';

export const percent = percentText;
export const mean = (r: Ratio) => (r.value === null ? '—' : r.value.toFixed(1));

/** The figures leaders are judged by, each leading to the cases behind it where they can be listed. */
export function FigureCards({ total, period }: { total: GroupFigures; period: { from: string; to: string } }) {
  const { t } = useI18n();
  const received = caseSearchLink(period);
  const decided = caseSearchLink(period, { status: decidedStatuses });
  const cards: Array<[title: string, value: string | number, to?: string]> = [
    [t('收件', 'Received'), total.cases.received, received],
    [t('受理', 'Accepted'), total.cases.accepted, caseSearchLink(period, { status: acceptedStatuses })],
    [t('办结', 'Decided'), total.cases.decided.total, decided],
    [t('按时办结率', 'On time'), percent(total.cases.onTimeRate), decided],
    [t('提前办结率', 'Early'), percent(total.cases.earlyRate), decided],
    [t('日结率', 'Same day'), percent(total.cases.sameDayRate), decided],
    [t('超期件', 'Overdue'), total.overdue.length, '#overdue'],
    [t('办理提速', 'Faster than the law'), percent(total.cases.handlingSpeedUp), decided],
    [t('平均用时(工作日)', 'Mean working days'), mean(total.cases.meanWorkdaysUsed), decided],
    [t('好评率', 'Good ratings'), percent(total.cases.ratings.goodRate), caseSearchLink(period, { rating: 'good' })],
    [t('差评', 'Poor ratings'), total.cases.ratings.poor, caseSearchLink(period, { rating: 'poor' })],
    [t('差评(申诉成立)', 'Poor, voided on appeal'), total.cases.ratings.voided, caseSearchLink(period, { rating: 'voided' })],
    [t('网办率', 'Applied online'), percent(total.cases.onlineShare), received],
    [t('承诺提速', 'Promised faster'), percent(total.catalogue.promiseCompression)],
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map(([title, value, to]) => (
        <Col key={title} xs={12} sm={8} lg={4}>
          <Card size="small">
            <Statistic title={title} value={value} />
            {to &&
              (to.startsWith('#') ? (
                <a href={to} aria-label={t(`查看办件(${title})`, `See the cases (${title})`)}>
                  {t('查看办件', 'See the cases')}
                </a>
              ) : (
                <Link to={to} aria-label={t(`查看办件(${title})`, `See the cases (${title})`)}>
                  {t('查看办件', 'See the cases')}
                </Link>
              ))}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
