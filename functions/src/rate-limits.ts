import type { Context, Env, MiddlewareHandler } from 'hono';
import { createElement } from 'react';
import { otherLanguage, renderPage } from './citizen/page';
import { tooManyRequests } from './errors';

/**
 * Abuse controls for what anyone may do without signing in: submitting, uploading, and trying
 * tracking number + 查询码 pairs. Counted per client address and per client and item (or case),
 * in fixed windows kept in memory. Generous per address, since a 政务服务中心 puts many
 * applicants behind one address; stricter per item. In AWS each function instance counts on
 * its own, and the WAF rate rules in front count across them (infra/src/firewall.ts).
 */

/** At most `limit` in any `seconds`-long window. */
export interface Window {
  limit: number;
  seconds: number;
}

export type Limited =
  /** Applications posted (the HTML form, also a correction of it, and the JSON route), per client. */
  | 'submissions'
  | 'submissionsPerItem'
  /** Upload routes and upload targets, per client. */
  | 'uploads'
  | 'uploadsPerItem'
  /** Megabytes posted with files (uploads, the apply form, the tracking page's forms), per client. */
  | 'uploadMegabytes'
  /** Every request that presents a tracking number and 查询码 (posted, in the case's cookie, in the API's header or body), per client. */
  | 'lookups'
  /** Lookups answered 404 (a wrong number or 查询码), per client and per client and case. */
  | 'wrongSecrets'
  | 'wrongSecretsPerCase';

export const DEFAULT_RATE_LIMITS: Record<Limited, Window> = {
  submissions: { limit: 120, seconds: 60 },
  submissionsPerItem: { limit: 40, seconds: 60 },
  uploads: { limit: 240, seconds: 60 },
  uploadsPerItem: { limit: 120, seconds: 60 },
  uploadMegabytes: { limit: 600, seconds: 60 },
  lookups: { limit: 300, seconds: 60 },
  wrongSecrets: { limit: 30, seconds: 900 },
  wrongSecretsPerCase: { limit: 10, seconds: 900 },
};

/** Windows remembered at most (about 200 bytes each): 50,000 is about 10 MB. */
export const DEFAULT_MAX_KEYS = 50_000;

/** What a host or a test may change (AppDeps.rateLimits); anything left out keeps its default. */
export interface RateLimitSettings {
  windows?: Partial<Record<Limited, Window>>;
  maxKeys?: number;
  /**
   * Refusals held this long before they are sent, at most `max` at once (beyond that, sent at
   * once). A script flooding from a few connections then waits on each refusal instead of
   * having the next one parsed and answered at once; held, its connection is not read. For the
   * local server: in AWS a held refusal is a function billed for waiting, and the WAF's rate
   * rules refuse before any function runs.
   */
  hold?: { ms: number; max: number };
}

/** The local server's: a second per refusal, up to 64 waiting (each a socket and a timer). */
export const LOCAL_HOLD = { ms: 1000, max: 64 };

/** For tests and benchmarks that send many requests as one client: no window ever fills. */
export const RATE_LIMITS_OFF: RateLimitSettings = {
  windows: Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((name) => [name, { limit: Infinity, seconds: 60 }])),
};

interface Count {
  start: number;
  ends: number;
  used: number;
}

/**
 * Fixed windows by key, at most `maxKeys` of them. Touching a key moves it to the end of the
 * map, so the first is the least recently used; a new key in a full table pushes that one out.
 * A flood of distinct addresses therefore costs a bounded table (and forgets the quietest
 * counters first), never unbounded memory.
 */
export class WindowTable {
  private readonly counts = new Map<string, Count>();

  constructor(readonly maxKeys: number = DEFAULT_MAX_KEYS) {}

  get size(): number {
    return this.counts.size;
  }

  private current(key: string, now: number): Count | undefined {
    const count = this.counts.get(key);
    return count && now < count.ends ? count : undefined;
  }

