import { mkdir, readdir, readFile, rm, stat, writeFile, open } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

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

/**
 * Files in a folder, private to the server's user (folders 0700, files 0600). Every write starts
 * staged, as in S3: an empty marker under `stagedRoot` names it until a case files it, and
 * `expireStaged` deletes staged files older than a given age, as the bucket's lifecycle rule does.
 */
export class LocalFileStore implements FileStore {
  constructor(
    private readonly root: string,
    private readonly stagedRoot = `${resolve(root)}-staged`,
  ) {}

  private path(key: string, root = this.root): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file key ${key}`);
    const path = resolve(root, key);
    if (!path.startsWith(resolve(root))) throw new Error(`unsafe file key ${key}`);
    return path;
  }

  private async writePrivate(path: string, bytes: Uint8Array | string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, bytes, { mode: 0o600 });
  }

  /** The marker first: a crash between the two leaves a marker that expires, never a file that cannot. */
  async write(key: string, bytes: Uint8Array): Promise<void> {
    await this.writePrivate(this.path(key, this.stagedRoot), '');
    await this.writePrivate(this.path(key), bytes);
  }

  async markFiled(key: string): Promise<void> {
    await rm(this.path(key, this.stagedRoot), { force: true });
  }

  /** Deletes the staged files written more than `ageMs` ago; returns how many. */
  async expireStaged(ageMs: number, now = Date.now()): Promise<number> {
    const names = await readdir(this.stagedRoot, { recursive: true }).catch(() => [] as string[]);
    let expired = 0;
    for (const name of names) {
      const key = name.split(sep).join('/');
      if (!SAFE_KEY.test(key)) continue;
      const marker = this.path(key, this.stagedRoot);
      const file = this.path(key);
      const written = await stat(file).catch(() => undefined);
      // A marker without its file: a write cut short, or one still under way.
      const since = written ?? (await stat(marker).catch(() => undefined));
      if (!since || since.isDirectory() || now - since.mtimeMs < ageMs) continue;
      if (written) {
        await rm(file, { force: true });
        expired++;
      }
      await rm(marker, { force: true });
    }
    return expired;
  }

  async size(key: string): Promise<number | undefined> {
    try {
      // A key naming a folder is no file, like a key naming nothing.
      const found = await stat(this.path(key));
      return found.isFile() ? found.size : undefined;
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
  return new LocalFileStore(join(dataDir, 'files'), join(dataDir, 'staged'));
}
