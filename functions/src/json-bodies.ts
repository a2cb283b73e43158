import type { Context } from 'hono';
import { bodyChunks } from './body-chunks';
import { invalidRequest, payloadTooLarge, type ApiError } from './errors';

/**
 * JSON posts on the anonymous API routes, read as they stream and refused as soon as they nest
 * deeper than any route takes (issue 15). JSON.parse of a 50,000-deep array holds the event
 * loop for milliseconds on end before the route's own bounds (routes/kit.ts jsonOutOfBounds)
 * can refuse it; counting brackets as the bytes arrive costs next to nothing. What is read
 * goes where hono's json() looks first, so the route parses it as before.
 */

interface Level {
  array: boolean;
  /** In an array, the element being read; in an object, its key once read. */
  index: number;
  key: string;
  expectsKey: boolean;
}

/** A key longer than this is cut short in the path an error names. */
const MAX_KEY_BYTES = 64;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Tracks nesting as JSON streams, without parsing it (a body that is not JSON is the route's to refuse). */
class Nesting {
  private readonly levels: Level[] = [];
  private inString = false;
  private escaped = false;
  private key: number[] | undefined;

  constructor(private readonly maxDepth: number) {}

  /** The path of the first value nested deeper than maxDepth, once one opens. */
  write(chunk: Uint8Array): string | undefined {
    for (let at = 0; at < chunk.length; at++) {
      const byte = chunk[at]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.inString = false;
          if (this.key) this.levels.at(-1)!.key = keyText(this.key);
          this.key = undefined;
          continue;
        }
        if (this.key && this.key.length < MAX_KEY_BYTES) this.key.push(byte);
        continue;
      }
      const level = this.levels.at(-1);
      if (byte === QUOTE) {
        this.inString = true;
        if (level && !level.array && level.expectsKey) this.key = [];
      } else if (byte === 0x7b || byte === 0x5b) {
        // `{` or `[`: a container opened inside maxDepth + 1 others is a value deeper than maxDepth.
        if (this.levels.length > this.maxDepth) return this.levels.map((l) => (l.array ? String(l.index) : l.key)).join('.');
        this.levels.push({ array: byte === 0x5b, index: 0, key: '', expectsKey: byte === 0x7b });
      } else if (byte === 0x7d || byte === 0x5d) this.levels.pop();
      else if (byte === 0x2c && level) {
        if (level.array) level.index++;
        else level.expectsKey = true;
      } else if (byte === 0x3a && level) level.expectsKey = false;
    }
    return undefined;
  }
}

/** The words and details routes/kit.ts gives for a value it finds nested too deep. */
function tooDeep(path: string, depth: number): ApiError {
  const problem = { field: path, message: `嵌套超过 ${depth} 层`, message_en: `nested deeper than ${depth}` };
  return invalidRequest([{ path, ...problem }]);
}

function keyText(bytes: number[]): string {
  const raw = Buffer.from(bytes).toString('utf8');
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw; // cut inside an escape: the path only names where
  }
}

export const isJson = (c: Context) => /^application\/json/i.test(c.req.header('content-type') ?? '');

/**
 * Reads a JSON post within its size and nesting: the refusal when it passes one (the rest is
 * left unread), or nothing, with the body where the route's json() finds it.
 */
export async function readJson(c: Context, bounds: { bytes: number; depth: number }): Promise<ApiError | undefined> {
  if (Number(c.req.header('content-length')) > bounds.bytes) return payloadTooLarge();
  if (Object.keys(c.req.bodyCache).length > 0) return undefined;
  const body = bodyChunks(c);
  if (!body) return undefined;
  const nesting = new Nesting(bounds.depth);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const value of body) {
      bytes += value.byteLength;
      if (bytes > bounds.bytes) return payloadTooLarge();
      chunks.push(value);
      const path = nesting.write(value);
      if (path !== undefined) return tooDeep(path, bounds.depth);
    }
  } catch (error) {
    cacheBody(c, Promise.reject(error)); // a body cut short: the route's json() says it cannot be parsed
    return undefined;
  }
  const whole = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  cacheBody(c, Promise.resolve(whole.buffer));
  return undefined;
}

function cacheBody(c: Context, body: Promise<ArrayBuffer>): void {
  body.catch(() => undefined); // read (and refused) by the route, not here
  (c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = body;
}