  /** Seconds to wait before `cost` more fit in `key`'s window; undefined when they fit now. */
  wait(key: string, window: Window, now: number, cost = 1): number | undefined {
    const count = this.current(key, now);
    // A single request dearer than a whole window is let through when the window is empty.
    if (!count || count.used === 0 || count.used + cost <= window.limit) return undefined;
    return Math.max(1, Math.ceil((count.ends - now) / 1000));
  }

  /** Counts `cost` in `key`'s window (a new one if it has none running); returns the window's start. */
  take(key: string, window: Window, now: number, cost = 1): number {
    const count = this.current(key, now) ?? { start: now, ends: now + window.seconds * 1000, used: 0 };
    count.used += cost;
    this.counts.delete(key);
    this.counts.set(key, count);
    while (this.counts.size > this.maxKeys) this.counts.delete(this.counts.keys().next().value!);
    return count.start;
  }

  /** Takes back what `take` counted, if the same window still runs. */
  giveBack(key: string, start: number, cost = 1): void {
    const count = this.counts.get(key);
    if (count?.start === start) count.used = Math.max(0, count.used - cost);
  }
}

interface Rule {
  name: Limited;
  key: string;
  cost?: number;
  /** Counted only when the answer is 404: a wrong tracking number or 查询码. */
  onlyWrong?: boolean;
}

const MB = 1024 * 1024;

/** What a request with files costs in megabytes; a body of unstated length is charged as the largest allowed. */
const megabytes = (c: Context, largest: number) => {
  const length = Number(c.req.header('content-length'));
  return Math.max(1, Math.ceil((Number.isFinite(length) && length >= 0 ? length : largest) / MB));
};

/** Keys are made of what the client sends (its forwarded address, the path): cut short, so each costs little. */
const part = (text: string) => text.slice(0, 64);

/** The largest lookup form read here for its number: a number, a code and the language fit in far less. */
const LOOKUP_FORM_BYTES = 1024;

/**
 * The number a lookup form posts to /track (its body is a few dozen bytes), read only when its
 * stated length is that small; hono keeps the parsed form for the route. Anything else counts in
 * the client's windows without the case's.
 */
async function postedNumber(c: Context): Promise<string | undefined> {
  const length = Number(c.req.header('content-length'));
  const form = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
  if (!form || c.req.header('transfer-encoding') || !(length > 0 && length <= LOOKUP_FORM_BYTES)) return undefined;
  try {
    const number = (await c.req.parseBody()).number;
    return typeof number === 'string' ? number : undefined;
  } catch {
    return undefined;
  }
}

/** A path's part as the route reads it, or as sent when it cannot be decoded (the route answers that 404). */
const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** Which windows a request counts in; none for everything not anonymous or not abusable. */
async function rulesFor(c: Context, address: string, largestBody: number): Promise<Rule[]> {
  const { method } = c.req;
  const path = c.req.path;
  const client = part(address);
  const lookup = (trackingNumber?: string): Rule[] => [
    { name: 'lookups', key: client },
    { name: 'wrongSecrets', key: client, onlyWrong: true },
    ...(trackingNumber ? [{ name: 'wrongSecretsPerCase' as const, key: `${client}|${part(trackingNumber.replace(/\s+/g, ''))}`, onlyWrong: true }] : []),
  ];
  const files = (): Rule => ({ name: 'uploadMegabytes', key: client, cost: megabytes(c, largestBody) });
  if (method === 'POST') {
    const apply = /^\/apply\/([^/]+\/[^/]+)$/.exec(path)?.[1];
    if (apply) return [{ name: 'submissions', key: client }, { name: 'submissionsPerItem', key: `${client}|${part(apply)}` }, files()];
    const api = /^\/api\/items\/([^/]+\/[^/]+)\/(applications|uploads|upload-targets)$/.exec(path);
    if (api?.[2] === 'applications') return [{ name: 'submissions', key: client }, { name: 'submissionsPerItem', key: `${client}|${part(api[1]!)}` }];
    if (api) return [{ name: 'uploads', key: client }, { name: 'uploadsPerItem', key: `${client}|${part(api[1]!)}` }, ...(api[2] === 'uploads' ? [files()] : [])];
    // The tracking page's lookup form, and the applicant's forms under the case's address.
    if (path === '/track') return lookup(await postedNumber(c));
    const acting = /^\/track\/([^/]+)\/[^/]+$/.exec(path)?.[1];
    if (acting) return [...lookup(decoded(acting)), files()];
  }
  const tracked = /^\/(?:receipt|track|api\/track)\/([^/]+)(?:\/(?:supplements|actions))?$/.exec(path)?.[1];
  if (tracked && (method === 'GET' || method === 'POST')) return lookup(decoded(tracked));
  // Links from before the code left addresses: /track?number=…&secret=….
  if (method === 'GET' && path === '/track' && c.req.query('secret') !== undefined) return lookup(c.req.query('number'));
  return [];
}

