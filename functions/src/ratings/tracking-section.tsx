import type { CaseRecord } from '../cases/record';
import { casePath } from '../citizen/case-pages';
import { say, type Lang } from '../citizen/page';
import type { AppDeps } from '../deps';
import { levelLabels, poorReasons, reasonLabels, statusLabels, targetLabels, verdictLabels, verdicts, outcomeLabels, type RatingRecord, type RatingTarget } from './model';

/**
 * 好差评 on the applicant's case page: a form per service not yet rated (the case; for a case
 * taken in at a window, the window service too), the rating given with its one 追评, and for a
 * 差评 where its handling stands and, once the fix is reported, the form judging it. Plain forms
 * posting under the case's address, so they work without JavaScript.
 */

const RATABLE: ReadonlyArray<CaseRecord['status']> = ['decided', 'delivered', 'notAccepted'];
const post = (c: CaseRecord, action: string) => casePath(c.trackingNumber, 'zh', 'track', action);
const Hidden = ({ lang, target }: { lang: Lang; target: RatingTarget }) => (
  <>
    <input type="hidden" name="lang" value={lang} />
    <input type="hidden" name="target" value={target} />
  </>
);

/** The reasons a 差评 gives, one check box each: every rating form asks them the same way. */
export function ReasonChoices({ lang }: { lang: Lang }) {
  const t = say(lang);
  return (
    <fieldset>
      <legend>{t('不满意的原因(选择不满意或非常不满意时必选)', 'What went wrong (needed when dissatisfied)')}</legend>
      {poorReasons.map((reason) => (
        <label key={reason} className="choice">
          <input type="checkbox" name="reasons" value={reason} /> {t(...reasonLabels[reason])}
        </label>
      ))}
    </fieldset>
  );
}

function RateForm({ lang, c, target, via }: { lang: Lang; c: CaseRecord; target: RatingTarget; via?: 'qr' }) {
  const t = say(lang);
  const id = (name: string) => `rate-${target}-${name}`;
  return (
    <form method="post" action={post(c, 'rate')} className="notice" data-testid={`rate-${target}`}>
      <Hidden lang={lang} target={target} />
      {via && <input type="hidden" name="via" value={via} />}
      <fieldset>
        <legend>{t(`${targetLabels[target][0]}：满意程度`, `${targetLabels[target][1]}: how satisfied are you?`)}</legend>
        {levelLabels.map((names, i) => (
          <label key={i} className="choice">
            <input type="radio" name="level" value={i + 1} required /> {t(...names)}
          </label>
        ))}
      </fieldset>
      <ReasonChoices lang={lang} />
      <div className="form-group">
        <label className="control-label" htmlFor={id('comment')}>{t('意见和建议', 'Comments')}</label>
        <textarea id={id('comment')} name="comment" rows={3} maxLength={1000} />
      </div>
      <button className="btn btn-primary" type="submit">{t('提交评价', 'Send the rating')}</button>
    </form>
  );
}

