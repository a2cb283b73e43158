import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PDF } from '../../functions/test/files';

/** OneVisit as `npm start` runs it, on a free port, for tests that use it over HTTP as anyone would. */
export interface LocalServer {
  base: string;
  pid: number;
  output: () => string;
  stop: () => Promise<number | null>;
  /** Its exit code, once it has ended on its own (a fault it was started with, say). */
  exited: Promise<number | null>;
}

const root = join(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `args` are npm start's flags (e.g. --no-demo), `env` adds to the environment (e.g. HOST). */
export async function startLocalServer(options: { memory?: boolean; dataDir?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<LocalServer> {
  const port = await freePort();
  const args = ['--import', 'tsx', join(root, 'functions/src/local.ts'), ...(options.memory ? ['--memory'] : []), ...(options.args ?? [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), ...(options.dataDir ? { ONEVISIT_DATA: options.dataDir } : {}), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
    exited,
  };
}

/** Uploads a small PDF to a material of an item (`item`: its API path), as the apply page does; its key. */
export async function uploadPdf(server: LocalServer, item: string, materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  const response = await fetch(`${server.base}${item}/uploads`, { method: 'POST', body: form });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
  return ((await response.json()) as { key: string }).key;
}
