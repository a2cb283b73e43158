import type { ItemDefinition, MaterialsByStatus } from '@onevisit/item-schemas';
import { actionNames, statusNames } from '../cases/names';
import type { CaseRecord } from '../cases/record';
import { say, type Lang } from './page';

/** The receipt after submitting, the tracking page, and the printable checklist. */

export function ReceiptPage({ lang, c, secret }: { lang: Lang; c: CaseRecord; secret: string }) {
  const t = say(lang);
  const track = `/track?number=${encodeURIComponent(c.trackingNumber)}&secret=${encodeURIComponent(secret)}${lang === 'en' ? '&lang=en' : ''}`;
  return (
    <>
      <h1>{t('申请已提交', 'Application received')}</h1>
      <p className="notice" role="status">
        {t('请记下受理编号和查询码，凭它们查询办理进度。', 'Keep the tracking number and the code: you need both to follow your case.')}
      </p>
      <dl className="facts">
        <dt>{t('事项', 'Item')}</dt>
        <dd>{c.itemName}</dd>
        <dt>{t('受理编号', 'Tracking number')}</dt>
        <dd>
          <strong data-testid="tracking-number">{c.trackingNumber}</strong>
        </dd>
        <dt>{t('查询码', 'Code')}</dt>
        <dd>
          <strong data-testid="tracking-secret">{secret}</strong>
        </dd>
        <dt>{t('承诺办结日期', 'Promised by')}</dt>
        <dd>{c.due.promised.due}</dd>
        {c.due.legal && (
          <>
            <dt>{t('法定办结日期', 'Legal deadline')}</dt>
            <dd>{c.due.legal.due}</dd>
          </>
        )}
        {c.due.supplement && (
          <>
            <dt>{t('容缺材料补交期限', 'Supply the missing materials by')}</dt>
            <dd>{c.due.supplement.due}</dd>
          </>
        )}
      </dl>
      <Pending lang={lang} c={c} />
      <p>
        <a href={track}>{t('查看办理进度', 'Follow the case')}</a>
      </p>
    </>
  );
}

function Pending({ lang, c }: { lang: Lang; c: CaseRecord }) {
  const t = say(lang);
  const deferred = c.materials.filter((m) => m.status === 'deferred');
  if (deferred.length === 0) return null;
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('待补交的材料', 'Still to supply')}</h2>
      <ul>
        {deferred.map((m) => (
          <li key={m.materialId}>{`${m.name}${m.supplementDue ? t(`(${m.supplementDue} 前)`, ` (by ${m.supplementDue})`) : ''}`}</li>
        ))}
      </ul>
    </section>
  );
}

/** Warnings are the office's internal supervision, not the applicant's history. */
const shownToApplicant = (action: string) => action !== 'warning';

export function TrackPage({ lang, c, number, secret, failed, problem }: { lang: Lang; c?: CaseRecord; number?: string; secret?: string; failed?: boolean; problem?: string }) {
  const t = say(lang);
  return (
    <>
      <h1>{t('办件进度查询', 'Follow a case')}</h1>
      <form method="get" action="/track">
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <div className="form-group">
          <label className="control-label" htmlFor="number">{t('受理编号', 'Tracking number')}</label>
          <input id="number" type="text" name="number" defaultValue={number ?? ''} autoComplete="off" />
        </div>
        <div className="form-group">
          <label className="control-label" htmlFor="secret">{t('查询码', 'Code')}</label>
          <input id="secret" type="text" name="secret" autoComplete="off" />
        </div>
        <button className="btn btn-primary" type="submit">{t('查询', 'Look up')}</button>
      </form>
      {failed && (
        <p className="summary" role="alert">
          {t('没有找到这个办件：请核对受理编号和查询码。', 'No such case: check the tracking number and the code.')}
        </p>
      )}
      {c && (
        <section aria-labelledby="case-title">
          <h2 id="case-title">{c.itemName}</h2>
          <dl className="facts">
            <dt>{t('受理编号', 'Tracking number')}</dt>
            <dd>{c.trackingNumber}</dd>
            <dt>{t('状态', 'Status')}</dt>
            <dd data-testid="case-status">{t(...statusNames[c.status])}</dd>
            <dt>{t('承诺办结日期', 'Promised by')}</dt>
            <dd>{c.due.promised.due}</dd>
          </dl>
          <Pending lang={lang} c={c} />
          {problem && (
            <p className="summary" role="alert">
              {problem}
            </p>
          )}
          {secret &&
            c.materials
              .filter((m) => m.status === 'deferred')
              .map((m) => (
                <form key={m.materialId} method="post" action="/track/supplement" encType="multipart/form-data" className="notice">
                  <input type="hidden" name="number" value={c.trackingNumber} />
                  <input type="hidden" name="secret" value={secret} />
                  <input type="hidden" name="materialId" value={m.materialId} />
                  <input type="hidden" name="lang" value={lang} />
                  <label className="control-label" htmlFor={`supplement-${m.materialId}`}>
                    {t(`补交「${m.name}」`, `Supply "${m.name}"`)}
                  </label>
                  <input id={`supplement-${m.materialId}`} type="file" name="file" />
                  <button className="btn" type="submit">
                    {t('上传补交', 'Upload')}
                  </button>
                </form>
              ))}
          <h2>{t('办理记录', 'History')}</h2>
          <ol>
            {c.history
              .filter((h) => shownToApplicant(h.action))
              .map((h, i) => (
                <li key={i}>{`${h.at.slice(0, 16).replace('T', ' ')} ${t(...(actionNames[h.action] ?? [h.action, h.action]))}${h.note ? `：${h.note}` : ''}`}</li>
              ))}
          </ol>
        </section>
      )}
    </>
  );
}

export function ChecklistPage({ lang, item, materials }: { lang: Lang; item: ItemDefinition; materials: MaterialsByStatus }) {
  const t = say(lang);
  const list = (title: string, entries: MaterialsByStatus['required']) =>
    entries.length > 0 && (
      <>
        <h2>{title}</h2>
        <ol>
          {entries.map((m) => (
            <li key={m.id}>
              {m.name}
              {m.kind === 'copy' ? t(`(复印件 ${m.copies || 1} 份)`, ` (copy ×${m.copies || 1})`) : t(`(原件 ${m.originals || 1} 份)`, ` (original ×${m.originals || 1})`)}
              {m.when && t('(符合条件时需要)', ' (when it applies)')}
            </li>
          ))}
        </ol>
      </>
    );
  return (
    <>
      <h1>{t(`${item.name}：一次告知清单`, `${item.name}: checklist`)}</h1>
      <p>{t(`实施机关：${item.department.name}`, `Office: ${item.department.name}`)}</p>
      {list(t('必须提交的材料', 'Materials to bring'), materials.required.concat(materials.notApplicable.filter((m) => !m.shared)))}
      {list(t('可容缺后补的材料', 'Materials that may come later'), materials.deferrable)}
      {list(t('选择提交的材料', 'Optional materials'), materials.optional)}
      {materials.shared.length > 0 && <p>{t(`无需提交(部门共享获取)：${materials.shared.map((m) => m.name).join('、')}`, `Not asked (obtained by sharing): ${materials.shared.map((m) => m.name).join(', ')}`)}</p>}
    </>
  );
}
