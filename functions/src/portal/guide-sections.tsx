import { specialProcedureKinds, type ItemDefinition } from '@onevisit/item-schemas';
import { Fragment } from 'react';
import { RIGHTS } from '../cases/lifecycle';
import { say, type Lang } from '../citizen/page';
import { labelOf, limitWords } from './words';

/** The parts of the 办事指南 after the materials: steps, fees, where and when, the law, questions, whom to call. */

type Props = { lang: Lang; item: ItemDefinition };

export function StepsSection({ lang, item }: Props) {
  const t = say(lang);
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">{t('办理流程', 'Steps')}</h2>
      <ol className="steps">
        {item.steps.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>
            {`：${s.role}，${s.limitDays === 0 ? t('当场办理', 'on the spot') : t(`${s.limitDays}个工作日`, `${s.limitDays} working day${s.limitDays === 1 ? '' : 's'}`)}`}
            {s.parallelGroup && t(`(与同组环节并行办理：${s.parallelGroup})`, ` (in parallel with its group: ${s.parallelGroup})`)}
            {s.criteria && <div className="field-description prose">{t(`审查标准：${s.criteria}`, `Criteria: ${s.criteria}`)}</div>}
          </li>
        ))}
      </ol>
      {item.specialProcedures.length > 0 && (
        <>
          <h3>{t('特别程序(时间不计入办理时限)', 'Special procedures (their time does not count)')}</h3>
          <ul>
            {item.specialProcedures.map((p, i) => (
              <li key={i}>{`${labelOf(specialProcedureKinds[p.kind], lang)}${p.limit ? `：${limitWords(p.limit, lang)}` : ''}${p.note ? `(${p.note})` : ''}`}</li>
            ))}
          </ul>
        </>
      )}
      {item.intermediaries.length > 0 && (
        <>
          <h3>{t('中介服务', 'Intermediary services')}</h3>
          <ul>
            {item.intermediaries.map((m, i) => (
              <li key={i}>{`${m.name}${m.provider ? `(${m.provider})` : ''}${m.limit ? `：${limitWords(m.limit, lang)}` : ''}`}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function FeesSection({ lang, item }: Props) {
  const t = say(lang);
  const charged = item.fees.filter((f) => f.charged);
  return (
    <section aria-labelledby="fees-title">
      <h2 id="fees-title">{t('收费', 'Fees')}</h2>
      {charged.length === 0 ? (
        <p>{t('不收费', 'Free of charge')}</p>
      ) : (
        <ul>
          {charged.map((f, i) => (
            <li key={i}>
              <strong>{f.name}</strong>
              {f.standard && `：${f.standard}`}
              {f.reducible && <span className="tag">{t('可减免', 'may be reduced')}</span>}
              {f.basis && <div className="field-description">{t(`收费依据：${f.basis}`, `Basis: ${f.basis}`)}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function WhereSection({ lang, item }: Props) {
  const t = say(lang);
  // Taken at a window none of which is named (a county's claimed item before it names its own): its department.
  if (item.windows.length === 0) {
    if (!item.channels.includes('1')) return null;
    return (
      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('办理地点和时间', 'Where and when')}</h2>
        <p>{t(`请到「${item.department.name}」办理。`, `Apply in person at "${item.department.name}".`)}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="where-title">
      <h2 id="where-title">{t('办理地点和时间', 'Where and when')}</h2>
      {item.windows.map((w, i) => (
        <dl className="facts" key={i}>
          <dt>{t('窗口', 'Window')}</dt>
          <dd>{w.name}</dd>
          <dt>{t('地址', 'Address')}</dt>
          <dd>{w.address}</dd>
          <dt>{t('时间', 'Hours')}</dt>
          <dd>{w.hours}</dd>
          {w.phone && (
            <>
              <dt>{t('电话', 'Phone')}</dt>
              <dd>
                <a href={`tel:${w.phone.replace(/[^\d+]/g, '')}`}>{w.phone}</a>
              </dd>
            </>
          )}
        </dl>
      ))}
    </section>
  );
}

export function BasisSection({ lang, item }: Props) {
  const t = say(lang);
  if (item.legalBasis.length === 0) return null;
  return (
    <section aria-labelledby="basis-title">
      <h2 id="basis-title">{t('设定依据', 'Legal basis')}</h2>
      <ul>
        {item.legalBasis.map((b, i) => (
          <li key={i}>
            {`《${b.law.replace(/^《|》$/g, '')}》${b.documentNumber ? `(${b.documentNumber})` : ''}${b.clause ? ` ${b.clause}` : ''}`}
            {b.text && (
              <details className="faq">
                <summary>{t('条款内容', 'Text')}</summary>
                <p className="prose">{b.text}</p>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FaqSection({ lang, item }: Props) {
  const t = say(lang);
  if (item.faqs.length === 0) return null;
  return (
    <section aria-labelledby="faq-title">
      <h2 id="faq-title">{t('常见问题', 'Questions')}</h2>
      {item.faqs.map((f, i) => (
        <details className="faq" key={i}>
          <summary>{f.question}</summary>
          <p className="prose">{f.answer}</p>
        </details>
      ))}
    </section>
  );
}

const RIGHTS_EN = 'You may apply for administrative reconsideration within 60 days, or bring an administrative lawsuit within six months, of receiving a decision you disagree with.';

export function ContactSection({ lang, item }: Props) {
  const t = say(lang);
  const phones = item.windows.map((w) => w.phone).filter((p): p is string => !!p);
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">{t('咨询与监督', 'Questions and complaints')}</h2>
      <dl className="facts">
        <dt>{t('咨询', 'Questions')}</dt>
        <dd className="prose">{item.consultation ?? (phones.length > 0 ? phones.join(lang === 'zh' ? '、' : ', ') : item.department.name)}</dd>
        {item.complaintPhone && (
          <>
            <dt>{t('监督投诉', 'Complaints')}</dt>
            <dd>{item.complaintPhone}</dd>
          </>
        )}
        <dt>{t('救济途径', 'Appeal')}</dt>
        <dd>{item.rightsNotice || (lang === 'zh' ? RIGHTS : RIGHTS_EN)}</dd>
      </dl>
    </section>
  );
}

export const Rows = ({ rows }: { rows: Array<[string, string | undefined]> }) => (
  <dl className="facts">
    {rows
      .filter((r): r is [string, string] => !!r[1])
      .map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd className="prose">{value}</dd>
        </Fragment>
      ))}
  </dl>
);
