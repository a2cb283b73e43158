import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { publishedVersion } from './cases/intake';
import { parseTrackingNumber } from './cases/tracking-number';
import type { AppDeps } from './deps';
import { fileTooLarge, payloadTooLarge, type ApiError } from './errors';
import { formType, readForm, type FormBounds } from './form-bodies';
import type { AppEnv } from './http';
import { IMPORT_LIMITS } from './imports-files';
import { MAX_DRAFT_BYTES } from './items';
import { isJson, readJson } from './json-bodies';
import { PUBLIC_FILE_BYTES } from './public-files';
import { MAX_POSTED_FIELDS, refusedPage } from './routes/citizen-responses';
import { JSON_BOUNDS } from './routes/kit';

/**
 * 请求体大小上限 / How large a body each route takes, enforced while it streams (hono's bodyLimit
 * refuses a Content-Length over the limit before reading, and counts the bytes of one without;
 * the anonymous routes' form posts are read and bounded in form-bodies.ts), so nothing is
 * buffered beyond the limit (issue 15).
 */

const MB = 1024 * 1024;
/** Boundaries, field names and the answers beside the files of a multipart post. */
export const MULTIPART_OVERHEAD = MB;
/** JSON bodies: small, well under DynamoDB's 400 KB item. */
export const JSON_LIMIT = 256 * 1024;
/** A draft: what MAX_DRAFT_BYTES (DRAFT_TOO_LARGE) allows, with room for JSON's escapes. */
export const DRAFT_LIMIT = 2 * MAX_DRAFT_BYTES;
/** Form posts without files. */
export const FORM_LIMIT = MULTIPART_OVERHEAD;

/** A body refused before it was read through: the API's error body, or a page in Chinese and English. */
const refusal = (c: Context<AppEnv>, error: ApiError) => (c.req.path.startsWith('/api/') ? c.json(error.body(), error.status) : refusedPage(c, error));

export const limitTo = (maxSize: number): MiddlewareHandler<AppEnv> => bodyLimit({ maxSize, onError: (c) => refusal(c, payloadTooLarge()) });

/**
 * The anonymous routes' limit: a form post is read here as it streams, within its size, its
 * fields and the bytes of its words (form-bodies.ts), before the route runs; any other body as
 * limitTo. (Officials' routes read theirs after signing in is checked.)
 */
const formLimitTo = (maxSize: number, file?: FormBounds['file']): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!formType(c)) return limitTo(maxSize)(c, next);
  const refused = await readForm(c, { bytes: maxSize, fields: MAX_POSTED_FIELDS, textBytes: FORM_LIMIT, ...(file ? { file } : {}) });
  return refused ? refusal(c, refused) : next();
};


/**
 * Uploads and the apply form, at what the item allows: its per-file limit per material to upload
 * (the apply form can carry one of each), plus the multipart overhead. On the apply form a file
 * past the per-file limit refuses the post at that byte, in the upload check's words (the rest
 * is not read, nor the page rendered again); the upload route, bounded at one file, leaves that
 * check to the upload itself. An item that cannot be found takes only a small body (its route
 * answers 404 anyway).
 */
export function itemUploadLimit(params: (c: Context<AppEnv>) => { jurisdiction: string; itemId: string } | undefined, perMaterial: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    // Files come only in multipart: any other body is words, held to the form limit without looking the item up.
    if (formType(c) !== 'multipart') return formLimitTo(FORM_LIMIT)(c, next);
    const named = params(c);
    let limit = FORM_LIMIT;
    let file: FormBounds['file'];
    if (named) {
      try {
        const item = (await publishedVersion(c.get('deps'), named.jurisdiction, named.itemId)).definition;
        const materials = perMaterial ? Math.max(1, item.materials.filter((m) => !m.shared).length) : 1;
        limit = item.uploadLimitMb * MB * materials + MULTIPART_OVERHEAD;
        const material = (field: string) => item.materials.find((m) => field === `material[${m.id}]`)?.name;
        if (perMaterial) file = { bytes: item.uploadLimitMb * MB, tooLarge: (field) => fileTooLarge(item.uploadLimitMb, material(field)) };
      } catch {
        // Left to the route, which says why in its own words.
      }
    }
    return formLimitTo(limit, file)(c, next);
  };
}

