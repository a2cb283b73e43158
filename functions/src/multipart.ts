/**
 * multipart/form-data parsed as it streams (RFC 7578), chunk by chunk, into the FormData the
 * routes read. Parsing the whole body at once (what Request.formData() does) blocks the event
 * loop for as long as the largest upload takes to scan; chunk by chunk, each step is short and
 * every other request goes on between them. Parts are taken as browsers and undici send and
 * read them: a part with a filename is a File (its type `text/plain` when unstated), any other
 * part is text in UTF-8.
 */

export class MalformedForm extends Error {}

const CR = 0x0d;
const HEADERS_END = Buffer.from('\r\n\r\n');
/** A part's headers are a line or two: more than this is not a form. */
const MAX_HEADER_BYTES = 16 * 1024;
const EMPTY: Buffer<ArrayBuffer> = Buffer.alloc(0);
/** A file is copied into blobs of about this size as it arrives: each copy short, and few blobs to read back. */
const BLOB_BYTES = 1024 * 1024;

/** The boundary a multipart Content-Type names, if any. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

interface Part {
  name: string;
  filename?: string;
  type: string;
  /** A file's bytes so far, in blobs: the file is made of them without copying it whole at once. */
  blobs: Blob[];
  /** A field's bytes, or a file's not yet in a blob, and how many. */
  bytes: Buffer<ArrayBuffer>[];
  held: number;
  /** The part's bytes so far. */
  size: number;
}

/** A quoted parameter as the HTML standard writes it: `"` and line breaks percent-encoded, no backslashes. */
const unquote = (value: string) => value.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');

function partHeaders(block: string): Part {
  let disposition: string | undefined;
  let type: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MalformedForm('a part header without a name');
    const header = line.slice(0, colon).trim().toLowerCase();
    if (header === 'content-disposition') disposition = line.slice(colon + 1).trim();
    else if (header === 'content-type') type = line.slice(colon + 1).trim();
  }
  if (!disposition || !/^form-data\s*;/i.test(disposition)) throw new MalformedForm('a part that is not form data');
  const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new MalformedForm('a part without a name');
  const extended = /;\s*filename\*\s*=\s*utf-8''([^;\s]*)/i.exec(disposition)?.[1];
  const plain = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  let filename: string | undefined;
  try {
    filename = extended !== undefined ? decodeURIComponent(extended) : plain !== undefined ? unquote(plain) : undefined;
  } catch {
    throw new MalformedForm('a file name that cannot be decoded');
  }
  const fileType = type === undefined ? 'text/plain' : /^[ -~]*$/.test(type) ? type : '';
  return { name: unquote(name), ...(filename === undefined ? {} : { filename }), type: fileType, blobs: [], bytes: [], held: 0, size: 0 };
}

export class MultipartParser {
  readonly form = new FormData();
  /** Fields (parts) begun so far, counted as they start. */
  fields = 0;
  /** Bytes of the parts that are not files (field values). */
  textBytes = 0;
  /** The field of the first file larger than maxFileBytes: the rest of it is not kept. */
  oversized: string | undefined;
  private readonly delimiter: Buffer;
  private state: 'preamble' | 'boundary' | 'headers' | 'body' | 'done' = 'preamble';
  /** Bytes held back until the next chunk says whether they start a delimiter. The body is read as if after a line break, so its first delimiter is like the others. */
  private pending: Buffer<ArrayBuffer> = Buffer.from('\r\n');
  private part: Part | undefined;

  constructor(
    boundary: string,
    private readonly maxFileBytes = Infinity,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  write(chunk: Uint8Array<ArrayBuffer>): void {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pending.length > 0) data = Buffer.concat([this.pending, data]);
    this.pending = EMPTY;
    while (data.length > 0 && this.state !== 'done') {
      if (this.state === 'preamble' || this.state === 'body') {
        const at = data.indexOf(this.delimiter);
        if (at === -1) {
          // Only a carriage return near the end can begin a delimiter the next chunk completes.
          const cr = data.indexOf(CR, Math.max(0, data.length - this.delimiter.length + 1));
          const keep = cr === -1 ? 0 : data.length - cr;
          this.take(data.subarray(0, data.length - keep));
          this.pending = Buffer.from(data.subarray(data.length - keep));
          return;
        }
        this.take(data.subarray(0, at));
        this.finishPart();
        data = data.subarray(at + this.delimiter.length);
        this.state = 'boundary';
      } else if (this.state === 'boundary') {
        if (data.length < 2) break;
        const next = data.toString('latin1', 0, 2);
        if (next === '--') this.state = 'done';
        else if (next !== '\r\n') throw new MalformedForm('a boundary followed by neither a line break nor the end');
        else {
          this.fields++;
          this.state = 'headers';
        }
        data = data.subarray(2);
      } else {
        const end = data.indexOf(HEADERS_END);
        if (end === -1) {
          if (data.length > MAX_HEADER_BYTES) throw new MalformedForm('part headers too long');
          break;
        }
        this.part = partHeaders(data.toString('utf8', 0, end));
        data = data.subarray(end + HEADERS_END.length);
        this.state = 'body';
      }
    }
    if (this.state !== 'done') this.pending = Buffer.from(data);
  }

  /** The form, once the body has ended; a body cut short of its closing boundary is malformed. */
  end(): FormData {
    if (this.state !== 'done') throw new MalformedForm('the body ends before its closing boundary');
    return this.form;
  }

  private take(bytes: Buffer<ArrayBuffer>): void {
    if (this.state !== 'body' || bytes.length === 0) return;
    const part = this.part!;
    part.size += bytes.length;
    if (part.filename !== undefined && part.size > this.maxFileBytes) {
      this.oversized ??= part.name;
      part.bytes = [];
      part.blobs = [];
      return;
    }
    part.bytes.push(bytes);
    part.held += bytes.length;
    if (part.filename === undefined) this.textBytes += bytes.length;
    else if (part.held >= BLOB_BYTES) this.toBlob(part);
  }

  private toBlob(part: Part): void {
    part.blobs.push(new Blob(part.bytes));
    part.bytes = [];
    part.held = 0;
  }

  private finishPart(): void {
    const part = this.part;
    this.part = undefined;
    if (!part) return;
    if (part.filename === undefined) this.form.append(part.name, new TextDecoder().decode(Buffer.concat(part.bytes)));
    else {
      this.toBlob(part);
      this.form.append(part.name, new File(part.blobs, part.filename, { type: part.type }));
    }
  }
}
