import { randomBytes } from 'node:crypto';
import { answersFromPost, applyListAction, defaultAnswers, dueDate, materialNeeds, shanghaiDateOf, type AnswerError, type PostedFields } from '@onevisit/item-schemas';
import type { Context } from 'hono';
import { ApplyPage, type KeptFile } from '../citizen/apply-page';
import { casePath, ChecklistPage } from '../citizen/case-pages';
import { say, type Lang } from '../citizen/page';
import { ApiError } from '../errors';
import type { App, AppEnv } from '../http';
import type { FileInfo, ItemVersion } from '../records';
import { acceptingVersion, checkApplication, checkedFiles, receiveApplication } from '../cases/intake';
import { rememberCode } from '../tracking-cookie';
import { storeUpload } from '../uploads';
import { html, langOf, problemPage, readPost, refusedPage, type Posted } from './citizen-responses';
import { registerTrackingPages } from './tracking-pages';

/**
 * The pages citizens use, rendered on the server so they work without JavaScript: apply (a form
 * that posts to its own address) and the printable checklist here; the receipt and tracking in
 * tracking-pages.tsx.
 */

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
      const item = (await acceptingVersion(c.get('deps'), c.req.param('jurisdiction'), c.req.param('itemId'))).definition;
      return html(c, lang, item.name, <ChecklistPage lang={lang} item={item} needs={materialNeeds(item, {})} />);
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  registerTrackingPages(app);
}
