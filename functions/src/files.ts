import { mkdir, readFile, stat, writeFile, open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Where uploaded materials live: outside the web root, served only through the API to those
 * entitled. Locally a folder (`.data/files`); in AWS an S3 bucket behind the same interface.
 */
export interface FileStore {
  write(key: string, bytes: Uint8Array): Promise<void>;
  /** Size in bytes, or undefined when there is no such file. */
  size(key: string): Promise<number | undefined>;
  /** The first `length` bytes, enough to recognise the type from the content. */
  readStart(key: string, length: number): Promise<Uint8Array>;
  read(key: string): Promise<Uint8Array | undefined>;
  /**
   * Where a browser sends a file itself, bypassing the API (large files in AWS: a presigned
   * S3 POST limited to this key and size). Stores without it take uploads through the API.
   */
  presignUpload?(key: string, maxBytes: number): Promise<{ url: string; fields: Record<string, string> }>;
  /**
   * An upload now belongs to a case. Until then it is staged, and a store may let staged files
   * expire (S3 does, after a few days: abandoned uploads go away, filed ones stay).
   */
  markFiled?(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,300}$/;

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file key ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root))) throw new Error(`unsafe file key ${key}`);
    return path;
  }

  async write(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await stat(this.path(key))).size;
    } catch {
      return undefined;
    }
  }

  async readStart(key: string, length: number): Promise<Uint8Array> {
    const handle = await open(this.path(key), 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.path(key)));
    } catch {
      return undefined;
    }
  }
}

export function localFileStore(dataDir: string): LocalFileStore {
  return new LocalFileStore(join(dataDir, 'files'));
}
