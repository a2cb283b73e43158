import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { answersFromPost, defaultAnswers, describeIssues, dueDate, mergedMaterials, shanghaiDateOf, type MaterialNeed } from '@onevisit/item-schemas';
import type { Context, Next } from 'hono';
import { checkBundleApplication, receiveBundle } from '../bundles/intake';
import { admitted, bundleCaseView, parentOf } from '../bundles/parent-view';
import { acceptingBundle, postedIdOf, type PublishedBundle } from '../bundles/published';
import { rateBundle } from '../bundles/outcome';
import { deviceChannel } from '../ratings/channels';
import { advanceBundle } from '../bundles/stages';
import { ZApplicantAction } from '../cases/actions';
import { channelOf } from '../cases/channel';
import { checkedFiles, refusalOf, ZSubmission } from '../cases/intake';
import { ApplyPage, type KeptFile } from '../citizen/apply-page';
import { casePath, ChecklistPage } from '../citizen/case-pages';
import type { Lang } from '../citizen/page';
import { ApiError, fileRequired, invalidRequest, malformedRequest, secretInAddress } from '../errors';
import type { App, AppEnv } from '../http';
import type { ItemVersion } from '../records';
import { rememberCode } from '../tracking-cookie';
import { storeUpload, uploadableMaterial } from '../uploads';
import { askedFiles, missingErrors, splitPost, storePostedFiles } from './apply-post';
import { registerBundleTrackingPages } from './bundle-tracking-pages';
import { html, langOf, problemPage, readPost, refusedPage } from './citizen-responses';
import { jsonOutOfBounds } from './kit';
import { SECRET_HEADER } from './tracking';

/**
 * Applying to a 一件事 at the addresses items are applied at: /apply/{jurisdiction}/{bundleId}
 * (HTML, without JavaScript) and /api/items/{jurisdiction}/{bundleId}/uploads and /applications
 * (JSON, as ZSubmission with materials by their ids on the one checklist). An address naming no
 * bundle goes on to the item routes. The parent case is tracked at /api/track/{number} and
 * /track/{number} (the lookup form at /track admits it) like any case.
 */

/** What the applicant may do to the parent: rate it (the other actions are each item's case's). */
const ZParentAction = z.object({ secret: z.string().max(100), action: ZApplicantAction.options[1] });

type Errors = { fields: Array<{ field: string; code: string; message: string; message_en: string }>; general: Array<{ message: string; message_en: string; materialId?: string }> };

/** The bundle this address names, or undefined to let the item routes answer. */
async function bundleAt(c: Context<AppEnv>): Promise<PublishedBundle | undefined> {
  const jurisdiction = c.req.param('jurisdiction') ?? '';
  const id = c.req.param('bundleId') ?? '';
  if (!/^\d{6}$/.test(jurisdiction) || !/^[a-z0-9-]{2,80}$/.test(id)) return undefined;
  return acceptingBundle(c.get('deps'), jurisdiction, id);
}

/** The bundle read as an item version, for the checks of files that take one. */
const asVersion = (p: PublishedBundle): ItemVersion => ({ jurisdiction: p.version.jurisdiction, itemId: p.version.bundleId, version: p.version.version, publishedAt: p.version.publishedAt, publishedBy: p.version.publishedBy, definition: p.asItem });

/** The one checklist for these answers, as the page shows it. */
const needsOf = (p: PublishedBundle, answers: Record<string, unknown>): MaterialNeed[] =>
  mergedMaterials(p.bundle, p.base, answers, p.asItem.form).map((m) => ({ material: { ...m.material, id: postedIdOf(m) }, status: m.status, decided: m.decided }));

