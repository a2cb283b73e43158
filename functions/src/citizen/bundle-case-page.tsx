import type { BundleCaseView } from '../bundles/parent-view';
import { statusNames } from '../cases/names';
import { displayTrackingCode } from '../cases/tracking-code';
import { say, type Lang } from './page';

/** The applicant's one page of a 一件事: one number, one status, each base item's progress beneath. */

const waiting = ['等待上一阶段办结', 'waiting for the stage before'] as const;
const overall = { inProcess: statusNames.inProcess, decided: statusNames.decided, delivered: statusNames.delivered };

export function BundleCasePage({ lang, view, secret }: { lang: Lang; view: BundleCaseView; secret?: string }) {
  const t = say(lang);
  const words = (pair: readonly [string, string]) => (lang === 'zh' ? pair[0] : pair[1]);
  return (
    <>
      <h1>{view.bundleName}</h1>
      <dl className="facts">
        <dt>{t('受理编号', 'Tracking number')}</dt>
        <dd>{view.trackingNumber}</dd>
        {secret && (
          <>
            <dt>{t('查询码(请保存，仅显示一次)', 'Tracking code (keep it: shown once)')}</dt>
            <dd>{displayTrackingCode(secret)}</dd>
          </>
        )}
        <dt>{t('收件日期', 'Received on')}</dt>
        <dd>{view.receivedOn}</dd>
        <dt>{t('办理状态', 'Status')}</dt>
        <dd data-status={view.status}>{words(overall[view.status])}</dd>
      </dl>
      <h2>{t('各事项办理情况', 'Each item')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('阶段', 'Stage')}</th>
            <th>{t('事项', 'Item')}</th>
            <th>{t('状态', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {view.children.map((c) => (
            <tr key={c.key} data-item={c.key} data-status={c.status}>
              <td>{c.stage}</td>
              <td>{c.itemName}</td>
              <td>{c.stopped ? words([c.stopped.message, c.stopped.message_en]) : words(c.status === 'waiting' || c.status === 'stopped' ? waiting : statusNames[c.status])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
