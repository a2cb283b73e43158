import type { Context, Next } from 'hono';
import { admitted, bundleCaseView, parentOf } from '../bundles/parent-view';
import { rateBundle, withdrawBundle } from '../bundles/outcome';
import { advanceBundle } from '../bundles/stages';
import type { StoredBundleCase } from '../bundles/records';
import { applicantAct, storedFile, supplyLater } from '../cases/applicant';
import { trackingCodeMatches } from '../cases/tracking-code';
import { BundleCasePage } from '../citizen/bundle-case-page';
import { casePath } from '../citizen/case-pages';
import type { Lang } from '../citizen/page';
import type { AppDeps } from '../deps';
import { ApiError, notFound, ratingRequired } from '../errors';
import type { App, AppEnv } from '../http';
import type { FileInfo } from '../records';
import { deviceChannel } from '../ratings/channels';
import { poorReasons, type PoorReason } from '../ratings/model';
import { rememberCode, rememberedCode } from '../tracking-cookie';
import { html, langOf, readPost, refusedPage, type Posted } from './citizen-responses';

/**
 * A 一件事's pages for its applicant, without JavaScript, at the addresses of a case's
 * (/receipt/{number}, /track/{number}, the lookup form's post to /track): one page for the whole
 * application, from which the applicant supplies any item's 容缺 materials and rates the whole
 * once. A number that is not a parent's goes on to the case pages.
 */

/** The parent of this number, when this browser holds its code. */
function remembered(c: Context<AppEnv>, parent: StoredBundleCase | undefined): string | undefined {
  const code = parent ? rememberedCode(c, c.get('deps'), parent.trackingNumber) : undefined;
  if (!parent || !code) return undefined;
  try {
    admitted(parent, code);
    return code;
  } catch {
    return undefined;
  }
}

async function page(c: Context<AppEnv>, lang: Lang, parent: StoredBundleCase, options: { secret?: string; problem?: string } = {}, status: 200 | 400 | 409 = 200) {
  const deps = c.get('deps');
  const view = await bundleCaseView(deps, await advanceBundle(deps, parent));
  return html(c, lang, parent.bundleName, <BundleCasePage lang={lang} view={view} {...options} />, status, status === 200 ? undefined : casePath(parent.trackingNumber, lang));
}

const chosen = async (value: unknown) => (value instanceof File && value.size > 0 ? { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } : undefined);

/** The case of the item a form names (`item`), started. */
async function childCase(deps: AppDeps, parent: StoredBundleCase, body: Posted) {
  const child = parent.children.find((k) => k.key === body.item && k.trackingNumber);
  const found = child ? await deps.store.getCase(parent.jurisdiction, child.trackingNumber!) : undefined;
  if (!found) throw notFound('办件', 'case');
  return found;
}

/** 补交 an item's 容缺 material: to that item's own case, as its own tracking page would. */
async function supplement(deps: AppDeps, parent: StoredBundleCase, body: Posted): Promise<void> {
  const found = await childCase(deps, parent, body);
  const materialId = typeof body.materialId === 'string' ? body.materialId : '';
  const file = await chosen(body.file);
  await supplyLater(deps, found, materialId, async () => [await storedFile(deps, found, materialId, file)]);
}

/** 补正 of an item: the files asked for again and a note, to that item's own case, as its own tracking page would. */
async function corrections(deps: AppDeps, parent: StoredBundleCase, body: Posted): Promise<void> {
  const found = await childCase(deps, parent, body);
  const asked = [...new Set((found.correction?.items ?? []).flatMap((i) => (i.materialId ? [i.materialId] : [])))];
  const materials: Record<string, FileInfo[]> = {};
  for (const id of asked) {
    const file = await chosen(body[`file-${id}`]);
    if (file) materials[id] = [await storedFile(deps, found, id, file)];
  }
  const response = typeof body.response === 'string' && body.response.trim() ? body.response.trim().slice(0, 1000) : undefined;
  await applicantAct(deps, found, { type: 'supplyCorrection', materials, ...(response ? { response } : {}) });
}

async function withdraw(deps: AppDeps, parent: StoredBundleCase, body: Posted): Promise<void> {
  const reason = typeof body.reason === 'string' && body.reason.trim() ? body.reason.trim().slice(0, 500) : undefined;
  await withdrawBundle(deps, parent, reason);
}

async function rate(deps: AppDeps, parent: StoredBundleCase, body: Posted, c: Context<AppEnv>): Promise<void> {
  const level = Number(body.level);
  if (!Number.isInteger(level) || level < 1 || level > 5) throw ratingRequired();
  const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim().slice(0, 1000) : undefined;
  const posted = body.reasons === undefined ? [] : Array.isArray(body.reasons) ? body.reasons : [body.reasons];
  const reasons = posted.filter((r): r is PoorReason => (poorReasons as readonly unknown[]).includes(r));
  await rateBundle(deps, await advanceBundle(deps, parent), { level, reasons, ...(comment ? { comment } : {}) }, deviceChannel(c));
}

export function registerBundleTrackingPages(app: App): void {
  // The number and code typed on the lookup form: a parent's are admitted here, any other number's by the case pages.
  app.post('/track', async (c, next: Next) => {
    const deps = c.get('deps');
    const body = await readPost(c);
    if (body instanceof ApiError) return next();
    const parent = typeof body.number === 'string' ? await parentOf(deps, body.number) : undefined;
    const code = typeof body.secret === 'string' ? body.secret.trim() : '';
    if (!parent || !trackingCodeMatches(parent.secretHash, code)) return next();
    rememberCode(c, deps, parent.trackingNumber, code, ['track']);
    return c.redirect(casePath(parent.trackingNumber, langOf(c, body.lang)), 303);
  });

  for (const which of ['receipt', 'track'] as const)
    app.get(`/${which}/:trackingNumber`, async (c, next: Next) => {
      const deps = c.get('deps');
      const parent = await parentOf(deps, c.req.param('trackingNumber'));
      const code = remembered(c, parent);
      // Without the code in this browser, the case pages ask for it.
      if (!parent || !code) return next();
      rememberCode(c, deps, parent.trackingNumber, code, [which]);
      return page(c, langOf(c), parent, which === 'receipt' ? { secret: code } : {});
    });

  for (const [name, run] of [
    ['supplement', supplement],
    ['corrections', corrections],
    ['withdraw', withdraw],
    ['rate', rate],
  ] as const)
    app.post(`/track/:trackingNumber/${name}`, async (c, next: Next) => {
      const deps = c.get('deps');
      const parent = await parentOf(deps, c.req.param('trackingNumber'));
      const code = remembered(c, parent);
      if (!parent || !code) return next();
      const body = await readPost(c);
      if (body instanceof ApiError) return refusedPage(c, body);
      const lang = langOf(c, body.lang);
      try {
        await run(deps, parent, body, c);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const now = (await deps.store.getBundleCase(parent.jurisdiction, parent.trackingNumber)) ?? parent;
        return page(c, lang, now, { problem: lang === 'zh' ? error.message : error.message_en }, error.status === 409 ? 409 : 400);
      }
      rememberCode(c, deps, parent.trackingNumber, code, ['track']);
      return c.redirect(casePath(parent.trackingNumber, lang), 303);
    });
}
