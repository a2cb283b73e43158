import { formFields, materialWords, needMark, needsSummary, statusWhenApplicable, type ItemDefinition, type MaterialNeed } from '@onevisit/item-schemas';
import { say, type Lang } from './page';

/** 按您的填写需要 / 不需要 on a conditional material; the page script rewrites every mark of a material as the answers change. */
export function NeedMark({ id, mark }: { id: string; mark: ReturnType<typeof needMark> }) {
  return (
    <span className={`tag mark${mark && !mark.applies ? ' no' : ''}`} data-mark-for={id} hidden={!mark}>
      {mark?.text}
    </span>
  );
}

/**
 * Every material the item can ask for, told at once (一次告知): each with the condition under
 * which it is needed, originals and copies, form, source, who issues it, how recent, its pages
 * and who signs, 容缺 and 免交 in words. On the apply page (`live`) it also marks what the answers
 * so far require; the page script keeps the marks in step as the answers change. The printable
 * checklist shows the same list without marks.
 */
export function MaterialsNotice({ lang, item, needs, live }: { lang: Lang; item: ItemDefinition; needs: readonly MaterialNeed[]; live: boolean }) {
  const t = say(lang);
  const fields = formFields(item.form.schema);
  // What the applicant must see to before bringing it: who issues it, how recent, its pages or size, who signs.
  const details = (m: MaterialNeed['material']) =>
    [
      m.issuer && t(`出具机构：${m.issuer}`, `Issued by: ${m.issuer}`),
      m.issueTime && t(`出具时间：${m.issueTime}`, `When issued: ${m.issueTime}`),
      m.specification && t(`页数/规格：${m.specification}`, `Pages and format: ${m.specification}`),
      m.signature && t(`签字要求：${m.signature}`, `Signatures: ${m.signature}`),
    ].filter((line): line is string => !!line);
  const entry = (need: MaterialNeed) => {
    const m = need.material;
    const words = materialWords(item, m, fields, lang);
    const more = details(m);
    const status = statusWhenApplicable(item, m);
    // Shared ones are listed apart and say 免交 in words; required is what a material is unless tagged.
    const tag = status === 'deferrable' ? { text: t('可容缺后补', 'may come later'), className: 'later' } : status === 'optional' ? { text: t('选择提交', 'optional'), className: '' } : undefined;
    const mark = live ? needMark(need, lang) : undefined;
    return (
      <li key={m.id} id={`need-${m.id}`} data-need={mark ? (mark.applies ? 'yes' : 'no') : ''}>
        <span className="material-name">{m.name}</span>
        {tag && <span className={`tag ${tag.className}`}>{tag.text}</span>}
        {live && m.when && <NeedMark id={m.id} mark={mark} />}
        {words.when && <div className="material-when">{words.when}</div>}
        {words.shared ? (
          <div>{words.shared}</div>
        ) : (
          <div className="material-terms">{t(`${words.copies}(${words.form}) · 来源：${words.source}`, `${words.copies} (${words.form}) · source: ${words.source}`)}</div>
        )}
        {!m.shared && more.length > 0 && <div className="material-terms">{more.join(lang === 'zh' ? '；' : '; ')}</div>}
        {words.later && <div className="material-later">{words.later}</div>}
        {words.promise && <div>{words.promise}</div>}
        {m.guide && <div className="field-description">{m.guide}</div>}
      </li>
    );
  };
  const asked = needs.filter((n) => !n.material.shared);
  const shared = needs.filter((n) => n.material.shared);
  return (
    <>
      {live && (
        <p className="notice" id="materials-summary" aria-live="polite">
          {needsSummary(needs, lang)}
        </p>
      )}
      <ol className="materials" id="materials-list">
        {asked.map(entry)}
      </ol>
      {shared.length > 0 && (
        <>
          <h3>{t('免交材料(由部门共享获取，无需提交)', 'Not asked of you (obtained from other departments)')}</h3>
          <ul className="materials" id="materials-shared">
            {shared.map(entry)}
          </ul>
        </>
      )}
    </>
  );
}
