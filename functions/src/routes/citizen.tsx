import { randomBytes } from 'node:crypto';
import { answersFromPost, applyListAction, defaultAnswers, dueDate, materialNeeds, shanghaiDateOf, type AnswerError, type PostedFields } from '@onevisit/item-schemas';
import type { Context } from 'hono';
import type { ReactElement } from 'react';
import { ApplyPage, type KeptFile } from '../citizen/apply-page';
import { ChecklistPage, ReceiptPage, TrackPage } from '../citizen/case-pages';
import { otherLanguage, renderPage, say, type Lang } from '../citizen/page';
import { ApiError, malformedRequest, ratingRequired, tooManyFields } from '../errors';
import type { App, AppEnv } from '../http';
import type { FileInfo, ItemVersion } from '../records';
import type { StoredCase } from '../cases/record';
import type { AppDeps } from '../deps';
import { applicantAct, applicantCase, storedFile, supplyLater, track } from '../cases/applicant';
import { acceptingVersion, checkApplication, checkedFiles, receiveApplication } from '../cases/intake';
import { storeUpload } from '../uploads';

/**
 * The pages citizens use, rendered on the server so they work without JavaScript: apply (a form
 * that posts to its own address), the receipt, tracking, and the printable checklist.
 */

const langOf = (c: Context<AppEnv>, posted?: unknown): Lang => (c.req.query('lang') === 'en' || posted === 'en' ? 'en' : 'zh');

function html(c: Context<AppEnv>, lang: Lang, title: string, body: ReactElement, status: 200 | 400 | 404 | 409 | 413 = 200) {
  return c.html(renderPage(lang, title, body, otherLanguage(new URL(c.req.url), lang)), status);
}

function problemPage(c: Context<AppEnv>, lang: Lang, error: unknown) {
  if (!(error instanceof ApiError)) throw error;
  const t = say(lang);
  const status = error.status === 409 ? 409 : 404;
  return html(c, lang, t('无法办理', 'Not available'), <p className="summary" role="alert">{lang === 'zh' ? error.message : error.message_en}</p>, status);
}

/** Fields a page may post: the largest form's answers and list markers, and its files, with room to spare. */
export const MAX_POSTED_FIELDS = 2_000;
type Posted = Record<string, string | File | Array<string | File>>;

/**
 * The posted form, or why it is refused before any answer is read: a body that cannot be parsed
 * (400) or more fields than any page posts (413).
 */
async function readPost(c: Context<AppEnv>): Promise<Posted | ApiError> {
  let body: Posted;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    return malformedRequest('the form data cannot be parsed');
  }
  let count = 0;
  for (const value of Object.values(body)) count += Array.isArray(value) ? value.length : 1;
  return count > MAX_POSTED_FIELDS ? tooManyFields(MAX_POSTED_FIELDS) : body;
}

/** A post refused as a whole, said in both languages. */
function refusedPage(c: Context<AppEnv>, error: ApiError) {
  const lang = langOf(c);
  const t = say(lang);
  return html(
    c,
    lang,
    t('无法提交', 'Not sent'),
    <p className="summary" role="alert">
      {error.message}
      <br />
      {error.message_en}
    </p>,
    error.status === 413 ? 413 : 400,
  );
}

type Errors = { fields: AnswerError[]; general: Array<{ message: string; message_en: string; materialId?: string }> };

async function applyPage(c: Context<AppEnv>, lang: Lang, version: ItemVersion, state: { answers: Record<string, unknown>; idempotencyKey?: string; errors?: Errors; uploaded?: Record<string, KeptFile[]> }, status: 200 | 400 = 200) {
  const deps = c.get('deps');
  const item = version.definition;
  const calendar = await deps.calendars.forJurisdiction(version.jurisdiction);
  const promisedDue = dueDate(calendar, { from: shanghaiDateOf(deps.clock()), limit: item.promisedLimit }).due;
  return html(
    c,
    lang,
    item.name,
    <ApplyPage
      lang={lang}
      jurisdiction={version.jurisdiction}
      item={item}
      action={`/apply/${version.jurisdiction}/${version.itemId}`}
      answers={state.answers}
      needs={materialNeeds(item, state.answers)}
      promisedDue={promisedDue}
      idempotencyKey={state.idempotencyKey ?? randomBytes(16).toString('hex')}
      uploaded={state.uploaded ?? {}}
      {...(state.errors ? { errors: state.errors } : {})}
    />,
    status,
  );
}

/**
 * The posted body split into form fields, new files per material, and files uploaded by an
 * earlier attempt (or by the page script) with the names they were chosen under, shown again.
 */