const itemParams = (c: Context<AppEnv>) => {
  const match = /^\/(?:api\/items|apply)\/([^/]+)\/([^/]+)(?:\/uploads)?$/.exec(c.req.path) ?? /^\/api\/window\/([^/]+)\/items\/([^/]+)\/uploads$/.exec(c.req.path);
  return match ? { jurisdiction: decodeURIComponent(match[1]!), itemId: decodeURIComponent(match[2]!) } : undefined;
};
const uploadAtItemLimit = itemUploadLimit(itemParams, false);

/** The public API's JSON posts (submissions, upload targets, checklists, a case's supplements and actions), refused unread past their size or nesting (json-bodies.ts). */
const anonymousJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isJson(c)) return limitTo(JSON_LIMIT)(c, next);
  const refused = await readJson(c, { bytes: JSON_LIMIT, depth: JSON_BOUNDS.maxDepth });
  return refused ? refusal(c, refused) : next();
};

/** Every body under /api: an upload (the public one, the window's scans) at its item's limit, officials' blank forms and samples at theirs, drafts at theirs, the rest small (JSON). */
export const apiBodyLimits: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path;
  if (/^\/api\/(?:items\/[^/]+|window\/[^/]+\/items)\/[^/]+\/uploads$/.test(path)) return uploadAtItemLimit(c, next);
  if (c.req.method === 'POST' && /^\/api\/(items|track)\//.test(path)) return anonymousJson(c, next);
  if (/^\/api\/admin\/[^/]+\/files$/.test(path)) return limitTo(PUBLIC_FILE_BYTES + MULTIPART_OVERHEAD)(c, next);
  // An import's file and, for CSV, its materials file.
  if (/^\/api\/admin\/[^/]+\/imports$/.test(path)) return limitTo(2 * IMPORT_LIMITS.bytes + MULTIPART_OVERHEAD)(c, next);
  return limitTo(/^\/api\/admin\/[^/]+\/items(\/|$)/.test(path) ? DRAFT_LIMIT : JSON_LIMIT)(c, next);
};

/** The apply form: its item's limit per material to upload. */
export const applyBodyLimit = itemUploadLimit(itemParams, true);

/**
 * A case's file forms (/track/{number}/supplement, …/corrections), at what the item the case was
 * filed under allows: its per-file limit for each file the form can carry (a supplement one, the
 * corrections one per material asked for), plus the multipart overhead. A number that names no
 * case takes only a small body (its route asks for the code and does nothing).
 */
async function caseUploadLimit(deps: AppDeps, typedNumber: string, corrections: boolean): Promise<number> {
  const number = parseTrackingNumber(typedNumber);
  const found = number && (await deps.store.getCase(number.jurisdiction, number.trackingNumber));
  const version = found && (await deps.store.getVersion(found.jurisdiction, found.itemId, found.version));
  if (!found || !version) return FORM_LIMIT;
  const files = corrections ? new Set(found.correction?.items.flatMap((i) => (i.materialId ? [i.materialId] : []))).size : 1;
  return version.definition.uploadLimitMb * MB * Math.max(1, files) + MULTIPART_OVERHEAD;
}

/** The tracking pages' forms: a case's file forms at its item's limit, words for the rest. */
export const trackBodyLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const upload = c.req.method === 'POST' ? /^\/track\/([^/]+)\/(supplement|corrections)$/.exec(c.req.path) : null;
  return formLimitTo(upload ? await caseUploadLimit(c.get('deps'), upload[1]!, upload[2] === 'corrections') : FORM_LIMIT)(c, next);
};
