import type { Context } from 'hono';
import { bodyChunks } from './body-chunks';
import { malformedRequest, payloadTooLarge, tooManyFields, type ApiError } from './errors';
import { MalformedForm, MultipartParser, multipartBoundary } from './multipart';

/**
 * Form posts on the anonymous routes, read as they stream and refused at the first byte past a
 * bound (issue 15): the body's size, its fields, and the bytes of its fields that are not files.
 * A 50,000-field post is refused after its 2,001st field, not parsed whole; a 5 MB field is
 * refused by its stated length before a byte is read; an upload is parsed chunk by chunk
 * (multipart.ts), so no request holds the event loop for as long as its body takes to scan.
 */

export interface FormBounds {
  /** The whole body. */
  bytes: number;
  /** Fields, files included. */
  fields: number;
  /** The fields that are not files: all of a urlencoded body. */
  textBytes: number;
  /** Each file, and the refusal of a file larger, named by its field. */
  file?: { bytes: number; tooLarge: (field: string) => ApiError };
}

type FormType = 'multipart' | 'urlencoded';

export function formType(c: Context): FormType | undefined {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'multipart/form-data' ? 'multipart' : type === 'application/x-www-form-urlencoded' ? 'urlencoded' : undefined;
}

/** What reads a form as it streams: the multipart parser, or this for a urlencoded body. */
interface FormSink {
  write(chunk: Uint8Array<ArrayBuffer>): void;
  readonly fields: number;
  readonly textBytes: number;
  readonly oversized?: string | undefined;
  end(): FormData;
}

class UrlencodedSink implements FormSink {
  private readonly chunks: Buffer[] = [];
  textBytes = 0;
  private separators = 0;

  get fields(): number {
    return this.separators + 1;
  }

  write(chunk: Uint8Array<ArrayBuffer>): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.chunks.push(bytes);
    this.textBytes += bytes.length;
    for (let at = bytes.indexOf(0x26); at !== -1; at = bytes.indexOf(0x26, at + 1)) this.separators++; // '&'
  }

  /** Parsed as Request.formData() parses it, once its fields are known to be few. */
  end(): FormData {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(Buffer.concat(this.chunks).toString('utf8'))) form.append(name, value);
    return form;
  }
}

/** Where hono's parseBody and form validator look before reading the body themselves. */
function cacheForm(c: Context, form: Promise<FormData>): void {
  form.catch(() => undefined); // read (and refused) by the route, not here
  (c.req.bodyCache as { formData?: Promise<FormData> }).formData = form;
}

/**
 * Reads the form post within its bounds: the refusal when it passes one (the rest is left
 * unread), or nothing, with the parsed form (or why it cannot be parsed, which the route
 * answers in its own words) where the route's parseBody finds it. Not a form post: nothing.
 */
export async function readForm(c: Context, bounds: FormBounds): Promise<ApiError | undefined> {
  const type = formType(c);
  if (!type) return undefined;
  // A urlencoded body carries no files: all of it is words.
  const limit = type === 'urlencoded' ? Math.min(bounds.bytes, bounds.textBytes) : bounds.bytes;
  if (Number(c.req.header('content-length')) > limit) return payloadTooLarge();
  // Already read (the rate limits read a lookup form of a few bytes for its number).
  if (Object.keys(c.req.bodyCache).length > 0) return undefined;
  const chunks = bodyChunks(c);
  if (!chunks) return undefined;
  const boundary = type === 'multipart' ? multipartBoundary(c.req.header('content-type')!) : undefined;
  if (type === 'multipart' && !boundary) {
    cacheForm(c, Promise.reject(malformedRequest('no boundary')));
    return undefined;
  }
  const sink: FormSink = boundary ? new MultipartParser(boundary, bounds.file?.bytes) : new UrlencodedSink();
  let bytes = 0;
  try {
    for await (const value of chunks) {
      bytes += value.byteLength;
      if (bytes > limit) return payloadTooLarge();
      sink.write(value);
      if (sink.fields > bounds.fields) return tooManyFields(bounds.fields);
      if (sink.textBytes > bounds.textBytes) return payloadTooLarge();
      if (sink.oversized !== undefined) return bounds.file!.tooLarge(sink.oversized);
    }
    cacheForm(c, Promise.resolve(sink.end()));
  } catch (error) {
    cacheForm(c, Promise.reject(error instanceof MalformedForm ? malformedRequest(error.message) : error));
  }
  return undefined;
}
