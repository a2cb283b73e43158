import { channels as channelLabels, fileTypeWords, filledWhenWords, formFields, neededWhenWords, needMark, onlineLevel, statusWhenApplicable, targets as targetLabels, type AnswerError, type ItemDefinition, type Material, type MaterialNeed, type TimeLimit } from '@onevisit/item-schemas';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { Fragment } from 'react';
import { CitizenForm } from './form/CitizenForm';
import { MaterialsNotice, NeedMark } from './materials-notice';
import { say, type Lang } from './page';
import { resultWords } from './result-words';

/**
 * The application page: everything the applicant needs told at once (一次告知), then the form and
 * the material uploads. After a failed post it shows the errors at the top and at each field,
 * with the answers kept.
 */
export interface ApplyPageProps {
  lang: Lang;
  jurisdiction: string;
  item: ItemDefinition;
  action: string;
  /** Every answer posted, those the conditions set aside too: nothing typed is lost on the way back. */
  answers: Record<string, unknown>;
  /** Every material with what the answers so far make of it. */
  needs: readonly MaterialNeed[];
  promisedDue: string;
  idempotencyKey: string;
  /** Files stored by an earlier attempt, by material, kept (with the names they had) so a correction need not resend them. */
  uploaded: Record<string, KeptFile[]>;
  errors?: { fields: AnswerError[]; general: Array<{ message: string; message_en: string; materialId?: string }> };
}

export interface KeptFile {
  key: string;
  name: string;
}

const limitText = (t: ReturnType<typeof say>, limit: TimeLimit | null) =>
  limit === null ? t('法律未规定', 'none set by law') : limit.value === 0 ? t('当场办结', 'decided on the spot') : t(`${limit.value}个${limit.unit === 'workday' ? '工作日' : '自然日'}`, `${limit.value} ${limit.unit === 'workday' ? 'working' : 'calendar'} days`);

const deliveryMethods = {
  window: ['窗口领取', 'collect at the window'],
  post: ['邮政速递(送达到付)', 'by post (EMS)'],
  electronic: ['电子证照', 'electronic certificate'],
  none: ['无需送达', 'nothing to deliver'],
} as const;

/** Server errors in the shape react-jsonschema-form shows next to fields. */
function errorSchema(errors: AnswerError[], lang: Lang): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const part of e.field.split('.').filter(Boolean)) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(lang === 'zh' ? e.message : e.message_en);
  }
  return root as ErrorSchema;
}

const fieldAnchor = (field: string) => `#root_${field.replace(/\./g, '_')}`;