function splitPost(body: Posted) {
  const fields: PostedFields = {};
  const files = new Map<string, File[]>();
  const uploaded: Record<string, string[]> = {};
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    const material = /^material\[([\w-]+)\]$/.exec(name)?.[1];
    const earlier = /^uploaded\[([\w-]+)\]$/.exec(name)?.[1];
    const fileName = /^fileName\[([\w/-]+)\]$/.exec(name)?.[1];
    if (material) files.set(material, values.filter((v): v is File => v instanceof File && v.size > 0));
    else if (earlier) uploaded[earlier] = values.filter((v): v is string => typeof v === 'string');
    else if (fileName && typeof values[0] === 'string') names.set(fileName, values[0].slice(0, 200));
    else if (name.startsWith('root')) {
      const strings = values.filter((v): v is string => typeof v === 'string');
      fields[name] = name.endsWith('[]') || strings.length > 1 ? strings : (strings[0] ?? '');
    }
  }
  return { fields, files, uploaded, names };
}

export function registerCitizenPages(app: App): void {
  app.get('/apply/:jurisdiction/:itemId', async (c) => {
    const lang = langOf(c);
    try {
      const version = await acceptingVersion(c.get('deps'), c.req.param('jurisdiction'), c.req.param('itemId'));
      return await applyPage(c, lang, version, { answers: defaultAnswers(version.definition.form.schema) });
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  app.post('/apply/:jurisdiction/:itemId', async (c) => {
    const deps = c.get('deps');
    const body = await readPost(c);
    if (body instanceof ApiError) return refusedPage(c, body);
    const lang = langOf(c, body.lang);
    let version: ItemVersion;
    try {
      version = await acceptingVersion(deps, c.req.param('jurisdiction'), c.req.param('itemId'));
    } catch (error) {
      return problemPage(c, lang, error);
    }
    const item = version.definition;
    const { fields, files, uploaded, names } = splitPost(body);
    const answers = answersFromPost(item.form, fields);
    const idempotencyKey = typeof body.idempotencyKey === 'string' && /^[0-9a-f]{32}$/.test(body.idempotencyKey) ? body.idempotencyKey : undefined;
    const failed: Errors['general'] = [];

    // Store what was sent, so a correction need not send it again; stored here, a file is filed as it is, not read back.
    const keys: Record<string, string[]> = {};
    const stored = new Map<string, FileInfo>();
    for (const [materialId, keptKeys] of Object.entries(uploaded)) keys[materialId] = [...keptKeys];
    for (const [materialId, sent] of files) {
      const material = item.materials.find((m) => m.id === materialId && !m.shared);
      if (!material) continue;
      for (const file of sent) {
        try {
          const info = await storeUpload(deps, version.jurisdiction, item, material, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
          (keys[materialId] ??= []).push(info.key);
          stored.set(info.key, info);
          names.set(info.key, info.name);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          failed.push({ message: error.message, message_en: error.message_en, materialId });
        }
      }
    }
    const kept = Object.fromEntries(Object.entries(keys).map(([id, list]) => [id, list.map((key) => ({ key, name: names.get(key) ?? '' }))]));
    const again = { ...(idempotencyKey ? { idempotencyKey } : {}), uploaded: kept };

    // 「添加一项」「删除」：回到本页，多一项或少一项，答案和文件都保留，不提示填写错误（只说上传失败）/
    // A list button without JavaScript: the same page with one entry more or fewer, nothing lost, no answer errors yet.
    if (typeof body._action === 'string' && /^(add|remove):/.test(body._action)) {
      const listed = applyListAction(item.form.schema, answers, body._action.slice(0, 300));
      return applyPage(c, lang, version, { answers: listed, ...again, ...(failed.length > 0 ? { errors: { fields: [], general: failed } } : {}) });
    }

    const check = checkApplication(item, answers, { files: keys });
    const errors: Errors = { fields: check.fields, general: [...failed] };
    // Everything to correct is told at once: missing materials too, not only after the answers are right
    // (with the answers right, a refused file already says its material is wanting).
    if (check.fields.length > 0 || failed.length === 0) {
      const t = say(lang);
      for (const m of check.missing) errors.general.push({ message: t(`请上传「${m.name}」`, `Upload "${m.name}"`), message_en: `Upload "${m.name}"`, materialId: m.id });
    }

    if (errors.fields.length === 0 && errors.general.length === 0) {
      try {
        // Every upload is offered without JavaScript: files for materials these answers do not ask for stay out of the case.
        const left = new Set([...check.unknown, ...check.notAsked.map((m) => m.id)]);
        const asked = Object.fromEntries(Object.entries(keys).filter(([id]) => !left.has(id)));
        const filed = await checkedFiles(deps, version, asked, (key) => names.get(key), stored);
        const result = await receiveApplication(deps, version, { sent: answers, check, files: filed, promised: [] }, idempotencyKey);
        const query = new URLSearchParams({ secret: result.secret, ...(lang === 'en' ? { lang } : {}) });
        return c.redirect(`/receipt/${result.case.trackingNumber}?${query}`, 303);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.general.push({ message: error.message, message_en: error.message_en });
      }
    }
    return applyPage(c, lang, version, { answers, ...again, errors }, 400);
  });

  app.get('/apply/:jurisdiction/:itemId/checklist', async (c) => {
    const lang = langOf(c);
    try {
      const item = (await acceptingVersion(c.get('deps'), c.req.param('jurisdiction'), c.req.param('itemId'))).definition;
      return html(c, lang, item.name, <ChecklistPage lang={lang} item={item} needs={materialNeeds(item, {})} />);
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  app.get('/receipt/:trackingNumber', async (c) => {
    const lang = langOf(c);
    const secret = c.req.query('secret') ?? '';
    try {
      const found = await track(c.get('deps'), c.req.param('trackingNumber'), secret);
      return html(c, lang, say(lang)('申请已提交', 'Application received'), <ReceiptPage lang={lang} c={found} secret={secret} />);
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  /**
   * What the applicant does from the tracking page, without JavaScript: each form posts here,
   * the action is applied, and the browser is sent back to the page (post, redirect, get). A
   * refusal shows the page again with the reason.
   */
  const trackPost = (path: string, run: (deps: AppDeps, found: StoredCase, body: Record<string, string | File | (string | File)[]>) => Promise<unknown>) =>
    app.post(path, async (c) => {
      const deps = c.get('deps');
      const body = await readPost(c);
      if (body instanceof ApiError) return refusedPage(c, body);
      const lang = langOf(c, body.lang);
      const number = String(body.number ?? '');
      const secret = String(body.secret ?? '');
      const title = say(lang)('办件进度查询', 'Follow a case');
      try {
        await run(deps, await applicantCase(deps, number, secret), body);
        return c.redirect(`/track?${new URLSearchParams({ number, secret, ...(lang === 'en' ? { lang } : {}) })}`, 303);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status === 404) return html(c, lang, title, <TrackPage lang={lang} number={number} failed />, 404);
        const found = await track(deps, number, secret);
        return html(c, lang, title, <TrackPage lang={lang} number={number} secret={secret} c={found} problem={lang === 'zh' ? error.message : error.message_en} />, error.status === 409 ? 409 : 400);
      }
    });

  /** A file chosen in a form, if one was. */
  const chosen = async (value: unknown) => (value instanceof File && value.size > 0 ? { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } : undefined);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 1000) : undefined);

  trackPost('/track/supplement', async (deps, found, body) => {
    const materialId = String(body.materialId ?? '');
    await supplyLater(deps, found, materialId, async () => [await storedFile(deps, found, materialId, await chosen(body.file))]);
  });

  trackPost('/track/corrections', async (deps, found, body) => {
    const asked = [...new Set((found.correction?.items ?? []).flatMap((i) => (i.materialId ? [i.materialId] : [])))];
    const materials: Record<string, FileInfo[]> = {};
    for (const id of asked) {
      const file = await chosen(body[`file-${id}`]);
      if (file) materials[id] = [await storedFile(deps, found, id, file)];
    }
    const response = text(body.response);
    await applicantAct(deps, found, { type: 'supplyCorrection', materials, ...(response ? { response } : {}) });
  });

  trackPost('/track/withdraw', async (deps, found, body) => {
    const reason = text(body.reason);
    await applicantAct(deps, found, { type: 'withdraw', ...(reason ? { reason } : {}) });
  });

  trackPost('/track/rate', async (deps, found, body) => {
    const level = Number(body.level);
    if (!Number.isInteger(level) || level < 1 || level > 5) throw ratingRequired();
    const comment = text(body.comment);
    await applicantAct(deps, found, { type: 'rate', level, ...(comment ? { comment } : {}) });
  });

  app.get('/track', async (c) => {
    const lang = langOf(c);
    const number = c.req.query('number')?.trim();
    const secret = c.req.query('secret')?.trim();
    const title = say(lang)('办件进度查询', 'Follow a case');
    if (!number || !secret) return html(c, lang, title, <TrackPage lang={lang} {...(number ? { number } : {})} />);
    try {
      return html(c, lang, title, <TrackPage lang={lang} number={number} secret={secret} c={await track(c.get('deps'), number, secret)} />);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return html(c, lang, title, <TrackPage lang={lang} number={number} failed />, 404);
    }
  });
}
