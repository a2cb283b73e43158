import { Readable } from 'node:stream';
import type { Context } from 'hono';

/**
 * A request body's chunks as they arrive, for the readers that bound it as it streams
 * (form-bodies.ts, json-bodies.ts). On Node's server, from its request stream itself: the web
 * stream the request otherwise offers copies every chunk on the way (Readable.toWeb), which for
 * an upload is its whole size again in short-lived buffers for the collector. Stopping early
 * leaves the rest unread, never destroys the connection the refusal is answered on.
 */
export function bodyChunks(c: Context): AsyncIterable<Uint8Array<ArrayBuffer>> | undefined {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (incoming instanceof Readable) return incoming.iterator({ destroyOnReturn: false });
  const body = c.req.raw.body;
  if (!body) return undefined;
  const reader = body.getReader();
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
}
