import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, utimesSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../api/local-server';

/**
 * `npm start` as someone else on the machine or the network would find it: no demo sign-in
 * unless on loopback, a store only the app can use, a private data folder, and uploads no
 * application took deleted after their days, as S3 deletes them.
 */

const DEV_ROUTES = [
  ['GET', '/api/dev/users'],
  ['POST', '/api/dev/sign-in'],
  ['POST', '/api/dev/sweep'],
] as const;

const mode = (path: string) => statSync(path).mode & 0o777;

describe('npm start -- --no-demo', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer({ memory: true, args: ['--no-demo'] });
  });
  afterAll(() => server?.stop());

  it('offers no demo sign-in and no dev routes, and serves the rest', async () => {
    for (const [method, path] of DEV_ROUTES) {
      const response = await fetch(`${server.base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify({ jurisdiction: '990100', userId: 'city-admin' }) : undefined });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(server.output()).not.toContain('demo sign-ins');
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.base}/admin/`)).status).toBe(200);
    expect((await fetch(`${server.base}/apply/990100/real-estate-transfer`)).status).toBe(200);
  });
});

describe('bound beyond loopback', () => {
  it('will not start with the demo, asked for or by default, and says why in both languages', async () => {
    await expect(startLocalServer({ memory: true, args: ['--demo'], env: { HOST: '0.0.0.0' } })).rejects.toThrow(/exited with 2[\s\S]*拒绝启动[\s\S]*Refusing to start: the demo sign-in/);
    await expect(startLocalServer({ memory: true, env: { HOST: '0.0.0.0' } })).rejects.toThrow(/exited with 2[\s\S]*--no-demo[\s\S]*start with --no-demo/);
  });

  it('starts with --no-demo, without the dev routes', async () => {
    const server = await startLocalServer({ memory: true, args: ['--no-demo'], env: { HOST: '0.0.0.0' } });
    try {
      expect((await fetch(`${server.base}/api/dev/users`)).status).toBe(404);
      expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

/** A DynamoDB request over the store's socket, signed with made-up credentials as any client could. */
function askStore(socketPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        method: 'POST',
        path: '/',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          'x-amz-date': '20260101T000000Z',
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/** The TCP ports a process listens on (Linux: its socket inodes among the listening sockets). */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? []].flat();
      } catch {
        return [];
      }
    }),
  );
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .filter(existsSync)
    .flatMap((table) => readFileSync(table, 'utf8').trim().split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === '0A' && inodes.has(cols[9]!))
    .map((cols) => parseInt(cols[1]!.split(':')[1]!, 16));
}

describe('the data folder and the store', () => {
  let server: LocalServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'onevisit-security-')), 'data');
    server = await startLocalServer({ dataDir });
  });
  afterAll(() => server?.stop());

  it('is private to the server’s user: folders 0700, files 0600', async () => {
    const form = new FormData();
    form.set('materialId', 'application');
    form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'scan.pdf'));
    const uploaded = await fetch(`${server.base}/api/items/990100/real-estate-transfer/uploads`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const { key } = (await uploaded.json()) as { key: string };

    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'secret'))).toBe(0o600);
    expect(mode(join(dataDir, 'db'))).toBe(0o700);
    for (const name of readdirSync(join(dataDir, 'db'))) expect(mode(join(dataDir, 'db', name)) & 0o077, name).toBe(0);
    expect(mode(join(dataDir, 'files', key))).toBe(0o600);
    expect(mode(join(dataDir, 'files', key, '..'))).toBe(0o700);
  });

  it('has the store on a private socket, not a port, refusing any client but the app', async () => {
    if (existsSync('/proc/net/tcp')) expect(listeningPorts(server.pid)).toEqual([Number(new URL(server.base).port)]);
    const socket = join(dataDir, 'store.sock');
    expect(statSync(socket).isSocket()).toBe(true);
    expect(mode(socket)).toBe(0o600);
    const answer = await askStore(socket);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('AccessDeniedException');
    expect(answer.body).not.toContain('TableNames');
  });
});

describe('uploads no application took', () => {
  it('are deleted once older than their days, while filed ones and fresh ones stay', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onevisit-staged-'));
    const ITEM = '/api/items/990100/water-connection';
    let server = await startLocalServer({ dataDir });
    const upload = async () => {
      const form = new FormData();
      form.set('materialId', 'application');
      form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'application.pdf'));
      const response = await fetch(`${server.base}${ITEM}/uploads`, { method: 'POST', body: form });
      expect(response.status).toBe(201);
      return ((await response.json()) as { key: string }).key;
    };
    const apply = (key: string) =>
      fetch(`${server.base}${ITEM}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: { customerType: 'resident', name: '张建国', address: '示范市东城区和平路 8 号', diameter: 'DN15', mobile: '13800138000' }, materials: { application: [key] } }),
      });
    try {
      const [filed, abandoned, fresh] = [await upload(), await upload(), await upload()];
      const received = await apply(filed);
      expect(received.status).toBe(201);
      expect(await server.stop()).toBe(0);

      const fourDaysAgo = new Date(Date.now() - 4 * 24 * 3600 * 1000);
      for (const key of [filed, abandoned]) utimesSync(join(dataDir, 'files', key), fourDaysAgo, fourDaysAgo);
      server = await startLocalServer({ dataDir });

      // The applicant who comes back after the days finds the upload gone and is asked for it again.
      const late = await apply(abandoned);
      expect(late.status).toBe(422);
      expect(JSON.stringify(await late.json())).toContain(abandoned);
      expect((await apply(fresh)).status).toBe(201);
      expect(existsSync(join(dataDir, 'files', filed))).toBe(true);
      expect(existsSync(join(dataDir, 'files', abandoned))).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
