import { appliesOnline, type ItemDefinition, type MaterialNeed } from '@onevisit/item-schemas';
import type { ReactElement } from 'react';
import { inPersonWords } from '../cases/intake-terms';
import { actionNames, statusNames } from '../cases/names';
import type { CaseRecord } from '../cases/record';
import { displayTrackingCode, normalizeTrackingCode } from '../cases/tracking-code';
import { CollectionFacts } from '../delivery/track-facts';
import { IntakeNotice } from './intake-notice';
import { MaterialsNotice } from './materials-notice';
import { say, type Lang } from './page';
import { resultWords } from './result-words';

/**
 * The receipt after submitting, the tracking page, the form that asks for the 查询码, and the
 * printable checklist. A case's pages are addressed by its number alone; the code is posted once
 * and then kept by the browser in a cookie (tracking-cookie.ts), never put in an address.
 */

/** A page of the case, in the language it is read in. */
export const casePath = (trackingNumber: string, lang: Lang, page: 'track' | 'receipt' = 'track', action?: string) =>
  `/${page}/${trackingNumber}${action ? `/${action}` : ''}${lang === 'en' ? '?lang=en' : ''}`;

export function ReceiptPage({ lang, c, secret }: { lang: Lang; c: CaseRecord; secret: string }) {
  const t = say(lang);
  const track = casePath(c.trackingNumber, lang);
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
          <strong data-testid="tracking-secret">{displayTrackingCode(normalizeTrackingCode(secret))}</strong>
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
        <ResultFacts lang={lang} c={c} />
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

/** An instant in Beijing time (no daylight saving there), as the applicant reads it. */
const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const ratingNames: Array<readonly [string, string]> = [
  ['非常满意', 'Very satisfied'],
  ['满意', 'Satisfied'],
  ['基本满意', 'Fairly satisfied'],
  ['不满意', 'Dissatisfied'],
  ['非常不满意', 'Very dissatisfied'],
];

/** What an approval issued (licence or document, its number, how long it is valid), as rows of a facts list. */
function ResultFacts({ lang, c }: { lang: Lang; c: CaseRecord }) {
  const t = say(lang);
  const result = c.decision?.result;
  if (!result) return null;
  return (
    <>
      <dt>{t('结果名称', 'Issued')}</dt>
      <dd data-testid="result-name">{result.name}</dd>
      {result.number && (
        <>
          <dt>{t('编号', 'Number')}</dt>
          <dd>{result.number}</dd>
        </>
      )}
      {result.validUntil && (
        <>
          <dt>{t('有效期至', 'Valid until')}</dt>
          <dd>{result.validUntil}</dd>
        </>
      )}
    </>
  );
}

/** What the office decided, with what it issued, or the reasons and the applicant's rights where it refused. */
function Outcome({ lang, c }: { lang: Lang; c: CaseRecord }) {
  const t = say(lang);
  const refusal = c.notAccepted ?? (c.decision?.outcome === 'denied' ? { reason: c.decision.reasons ?? '', rights: c.decision.rights ?? '' } : undefined);
  return (
    <>
      {c.decision && (
        <p className="notice" role="status">
          {c.decision.outcome === 'approved'
            ? t(`已于 ${c.decision.on} 准予许可${c.decision.deemed ? '(超时默认)' : ''}。`, `Approved on ${c.decision.on}.`)
            : c.decision.outcome === 'transferred'
              ? t(`已于 ${c.decision.on} 转报${c.decision.transferTo}。`, `Transferred to ${c.decision.transferTo} on ${c.decision.on}.`)
              : t(`已于 ${c.decision.on} 作出不予许可决定。`, `Denied on ${c.decision.on}.`)}
        </p>
      )}
      {c.decision?.result && (
        <dl className="facts">
          <ResultFacts lang={lang} c={c} />
        </dl>
      )}
      {refusal && (
        <section aria-labelledby="refusal-title">
          <h2 id="refusal-title">{t('理由和权利', 'Reasons and your rights')}</h2>
          <p>{refusal.reason}</p>
          <p>{refusal.rights}</p>
        </section>
      )}
    </>
  );
}

/** The language a form's answer page is in; the case and its code come with the address and the cookie. */
const Hidden = ({ lang }: { lang: Lang }) => <input type="hidden" name="lang" value={lang} />;

/** A labelled free-text box of an applicant's form: what was corrected, a rating's comments. */
const Note = ({ id, name, label }: { id: string; name: string; label: string }) => (
  <div className="form-group">
    <label className="control-label" htmlFor={id}>{label}</label>
    <textarea id={id} name={name} rows={3} maxLength={1000} />
  </div>
);

/** Where the applicant's forms post: under the case's own address, where its cookie is sent (the language goes in the form). */
const actionOf = (c: CaseRecord, action: string) => casePath(c.trackingNumber, 'zh', 'track', action);

/** Correcting, withdrawing and rating, each a plain form that works without JavaScript. */
function ApplicantForms({ lang, c, ratings }: { lang: Lang; c: CaseRecord; ratings?: ReactElement }) {
  const t = say(lang);
  const asked = c.status === 'correctionRequested' ? (c.correction?.items ?? []) : [];
  const askedMaterials = [...new Set(asked.flatMap((i) => (i.materialId ? [i.materialId] : [])))];
  const withdrawable = ['received', 'correctionRequested', 'inProcess', 'suspended'].includes(c.status);
  const ratable = !ratings && !c.rating && ['decided', 'delivered', 'notAccepted'].includes(c.status);
  return (
    <>
      {asked.length > 0 && (
        <section aria-labelledby="correction-title">
          <h2 id="correction-title">{t('需要补正的内容(一次告知)', 'What to correct (all of it, at once)')}</h2>
          <ol>
            {asked.map((item, i) => (
              <li key={i}>{`${item.materialId ? `${c.materials.find((m) => m.materialId === item.materialId)?.name ?? item.materialId}：` : ''}${item.note}`}</li>
            ))}
          </ol>
          <form method="post" action={actionOf(c, 'corrections')} encType="multipart/form-data" className="notice">
            <Hidden lang={lang} />
            {askedMaterials.map((id) => (
              <div className="form-group" key={id}>
                <label className="control-label" htmlFor={`correct-${id}`}>
                  {t(`重新上传「${c.materials.find((m) => m.materialId === id)?.name ?? id}」`, `Upload "${c.materials.find((m) => m.materialId === id)?.name ?? id}" again`)}
                </label>
                <input id={`correct-${id}`} type="file" name={`file-${id}`} />
              </div>
            ))}
            <Note id="correction-response" name="response" label={t('补正说明', 'What you corrected')} />
            <button className="btn btn-primary" type="submit">{t('提交补正', 'Send the corrections')}</button>
          </form>
        </section>
      )}
      {ratable && (
        <section aria-labelledby="rate-title">
          <h2 id="rate-title">{t('评价本次服务(好差评)', 'Rate the service')}</h2>
          <form method="post" action={actionOf(c, 'rate')}>
            <Hidden lang={lang} />
            <fieldset>
              <legend>{t('满意程度', 'How satisfied are you?')}</legend>
              {ratingNames.map((names, i) => (
                <label key={i} className="choice">
                  <input type="radio" name="level" value={i + 1} required /> {t(...names)}
                </label>
              ))}
            </fieldset>
            <Note id="rate-comment" name="comment" label={t('意见和建议', 'Comments')} />
            <button className="btn btn-primary" type="submit">{t('提交评价', 'Send the rating')}</button>
          </form>
        </section>
      )}
      {ratings}
      {c.rating && !ratings && (
        <p>
          {t(`您的评价：${ratingNames[c.rating.level - 1]![0]}`, `Your rating: ${ratingNames[c.rating.level - 1]![1]}`) +
            (c.rating.followUp?.closedOn ? t(`；回访整改：${c.rating.followUp.response ?? ''}`, `; follow-up: ${c.rating.followUp.response ?? ''}`) : '')}
        </p>
      )}
      {withdrawable && (
        <details>
          <summary>{t('撤回申请', 'Withdraw the application')}</summary>
          <form method="post" action={actionOf(c, 'withdraw')}>
            <Hidden lang={lang} />
            <div className="form-group">
              <label className="control-label" htmlFor="withdraw-reason">{t('撤回原因(可不填)', 'Why (optional)')}</label>
              <input id="withdraw-reason" type="text" name="reason" maxLength={500} />
            </div>
            <button className="btn" type="submit">{t('确认撤回', 'Withdraw')}</button>
          </form>
        </details>
      )}
    </>
  );
}


/**
 * The form that asks for the tracking number and the 查询码, posted (never a GET, whose address
 * would carry the code): the number is filled in when known. `failed`: the pair matched no case,
 * said the same whether the number exists or not. `ask`: the case's page, opened where the code
 * has not been given (another browser, or half an hour later).
 */
export function LookupPage({ lang, number, failed, ask }: { lang: Lang; number?: string; failed?: boolean; ask?: boolean }) {
  const t = say(lang);
  return (
    <>
      <h1>{t('办件进度查询', 'Follow a case')}</h1>
      {ask && (
        <p className="notice" role="status">
          {t('请输入查询码查看这个办件。查询码在受理回执和短信中。', 'Enter the code to see this case: it is on the receipt and in the text message.')}
        </p>
      )}
      {failed && (
        <p className="summary" role="alert">
          {t('没有找到这个办件：请核对受理编号和查询码。', 'No such case: check the tracking number and the code.')}
        </p>
      )}
      <form method="post" action="/track" className="lookup">
        <input type="hidden" name="lang" value={lang} />
        <div className="form-group">
          <label className="control-label" htmlFor="number">{t('受理编号', 'Tracking number')}</label>
          <input id="number" type="text" name="number" defaultValue={number ?? ''} autoComplete="off" required maxLength={40} />
        </div>
        <div className="form-group">
          <label className="control-label" htmlFor="secret">{t('查询码', 'Code')}</label>
          <input id="secret" type="text" name="secret" autoComplete="off" autoCapitalize="characters" spellCheck={false} required maxLength={40} autoFocus={Boolean(number)} />
        </div>
        <button className="btn btn-primary" type="submit">{t('查询', 'Look up')}</button>
      </form>
    </>
  );
}

/** On the way to a page of the case, for a browser that does not go on by itself. */
export function OpeningPage({ lang, href }: { lang: Lang; href: string }) {
  const t = say(lang);
  return (
    <p className="notice" role="status">
      {t('正在打开办件……', 'Opening the case…')} <a href={href}>{t('如未自动打开，请点这里', 'Open it')}</a>
    </p>
  );
}

/** The case as its applicant follows it, with what they may do now; `problem` says why their last form was refused. */
/** `ratings`: the 好差评 section (ratings/tracking-section.tsx), in place of the one rating form. */
export function TrackPage({ lang, c, problem, ratings }: { lang: Lang; c: CaseRecord; problem?: string; ratings?: ReactElement }) {
  const t = say(lang);
  return (
    <>
      <h1>{t('办件进度查询', 'Follow a case')}</h1>
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
        <Outcome lang={lang} c={c} />
        <CollectionFacts lang={lang} c={c} />
        <ApplicantForms lang={lang} c={c} {...(ratings ? { ratings } : {})} />
        {problem && (
          <p className="summary" role="alert">
            {problem}
          </p>
        )}
        {c.materials
          .filter((m) => m.status === 'deferred')
          .map((m) => (
            <form key={m.materialId} method="post" action={actionOf(c, 'supplement')} encType="multipart/form-data" className="notice">
              <Hidden lang={lang} />
              <input type="hidden" name="materialId" value={m.materialId} />
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
          {c.history.map((h, i) => (
            <li key={i}>{`${beijingTime(h.at)} ${t(...(actionNames[h.action] ?? [h.action, h.action]))}${h.note ? `：${h.note}` : ''}`}</li>
          ))}
        </ol>
      </section>
      <p>
        <a href={`/track${lang === 'en' ? '?lang=en' : ''}`}>{t('查询其他办件', 'Look up another case')}</a>
      </p>
    </>
  );
}

/** The printable 一次告知 checklist: every material the item can ask for, each with when and how, and where to go in person. */
export function ChecklistPage({ lang, item, needs }: { lang: Lang; item: ItemDefinition; needs: readonly MaterialNeed[] }) {
  const t = say(lang);
  const [inPerson, inPersonEn] = inPersonWords(item);
  return (
    <>
      <h1>{t(`${item.name}：一次告知清单`, `${item.name}: checklist`)}</h1>
      <p>{t(`实施机关：${item.department.name}`, `Office: ${item.department.name}`)}</p>
      {item.result && <p>{t(`办理结果：${resultWords(item, lang)}`, `Result: ${resultWords(item, lang)}`)}</p>}
      {/* Taken only in person, the notice below says where. */}
      {appliesOnline(item.channels) && item.channels.includes('1') && <p data-testid="where">{t(`窗口办理：${inPerson}`, `In person: ${inPersonEn}`)}</p>}
      <IntakeNotice lang={lang} item={item} />
      <h2>{t('申请材料', 'Materials')}</h2>
      <MaterialsNotice lang={lang} item={item} needs={needs} live={false} />
    </>
  );
}