function Given({ lang, c, r }: { lang: Lang; c: CaseRecord; r: RatingRecord }) {
  const t = say(lang);
  const reasons = r.reasons.map((reason) => t(...reasonLabels[reason])).join(t('、', ', '));
  const poor = r.poor;
  return (
    <div data-testid={`rated-${r.target}`}>
      <p>
        {t(`您对${targetLabels[r.target][0]}的评价：${levelLabels[r.level - 1]![0]}`, `Your rating of ${targetLabels[r.target][1].toLowerCase()}: ${levelLabels[r.level - 1]![1]}`) +
          (reasons ? t(`(${reasons})`, ` (${reasons})`) : '') +
          (r.comment ? t(`：${r.comment}`, `: ${r.comment}`) : '')}
      </p>
      {r.addendum ? (
        <p>{t(`追评(${r.addendum.on})：${r.addendum.comment}`, `Added on ${r.addendum.on}: ${r.addendum.comment}`)}</p>
      ) : (
        <details>
          <summary>{t('追评(每项评价可追评一次)', 'Add a remark (once per rating)')}</summary>
          <form method="post" action={post(c, 'remark')}>
            <Hidden lang={lang} target={r.target} />
            <div className="form-group">
              <label className="control-label" htmlFor={`remark-${r.target}`}>{t('追评内容', 'Your remark')}</label>
              <textarea id={`remark-${r.target}`} name="comment" rows={3} maxLength={1000} required />
            </div>
            <button className="btn" type="submit">{t('提交追评', 'Add the remark')}</button>
          </form>
        </details>
      )}
      {poor && (
        <div className="notice" data-testid={`poor-${r.target}`}>
          <p>
            {t(`差评处理：${statusLabels[poor.status][0]}`, `Handling of your poor rating: ${statusLabels[poor.status][1]}`) +
              (poor.due ? t(`，期限 ${poor.due}`, `, due ${poor.due}`) : '') +
              (poor.closed ? t(`(${outcomeLabels[poor.closed.outcome][0]})`, ` (${outcomeLabels[poor.closed.outcome][1]})`) : '')}
          </p>
          {poor.feedback && <p>{t(`整改情况：${poor.feedback.text}`, `What was fixed: ${poor.feedback.text}`)}</p>}
          {poor.judgement && <p>{t(`您对整改的评价：${verdictLabels[poor.judgement.verdict][0]}`, `Your judgement of the fix: ${verdictLabels[poor.judgement.verdict][1]}`)}</p>}
          {poor.status === 'fedBack' && (
            <form method="post" action={post(c, 'judge')} data-testid={`judge-${r.target}`}>
              <Hidden lang={lang} target={r.target} />
              <fieldset>
                <legend>{t('您对整改结果是否满意？', 'Are you content with the fix?')}</legend>
                {verdicts.map((verdict) => (
                  <label key={verdict} className="choice">
                    <input type="radio" name="verdict" value={verdict} required /> {t(...verdictLabels[verdict])}
                  </label>
                ))}
              </fieldset>
              <div className="form-group">
                <label className="control-label" htmlFor={`judge-comment-${r.target}`}>{t('说明(可不填)', 'Comments (optional)')}</label>
                <textarea id={`judge-comment-${r.target}`} name="comment" rows={2} maxLength={1000} />
              </div>
              <button className="btn btn-primary" type="submit">{t('提交对整改的评价', 'Send your judgement')}</button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}

/** The case's 好差评 section, or nothing before the case can be rated. */
export function RatingSection({ lang, c, ratings, via }: { lang: Lang; c: CaseRecord; ratings: readonly RatingRecord[]; via?: 'qr' }) {
  const t = say(lang);
  const targets: RatingTarget[] = c.channel === 'window' ? ['case', 'window'] : ['case'];
  const open = RATABLE.includes(c.status);
  if (!open && ratings.length === 0) return null;
  return (
    <section aria-labelledby="rate-title">
      <h2 id="rate-title">{t('评价本次服务(好差评)', 'Rate the service')}</h2>
      {targets.map((target) => {
        const given = ratings.find((r) => r.target === target);
        if (given) return <Given key={target} lang={lang} c={c} r={given} />;
        // A case rated before ratings were kept apart shows its rating as the case does.
        if (target === 'case' && c.rating) return <p key={target}>{t(`您的评价：${levelLabels[c.rating.level - 1]![0]}`, `Your rating: ${levelLabels[c.rating.level - 1]![1]}`)}</p>;
        return open ? <RateForm key={target} lang={lang} c={c} target={target} {...(via ? { via } : {})} /> : null;
      })}
    </section>
  );
}

/** The section for the case's page, with the case's ratings read. */
export async function ratingsOnPage(deps: AppDeps, lang: Lang, c: CaseRecord, via?: string) {
  const ratings = await deps.store.ratingsOf(c.jurisdiction, c.trackingNumber);
  return <RatingSection lang={lang} c={c} ratings={ratings} {...(via === 'qr' ? { via: 'qr' as const } : {})} />;
}
