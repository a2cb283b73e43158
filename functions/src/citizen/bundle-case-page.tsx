import type { BundleCaseView } from '../bundles/parent-view';
import { statusNames } from '../cases/names';
import { displayTrackingCode } from '../cases/tracking-code';
import { levelLabels } from '../ratings/model';
import { ReasonChoices } from '../ratings/tracking-section';
import { say, type Lang } from './page';

/** The applicant's one page of a 一件事: one number, one status, each base item's progress beneath. */

const waiting = ['等待上一阶段办结', 'waiting for the stage before'] as const;
const overall = { inProcess: statusNames.inProcess, decided: statusNames.decided, delivered: statusNames.delivered };

const ratingNames = levelLabels;

/** The page, and below each item what it came to; the applicant supplies an item's 容缺 materials here and rates the whole once. */
export function BundleCasePage({ lang, view, secret, problem }: { lang: Lang; view: BundleCaseView; secret?: string; problem?: string }) {
  const t = say(lang);
  const words = (pair: readonly [string, string]) => (lang === 'zh' ? pair[0] : pair[1]);
  const action = (name: string) => `/track/${view.trackingNumber}/${name}`;
  const hidden = <input type="hidden" name="lang" value={lang} />;
  return (
    <>
      {secret && <p className="hint">{t('申请已提交', 'Application received')}</p>}
      <h1>{view.bundleName}</h1>
      {secret && (
        <p className="notice" role="status">
          {t(`一次申请已收到，共 ${view.children.length} 个事项，由各部门分头办理。请记下受理编号和查询码(查询码只显示这一次)，凭它们在本页查询全部事项的进度。`, `One application received for ${view.children.length} items, each handled by its own office. Keep the tracking number and the code (the code is shown only this once): with them this page shows every item.`)}
        </p>
      )}
      <dl className="facts">
        <dt>{t('受理编号', 'Tracking number')}</dt>
        <dd>
          <strong data-testid="tracking-number">{view.trackingNumber}</strong>
        </dd>
        {secret && (
          <>
            <dt>{t('查询码', 'Code')}</dt>
            <dd>
              <strong data-testid="tracking-secret">{displayTrackingCode(secret)}</strong>
            </dd>
          </>
        )}
        <dt>{t('收件日期', 'Received on')}</dt>
        <dd>{view.receivedOn}</dd>
        {view.promisedBy && (
          <>
            <dt>{t('承诺全部办结日期', 'All promised by')}</dt>
            <dd>{view.promisedBy}</dd>
          </>
        )}
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
            <tr key={c.key} data-item={c.key} data-status={c.status} {...(c.trackingNumber ? { 'data-case': c.trackingNumber } : {})}>
              <td>{c.stage}</td>
              <td>{c.itemName}</td>
              <td>
                {c.stopped ? words([c.stopped.message, c.stopped.message_en]) : words(c.status === 'waiting' || c.status === 'stopped' ? waiting : statusNames[c.status])}
                {c.outcome && <div className="field-description">{c.outcome.approved ? t(`办理结果：${c.outcome.result ?? '准予'}`, `Result: ${c.outcome.result ?? 'granted'}`) : t(`原因：${c.outcome.reason ?? ''}`, `Why: ${c.outcome.reason ?? ''}`)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="summary" role="alert">
          {problem}
        </p>
      )}
      {view.children.map(
        (c) =>
          c.correction && (
            <section key={`correct-${c.key}`} aria-labelledby={`correction-${c.key}`}>
              <h2 id={`correction-${c.key}`}>{t(`「${c.itemName}」需要补正的内容(一次告知)`, `"${c.itemName}": what to correct (all of it, at once)`)}</h2>
              <ol>
                {c.correction.map((i, n) => (
                  <li key={n}>{`${i.name ? `${i.name}：` : ''}${i.note}`}</li>
                ))}
              </ol>
              <form method="post" action={action('corrections')} encType="multipart/form-data" className="notice">
                {hidden}
                <input type="hidden" name="item" value={c.key} />
                {[...new Map(c.correction.flatMap((i) => (i.materialId ? [[i.materialId, i.name ?? i.materialId] as const] : []))).entries()].map(([id, name]) => (
                  <div className="form-group" key={id}>
                    <label className="control-label" htmlFor={`correct-${c.key}-${id}`}>
                      {t(`重新上传「${name}」`, `Upload "${name}" again`)}
                    </label>
                    <input id={`correct-${c.key}-${id}`} type="file" name={`file-${id}`} />
                  </div>
                ))}
                <div className="form-group">
                  <label className="control-label" htmlFor={`correct-${c.key}-response`}>
                    {t('补正说明', 'What you corrected')}
                  </label>
                  <textarea id={`correct-${c.key}-response`} name="response" rows={3} maxLength={1000} />
                </div>
                <button className="btn btn-primary" type="submit">
                  {t('提交补正', 'Send the corrections')}
                </button>
              </form>
            </section>
          ),
      )}
      {view.children.flatMap((c) =>
        (c.awaiting ?? []).map((m) => (
          <form key={`${c.key}-${m.materialId}`} method="post" action={action('supplement')} encType="multipart/form-data" className="notice">
            {hidden}
            <input type="hidden" name="item" value={c.key} />
            <input type="hidden" name="materialId" value={m.materialId} />
            <label className="control-label" htmlFor={`supplement-${c.key}-${m.materialId}`}>
              {t(`补交「${m.name}」(${c.itemName}${m.due ? `，${m.due} 前` : ''})`, `Supply "${m.name}" (${c.itemName}${m.due ? `, by ${m.due}` : ''})`)}
            </label>
            <input id={`supplement-${c.key}-${m.materialId}`} type="file" name="file" />
            <button className="btn" type="submit">
              {t('上传补交', 'Upload')}
            </button>
          </form>
        )),
      )}
      {view.status !== 'inProcess' && !view.rating && (
        <section aria-labelledby="rate-title">
          <h2 id="rate-title">{t('评价本次服务(好差评，一次评价全部事项)', 'Rate the service (once for every item)')}</h2>
          <form method="post" action={action('rate')}>
            {hidden}
            <fieldset>
              <legend>{t('满意程度', 'How satisfied are you?')}</legend>
              {ratingNames.map((names, i) => (
                <label key={i} className="choice">
                  <input type="radio" name="level" value={i + 1} required /> {words(names)}
                </label>
              ))}
            </fieldset>
            <ReasonChoices lang={lang} />
            <div className="form-group">
              <label className="control-label" htmlFor="rate-comment">
                {t('意见和建议', 'Comments')}
              </label>
              <textarea id="rate-comment" name="comment" rows={3} maxLength={1000} />
            </div>
            <button className="btn btn-primary" type="submit">
              {t('提交评价', 'Send the rating')}
            </button>
          </form>
        </section>
      )}
      {view.children.some((c) => ['received', 'correctionRequested', 'inProcess', 'suspended', 'waiting'].includes(c.status)) && (
        <details>
          <summary>{t('撤回申请(全部事项)', 'Withdraw the application (every item)')}</summary>
          <form method="post" action={action('withdraw')}>
            {hidden}
            <p className="hint">{t('尚在办理的事项全部撤回，后续事项不再办理；已办结的事项不受影响。', 'Every item still in hand is withdrawn and the later ones do not start; items already decided stay decided.')}</p>
            <div className="form-group">
              <label className="control-label" htmlFor="withdraw-reason">
                {t('撤回原因(可不填)', 'Why (optional)')}
              </label>
              <input id="withdraw-reason" type="text" name="reason" maxLength={500} />
            </div>
            <button className="btn" type="submit">
              {t('确认撤回', 'Withdraw')}
            </button>
          </form>
        </details>
      )}
      <p>
        {secret ? <a href={`/track/${view.trackingNumber}${lang === 'en' ? '?lang=en' : ''}`}>{t('查看办理进度', 'Follow the application')}</a> : <a href={`/track${lang === 'en' ? '?lang=en' : ''}`}>{t('查询其他办件', 'Look up another case')}</a>}
      </p>
      {view.rating && <p data-testid="rating">{t(`您的评价：${ratingNames[view.rating.level - 1]![0]}`, `Your rating: ${ratingNames[view.rating.level - 1]![1]}`)}</p>}
    </>
  );
}
