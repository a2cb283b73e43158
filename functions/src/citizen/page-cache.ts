import { randomBytes } from 'node:crypto';

/**
 * Pages that are the same for every visitor of a published version (the empty apply page, the
 * checklist), rendered once per version and language and kept in memory: a version never changes,
 * so only the head (is this still the version citizens get, is the item still open?) is read per
 * request. What differs per response (the idempotency key, the due date as of today, the language
 * switch, which keeps the address's query) is written into the render as a marker and filled in
 * as each page is sent. No nonce is in a page: its script is a file from 'self' and its one inline
 * style is allowed by its hash (security-headers.ts).
 */

export type Slot = 'key' | 'due' | 'switch';

/** Random per process, so no item's text can contain it. */
const MARK = `ov${randomBytes(8).toString('hex')}`;
const SLOTS = new RegExp(`${MARK}(key|due|switch)`, 'g');

/** Where a per-response value goes in a render: plain letters and digits, the same in text and in attributes. */
export const slot = (name: Slot): string => `${MARK}${name}`;

export interface PageTemplate {
  /** The render cut at its slots, as the UTF-8 it is sent in: text, slot, text, … */
  parts: Buffer[];
  slots: Slot[];
  /** What it holds in memory. */
  bytes: number;
}

/** Encoded once, when the page is kept: a response only joins the bytes, however large the page. */
export function template(html: string): PageTemplate {
  const pieces = html.split(SLOTS);
  const parts = pieces.filter((_, i) => i % 2 === 0).map((text) => Buffer.from(text, 'utf8'));
  return { parts, slots: pieces.filter((_, i) => i % 2 === 1) as Slot[], bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

/** How a filled page is sent (Hono's c.html says the same of a string). */
export const HTML_TYPE = { 'content-type': 'text/html; charset=UTF-8' };

/** As React escapes text and attribute values, so a filled page is the page a render with the values gives. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[ch]!);

export function fill(page: PageTemplate, values: Record<Slot, string>): Uint8Array<ArrayBuffer> {
  const out: Buffer[] = [page.parts[0]!];
  page.slots.forEach((name, i) => out.push(Buffer.from(escapeHtml(values[name]), 'utf8'), page.parts[i + 1]!));
  // A fresh buffer of its own (never a SharedArrayBuffer), as a response body is typed.
  return Buffer.concat(out) as Uint8Array<ArrayBuffer>;
}

/**
 * Least recently used pages go first once the pages held exceed `maxBytes`; a page larger than
 * that is not kept. In AWS each function instance has its own.
 */
export class PageCache {
  private readonly pages = new Map<string, PageTemplate>();
  private held = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.held;
  }

  get(key: string): PageTemplate | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: PageTemplate): void {
    this.drop(key);
    if (page.bytes > this.maxBytes) return;
    this.pages.set(key, page);
    this.held += page.bytes;
    for (const oldest of this.pages.keys()) {
      if (this.held <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.held -= page.bytes;
  }
}