const hasBody = (c: Context) => Number(c.req.header('content-length')) > 0 || c.req.header('transfer-encoding') !== undefined;

/**
 * The refusal: the API's error body, or a readable page for the citizen pages; both say when to
 * come back. `close`: a refused body is not read through, the connection closes once this is
 * sent (the local server; behind the HTTP API the body has been read before the function runs).
 */
function refusal(c: Context, seconds: number, close: boolean): Response {
  const error = tooManyRequests(seconds);
  const headers: Record<string, string> = { 'Retry-After': String(seconds), 'Cache-Control': 'no-store', ...(close && hasBody(c) ? { Connection: 'close' } : {}) };
  if (c.req.path.startsWith('/api/')) return c.json(error.body(), 429, headers);
  const lang = c.req.query('lang') === 'en' ? 'en' : 'zh';
  // The language switch leads to this address, without a 查询码 an old link carried.
  const address = new URL(c.req.url);
  address.searchParams.delete('secret');
  const body = createElement(
    'div',
    { className: 'summary', role: 'alert' },
    createElement('p', { lang: 'zh-CN' }, error.message),
    createElement('p', { lang: 'en' }, `${error.message_en[0]!.toUpperCase()}${error.message_en.slice(1)}.`),
  );
  return c.html(renderPage(lang, lang === 'zh' ? '请稍后再试' : 'Please try again later', body, otherLanguage(address, lang)), 429, headers);
}

/**
 * The middleware app.ts puts in front of the citizen pages and the public API. A request over
 * any of its windows is refused before its body is read; one within all of them is counted in
 * each (a lookup's wrong-secret windows only if it is answered 404).
 */
export function rateLimits<E extends Env>(options: {
  settings?: RateLimitSettings | undefined;
  clock: () => Date;
  client: (c: Context<E>) => string;
  largestBody: number;
  /** Given by a test that looks at the table. */
  table?: WindowTable;
}): MiddlewareHandler<E> {
  const windows = { ...DEFAULT_RATE_LIMITS, ...options.settings?.windows };
  const table = options.table ?? new WindowTable(options.settings?.maxKeys);
  const hold = options.settings?.hold;
  let held = 0;
  return async (c, next) => {
    const rules = await rulesFor(c, options.client(c), options.largestBody);
    if (rules.length === 0) return next();
    const now = options.clock().getTime();
    const waits = rules.flatMap((r) => table.wait(`${r.name}|${r.key}`, windows[r.name], now, r.cost) ?? []);
    if (waits.length > 0) {
      if (hold && held < hold.max) {
        held++;
        await new Promise((resolve) => setTimeout(resolve, hold.ms));
        held--;
      }
      return refusal(c, Math.max(...waits), hold !== undefined);
    }
    const taken = rules.map((r) => ({ rule: r, start: table.take(`${r.name}|${r.key}`, windows[r.name], now, r.cost) }));
    await next();
    if (c.res.status === 404) return;
    for (const { rule, start } of taken) if (rule.onlyWrong) table.giveBack(`${rule.name}|${rule.key}`, start, rule.cost);
  };
}
