import { randomBytes } from 'node:crypto';
import { answersFromPost, applyListAction, defaultAnswers, dueDate, materialNeeds, shanghaiDateOf, type AnswerError } from '@onevisit/item-schemas';
import type { Context } from 'hono';
import { ApplyPage, type KeptFile } from '../citizen/apply-page';
import { casePath, ChecklistPage } from '../citizen/case-pages';
import { otherLanguage, renderPage, type Lang } from '../citizen/page';
import { fill, HTML_TYPE, PageCache, slot, template } from '../citizen/page-cache';
import { ApiError } from '../errors';
import type { App, AppEnv } from '../http';
import type { ItemVersion } from '../records';
import { channelOf } from '../cases/channel';
import { onlineIntakeRefusal } from '../cases/intake-terms';
import { WindowOnlyPage } from '../citizen/intake-notice';
import { checkApplication, checkedFiles, publishedVersion, receiveApplication } from '../cases/intake';
import { rememberCode } from '../tracking-cookie';
import { askedFiles, missingErrors, splitPost, storePostedFiles } from './apply-post';
import { html, langOf, problemPage, readPost, refusedPage } from './citizen-responses';
import { registerTrackingPages } from './tracking-pages';

/**
 * The pages citizens use, rendered on the server so they work without JavaScript: apply (a form
 * that posts to its own address) and the printable checklist here; the receipt and tracking in
 * tracking-pages.tsx.
 */

type Errors = { fields: AnswerError[]; general: Array<{ message: string; message_en: string; materialId?: string }> };

type ApplyState = { answers: Record<string, unknown>; idempotencyKey?: string; errors?: Errors; uploaded?: Record<string, KeptFile[]> };

/** Filed today, by when the item promises to be done: the page says so. */
async function promisedDueOf(c: Context<AppEnv>, version: ItemVersion): Promise<string> {
  const deps = c.get('deps');
  const calendar = await deps.calendars.forJurisdiction(version.jurisdiction);
  return dueDate(calendar, { from: shanghaiDateOf(deps.clock()), limit: version.definition.promisedLimit }).due;
}

const newIdempotencyKey = () => randomBytes(16).toString('hex');

function applyBody(lang: Lang, version: ItemVersion, promisedDue: string, state: ApplyState & { idempotencyKey: string }) {
  const item = version.definition;
  return (
    <ApplyPage
      lang={lang}
      jurisdiction={version.jurisdiction}
      item={item}
      action={`/apply/${version.jurisdiction}/${version.itemId}`}
      answers={state.answers}
      needs={materialNeeds(item, state.answers)}
      promisedDue={promisedDue}
      idempotencyKey={state.idempotencyKey}
      uploaded={state.uploaded ?? {}}
      {...(state.errors ? { errors: state.errors } : {})}
    />
  );
}

/** A page with answers (after a post), rendered for this response alone. */
async function applyPage(c: Context<AppEnv>, lang: Lang, version: ItemVersion, state: ApplyState, status: 200 | 400 = 200) {
  const promisedDue = await promisedDueOf(c, version);
  return html(c, lang, version.definition.name, applyBody(lang, version, promisedDue, { ...state, idempotencyKey: state.idempotencyKey ?? newIdempotencyKey() }), status);
}

/** Pages kept per published version and language: 32 MB holds some 65 pages of a 500-field form (0.24 M characters each). */
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * A page that is the same for every visitor of this version (see page-cache.ts), from the cache or
 * rendered once with markers where each response's values go. `private, no-cache`: a shared cache
 * (CloudFront) must not keep it, since it carries this response's idempotency key and its policy
 * this response's nonce.
 */
function versionPage(c: Context<AppEnv>, lang: Lang, pages: PageCache, key: string, render: () => string, values: { key?: string; due?: string }) {
  let page = pages.get(key);
  const rendered = !page;
  if (!page) pages.set(key, (page = template(render())));
  const url = new URL(c.req.url);
  url.searchParams.delete('secret');
  c.header('cache-control', 'private, no-cache');
  c.header('server-timing', rendered ? 'page;desc="rendered"' : 'page;desc="cached"');
  return c.body(fill(page, { key: values.key ?? '', due: values.due ?? '', switch: otherLanguage(url, lang) }), 200, HTML_TYPE);
}