export function ApplyPage({ lang, jurisdiction, item, action, answers, needs, promisedDue, idempotencyKey, uploaded, errors }: ApplyPageProps) {
  const t = say(lang);
  const pick = (m: { message: string; message_en: string }) => (lang === 'zh' ? m.message : m.message_en);
  const label = (pair: readonly [string, string]) => (lang === 'zh' ? pair[0] : pair[1]);
  const count = (errors?.fields.length ?? 0) + (errors?.general.length ?? 0);
  // Every upload is on the page, whatever the answers, so a page without JavaScript can send them
  // all at once; the script hides those the answers do not call for.
  const uploadable = item.materials.filter((m) => !m.shared);
  const fields = formFields(item.form.schema);
  const types = (m: Material) => fileTypeWords(m.acceptedTypes, lang);
  // Without JavaScript, the uploads the answers do not call for stay on the page, marked so.
  const marks = new Map(needs.map((n) => [n.material.id, needMark(n, lang)]));
  const result = resultWords(item, lang);
  // Every field is on the page, each conditional one with its condition in words, so a page
  // without JavaScript is answered in one go; the script hides those the answers rule out.
  const conditions = Object.fromEntries(Object.entries(item.form.visibleWhen).map(([path, condition]) => [path, filledWhenWords(condition, fields, lang)]));
  return (
    <>
      <h1>{item.name}</h1>
      {count > 0 && (
        <section className="summary" role="alert" aria-labelledby="summary-title" tabIndex={-1} id="error-summary">
          <h2 id="summary-title">{t(`有 ${count} 处需要修改`, `${count} thing(s) to correct`)}</h2>
          <ul>
            {errors!.fields.map((e, i) => (
              <li key={`f${i}`} data-field={e.field}>
                <a href={fieldAnchor(e.field)}>{pick(e)}</a>
              </li>
            ))}
            {errors!.general.map((e, i) => (
              <li key={`g${i}`} {...(e.materialId ? { 'data-material': e.materialId } : {})}>{e.materialId ? <a href={`#material-${e.materialId}`}>{pick(e)}</a> : pick(e)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t('办事须知', 'What to know')}</h2>
        <dl className="facts">
          <dt>{t('实施机关', 'Office')}</dt>
          <dd>{item.department.name}</dd>
          <dt>{t('申请对象', 'Who may apply')}</dt>
          <dd>{item.targets.map((c) => label(targetLabels[c])).join(lang === 'zh' ? '、' : ', ')}</dd>
          <dt>{t('法定时限', 'Legal limit')}</dt>
          <dd>{limitText(t, item.legalLimit)}</dd>
          <dt>{t('承诺时限', 'Promised limit')}</dt>
          <dd>
            {limitText(t, item.promisedLimit)}
            {item.promisedLimit.value > 0 && t(`(今天提交，${promisedDue} 前办结)`, ` (filed today: done by ${promisedDue})`)}
          </dd>
          <dt>{t('到现场次数', 'Visits in person')}</dt>
          <dd>{item.maxVisits > 0 ? t(`最多 ${item.maxVisits} 次(${item.visitReason ?? ''})`, `at most ${item.maxVisits} (${item.visitReason ?? ''})`) : onlineLevel(item.onlineDepth) === '4' ? t('零跑动，全程网上办', 'none: entirely online') : t('零跑动，快递申请、结果送达', 'none: apply by post, the result is delivered')}</dd>
          {result && (
            <>
              <dt>{t('办理结果', 'Result')}</dt>
              <dd>{result}</dd>
            </>
          )}
          <dt>{t('收费', 'Fees')}</dt>
          <dd>{item.fees.some((f) => f.charged) ? item.fees.filter((f) => f.charged).map((f) => `${f.name}${f.standard ? `：${f.standard}` : ''}`).join('；') : t('不收费', 'free')}</dd>
          {item.delivery.length > 0 && (
            <>
              <dt>{t('结果送达', 'Results delivered')}</dt>
              <dd>{item.delivery.map((d) => `${label(deliveryMethods[d.method])}${d.note ? `(${d.note})` : ''}`).join(lang === 'zh' ? '；' : '; ')}</dd>
            </>
          )}
          <dt>{t('办理方式', 'How')}</dt>
          <dd>{item.channels.map((c) => label(channelLabels[c])).join(lang === 'zh' ? '、' : ', ')}</dd>
          {item.windows.map((w, i) => (
            <Fragment key={i}>
              <dt>{t('办理地点', 'Where')}</dt>
              <dd>{`${w.name}，${w.address}，${w.hours}${w.phone ? `，${t('电话', 'phone')} ${w.phone}` : ''}`}</dd>
            </Fragment>
          ))}
          {item.windows.length === 0 && item.channels.includes('1') && (
            <>
              <dt>{t('办理地点', 'Where')}</dt>
              <dd>{t(`请到「${item.department.name}」办理`, `At "${item.department.name}"`)}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t('申请材料', 'Materials')}</h2>
        <MaterialsNotice lang={lang} item={item} needs={needs} live />
        <p className="no-print">
          <a href={`${action}/checklist${lang === 'en' ? '?lang=en' : ''}`}>{t('打印一次告知清单', 'Print the checklist')}</a>
        </p>
      </section>
      <section aria-labelledby="form-title">
        <h2 id="form-title">{t('填写申请', 'Apply')}</h2>
        <CitizenForm schema={item.form.schema as RJSFSchema} uiSchema={item.form.uiSchema as UiSchema} answers={answers} conditions={conditions} errors={errors ? errorSchema(errors.fields, lang) : undefined} post={{ action }} lang={lang}>
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="lang" value={lang} />
          {uploadable.length > 0 && (
            <fieldset>
              <legend>{t('上传材料', 'Upload the materials')}</legend>
              {uploadable.map((m) => {
                const status = statusWhenApplicable(item, m);
                return (
                  <div className="form-group" key={m.id} id={`material-${m.id}`}>
                    <label className="control-label" htmlFor={`file-${m.id}`}>
                      {m.name}
                      {status === 'deferrable' ? t('(可后补)', ' (may come later)') : status === 'optional' ? t('(选择提交)', ' (optional)') : m.when ? '' : ' *'}
                    </label>
                    {m.when && (
                      <div className="help-block" id={`file-when-${m.id}`}>
                        {neededWhenWords(m.when, fields, lang)}
                        <NeedMark id={m.id} mark={marks.get(m.id)} />
                      </div>
                    )}
                    {(uploaded[m.id] ?? []).map((file) => (
                      <div key={file.key} className="kept-file">
                        <input type="hidden" name={`uploaded[${m.id}]`} value={file.key} />
                        <input type="hidden" name={`fileName[${file.key}]`} value={file.name} />
                        {file.name} <span className="tag shared">{t('已上传', 'uploaded')}</span>
                      </div>
                    ))}
                    <input id={`file-${m.id}`} type="file" name={`material[${m.id}]`} multiple accept={m.acceptedTypes.join(',')} aria-describedby={`${m.when ? `file-when-${m.id} ` : ''}file-help-${m.id}`} />
                    <div className="help-block" id={`file-help-${m.id}`}>
                      {t(`${types(m)} 格式，单个文件不超过 ${item.uploadLimitMb} MB`, `${types(m)}, at most ${item.uploadLimitMb} MB each`)}
                    </div>
                  </div>
                );
              })}
            </fieldset>
          )}
          <button type="submit" className="btn btn-primary">
            {t('提交申请', 'Submit')}
          </button>
        </CitizenForm>
      </section>
      <script type="application/json" id="onevisit-rules" dangerouslySetInnerHTML={{ __html: rulesJson(item, jurisdiction, lang) }} />
      <script src={scriptSrc} defer />
    </>
  );
}

/** Where the page script is served (local server; CloudFront in AWS). */
export const scriptSrc = '/citizen/citizen.js';

/** What the page script needs to follow the answers, as JSON safe inside a script element. */
function rulesJson(item: ItemDefinition, jurisdiction: string, lang: Lang): string {
  const rules = {
    form: item.form,
    materials: item.materials,
    deficiencyAcceptance: item.deficiencyAcceptance,
    notifyPromise: item.notifyPromise,
    lang,
    draftKey: `onevisit.apply.${item.id}.${item.meta?.version ?? 0}`,
    uploadUrl: `/api/items/${jurisdiction}/${item.id}/uploads`,
  };
  return JSON.stringify(rules).replace(/</g, '\\u003c');
}