async function page(c: Context<AppEnv>, lang: Lang, p: PublishedBundle, state: { answers: Record<string, unknown>; idempotencyKey?: string; uploaded?: Record<string, KeptFile[]>; errors?: Errors }, status: 200 | 400 = 200) {
  const deps = c.get('deps');
  const calendar = await deps.calendars.forJurisdiction(p.version.jurisdiction);
  const due = dueDate(calendar, { from: shanghaiDateOf(deps.clock()), limit: p.asItem.promisedLimit }).due;
  const body = (
    <ApplyPage
      lang={lang}
      jurisdiction={p.version.jurisdiction}
      item={p.asItem}
      action={`/apply/${p.version.jurisdiction}/${p.version.bundleId}`}
      answers={state.answers}
      needs={needsOf(p, state.answers)}
      promisedDue={due}
      idempotencyKey={state.idempotencyKey ?? randomBytes(16).toString('hex')}
      uploaded={state.uploaded ?? {}}
      {...(state.errors ? { errors: state.errors } : {})}
    />
  );
  c.header('cache-control', 'private, no-cache');
  return html(c, lang, p.bundle.name, body, status);
}

export function registerBundleApplications(app: App): void {
  app.get('/apply/:jurisdiction/:bundleId', async (c, next: Next) => {
    const lang = langOf(c);
    try {
      const p = await bundleAt(c);
      if (!p) return next();
      return await page(c, lang, p, { answers: defaultAnswers(p.asItem.form.schema) });
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  app.post('/apply/:jurisdiction/:bundleId', async (c, next: Next) => {
    let p: PublishedBundle | undefined;
    try {
      p = await bundleAt(c);
    } catch (error) {
      return problemPage(c, langOf(c), error);
    }
    if (!p) return next();
    const deps = c.get('deps');
    const body = await readPost(c);
    if (body instanceof ApiError) return refusedPage(c, body);
    const lang = langOf(c, body.lang);
    const { fields, files, uploaded, names } = splitPost(body);
    const answers = answersFromPost(p.asItem.form, fields);
    const idempotencyKey = typeof body.idempotencyKey === 'string' && /^[0-9a-f]{32}$/.test(body.idempotencyKey) ? body.idempotencyKey : undefined;
    const errors: Errors = { fields: [], general: [] };
    const { keys, stored, failed, kept } = await storePostedFiles(deps, p.version.jurisdiction, p.asItem, { files, uploaded, names });
    errors.general.push(...failed);
    const check = checkBundleApplication(p, answers, { files: keys });
    errors.fields.push(...check.fields);
    errors.general.push(...missingErrors(check.missing, lang));
    if (errors.fields.length === 0 && errors.general.length === 0) {
      try {
        const filed = await checkedFiles(deps, asVersion(p), askedFiles(keys, check), (key) => names.get(key), stored);
        const receipt = await receiveBundle(deps, p, { sent: answers, check, files: filed, promised: [], channel: channelOf(c) }, idempotencyKey);
        rememberCode(c, deps, receipt.parent.trackingNumber, receipt.secret, ['receipt', 'track']);
        return c.redirect(casePath(receipt.parent.trackingNumber, lang, 'receipt'), 303);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.general.push({ message: error.message, message_en: error.message_en });
      }
    }
    return page(c, lang, p, { answers, uploaded: kept, errors, ...(idempotencyKey ? { idempotencyKey } : {}) }, 400);
  });

  app.get('/apply/:jurisdiction/:bundleId/checklist', async (c, next: Next) => {
    const lang = langOf(c);
    try {
      const p = await bundleAt(c);
      if (!p) return next();
      c.header('cache-control', 'private, no-cache');
      return html(c, lang, p.bundle.name, <ChecklistPage lang={lang} item={p.asItem} needs={needsOf(p, {})} />);
    } catch (error) {
      return problemPage(c, lang, error);
    }
  });

  app.post('/api/items/:jurisdiction/:bundleId/checklist', async (c, next: Next) => {
    const p = await bundleAt(c);
    if (!p) return next();
    const raw = await c.req.json().catch(() => {
      throw malformedRequest('the JSON cannot be parsed');
    });
    const parsed = z.object({ answers: z.record(z.string(), z.unknown()).default({}) }).safeParse(raw);
    if (!parsed.success) throw invalidRequest(describeIssues(parsed.error.issues));
    const byStatus = { required: [], deferrable: [], optional: [], shared: [], notApplicable: [] } as Record<string, Array<{ id: string; name: string; for: string[] }>>;
    for (const m of mergedMaterials(p.bundle, p.base, parsed.data.answers, p.asItem.form)) byStatus[m.status]!.push({ id: postedIdOf(m), name: m.material.name, for: m.for });
    return c.json(byStatus, 200);
  });

  app.post('/api/items/:jurisdiction/:bundleId/uploads', async (c, next: Next) => {
    const p = await bundleAt(c);
    if (!p) return next();
    const form = await c.req.parseBody().catch(() => {
      throw malformedRequest('the form data cannot be parsed');
    });
    if (!(form.file instanceof File)) throw fileRequired();
    const material = uploadableMaterial(p.asItem, typeof form.materialId === 'string' ? form.materialId : '');
    return c.json(await storeUpload(c.get('deps'), p.version.jurisdiction, p.asItem, material, { name: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()) }), 201);
  });

  app.post('/api/items/:jurisdiction/:bundleId/applications', async (c, next: Next) => {
    const p = await bundleAt(c);
    if (!p) return next();
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 8 || key.length > 100)) throw invalidRequest([{ path: 'idempotency-key', message: '请求标识须为 8 至 100 个字符', message_en: 'the idempotency key is 8 to 100 characters' }]);
    const raw = await c.req.json().catch(() => {
      throw malformedRequest('the JSON cannot be parsed');
    });
    const bounds = jsonOutOfBounds(raw);
    if (bounds) throw invalidRequest([{ path: bounds.field, ...bounds }]);
    const parsed = ZSubmission.safeParse(raw);
    if (!parsed.success) throw invalidRequest(describeIssues(parsed.error.issues));
    const sent = parsed.data;
    const check = checkBundleApplication(p, sent.answers, { files: sent.materials, promised: sent.promised });
    const refused = refusalOf(check);
    if (refused) throw refused;
    const files = await checkedFiles(c.get('deps'), asVersion(p), sent.materials, (k) => sent.fileNames[k]);
    const receipt = await receiveBundle(c.get('deps'), p, { sent: sent.answers, check, files, promised: sent.promised, channel: channelOf(c) }, key);
    return c.json({ case: await bundleCaseView(c.get('deps'), receipt.parent), secret: receipt.secret }, receipt.created ? 201 : 200);
  });

  app.get('/api/track/:trackingNumber', async (c, next: Next) => {
    const parent = await parentOf(c.get('deps'), c.req.param('trackingNumber'));
    if (!parent) return next();
    if (c.req.query('secret') !== undefined) throw secretInAddress('X-Tracking-Secret');
    return c.json(await bundleCaseView(c.get('deps'), await advanceBundle(c.get('deps'), admitted(parent, c.req.header(SECRET_HEADER)))), 200);
  });

  // 一键评价: the one rating of the whole application; the parent takes no other action (each item's case takes its own).
  app.post('/api/track/:trackingNumber/actions', async (c, next: Next) => {
    const deps = c.get('deps');
    const parent = await parentOf(deps, c.req.param('trackingNumber'));
    if (!parent) return next();
    const raw = await c.req.json().catch(() => {
      throw malformedRequest('the JSON cannot be parsed');
    });
    const parsed = ZParentAction.safeParse(raw);
    if (!parsed.success) throw invalidRequest(describeIssues(parsed.error.issues));
    const rated = await rateBundle(deps, await advanceBundle(deps, admitted(parent, parsed.data.secret)), parsed.data.action, deviceChannel(c));
    return c.json(await bundleCaseView(deps, rated), 200);
  });

  registerBundleTrackingPages(app);
}