/**
 * The version taking applications online, else the page to answer with: for an item taken only at
 * its windows, where they are (403, as the API refuses it); for any other refusal, why.
 */
async function applyingVersion(c: Context<AppEnv>, lang: Lang, jurisdiction: string, itemId: string): Promise<ItemVersion | Response> {
  const deps = c.get('deps');
  try {
    const version = await publishedVersion(deps, jurisdiction, itemId);
    const refused = onlineIntakeRefusal(version.definition, shanghaiDateOf(deps.clock()));
    if (refused?.code === 'NOT_TAKEN_ONLINE') {
      return html(c, lang, version.definition.name, <WindowOnlyPage lang={lang} jurisdiction={jurisdiction} itemId={itemId} item={version.definition} />, 403);
    }
    if (refused) throw refused;
    return version;
  } catch (error) {
    return problemPage(c, lang, error);
  }
}

const versionKey = (kind: string, version: ItemVersion, lang: Lang) => `${kind}|${version.jurisdiction}|${version.itemId}|${version.version}|${lang}`;


export function registerCitizenPages(app: App): void {
  const pages = new PageCache(PAGE_CACHE_BYTES);

  // The head is read every time, so a new version, a suspension or a cancellation shows at once.
  app.get('/apply/:jurisdiction/:itemId', async (c) => {
    const lang = langOf(c);
    const version = await applyingVersion(c, lang, c.req.param('jurisdiction'), c.req.param('itemId'));
    if (version instanceof Response) return version;
    const due = await promisedDueOf(c, version);
    const blank = () => renderPage(lang, version.definition.name, applyBody(lang, version, slot('due'), { answers: defaultAnswers(version.definition.form.schema), idempotencyKey: slot('key') }), slot('switch'));
    return versionPage(c, lang, pages, versionKey('apply', version, lang), blank, { key: newIdempotencyKey(), due });
  });

  app.post('/apply/:jurisdiction/:itemId', async (c) => {
    const deps = c.get('deps');
    const body = await readPost(c);
    if (body instanceof ApiError) return refusedPage(c, body);
    const lang = langOf(c, body.lang);
    const version = await applyingVersion(c, lang, c.req.param('jurisdiction'), c.req.param('itemId'));
    if (version instanceof Response) return version;
    const item = version.definition;
    const { fields, files, uploaded, names } = splitPost(body);
    const answers = answersFromPost(item.form, fields);
    const idempotencyKey = typeof body.idempotencyKey === 'string' && /^[0-9a-f]{32}$/.test(body.idempotencyKey) ? body.idempotencyKey : undefined;

    const { keys, stored, failed, kept } = await storePostedFiles(deps, version.jurisdiction, item, { files, uploaded, names });
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
      errors.general.push(...missingErrors(check.missing, lang));
    }

    if (errors.fields.length === 0 && errors.general.length === 0) {
      try {
        const filed = await checkedFiles(deps, version, askedFiles(keys, check), (key) => names.get(key), stored);
        const result = await receiveApplication(deps, version, { sent: answers, check, files: filed, promised: [], channel: channelOf(c) }, idempotencyKey);
        // The receipt and the case's page open in this browser without the code in their address.
        rememberCode(c, deps, result.case.trackingNumber, result.secret, ['receipt', 'track']);
        return c.redirect(casePath(result.case.trackingNumber, lang, 'receipt'), 303);
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
      const version = await publishedVersion(c.get('deps'), c.req.param('jurisdiction'), c.req.param('itemId'));
      const item = version.definition;
      const render = () => renderPage(lang, item.name, <ChecklistPage lang={lang} item={item} needs={materialNeeds(item, {})} />, slot('switch'));
      return versionPage(c, lang, pages, versionKey('checklist', version, lang), render, {});
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  registerTrackingPages(app);
}
