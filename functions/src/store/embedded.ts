import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { connect, createConnection, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

/**
 * The embedded DynamoDB-compatible store (dynalite) for local mode and tests: persisted in a
 * LevelDB folder, or in memory when no folder is given.
 *
 * dynalite accepts any credentials, so it is reachable only by the app that started it: it
 * listens on a Unix socket (0600, in a 0700 folder: no port other users can reach) and answers
 * only requests carrying a key made at start, which never leaves this process.
 */
export interface EmbeddedDynamo {
  client: DynamoDBClient;
  /** Whether the store has TransactWriteItems (StoreCapabilities): dynalite has not. */
  transactions: boolean;
  /** Whether only this process reaches it (StoreCapabilities): not with `openEndpoint`. */
  exclusive: boolean;
  /** Only with `openEndpoint`: the HTTP address any client may use. */
  endpoint?: string;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The LevelDB folder; in memory without it. */
  path?: string;
  /** Where to put the socket (a private temporary folder without it, or when too long for a socket). */
  socket?: string;
  /**
   * Tests only: listen on a 127.0.0.1 port that takes any client, for code that builds its own
   * client from an endpoint (the bundled Lambda functions).
   */
  openEndpoint?: boolean;
}

const KEY_HEADER = 'x-onevisit-store-key';
/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;

function withKey(handler: RequestListener, key: Buffer): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const given = Buffer.from(String(req.headers[KEY_HEADER] ?? ''));
    if (given.length === key.length && timingSafeEqual(given, key)) return handler(req, res);
    res.writeHead(403, { 'content-type': 'application/x-amz-json-1.0', connection: 'close' });
    res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#AccessDeniedException', message: '存储只接受本应用的请求 / the store answers only the app that started it' }));
  };
}

/** A socket left by a server that died is removed; one still answering belongs to a running server. */
async function claimSocket(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const alive = await new Promise<boolean>((resolve) => {
    const probe = connect(path, () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (alive) throw new Error(`数据目录正被另一个 OneVisit 使用 / another OneVisit is using this data folder (${path})`);
  rmSync(path, { force: true });
}

function listen(server: Server, ...args: unknown[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    (server.listen as (...a: unknown[]) => void)(...args, () => resolve());
  });
}

export async function startEmbeddedDynamo(options: EmbeddedOptions = {}): Promise<EmbeddedDynamo> {
  const server = dynalite({ ...(options.path ? { path: options.path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  // Its one client keeps connections open between requests: a server closing an idle one (after
  // Node's 5 s) races the client reusing it, and under load that request fails with ECONNRESET.
  (server as Server & { keepAliveTimeout: number }).keepAliveTimeout = 0;
  const common = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 };

  if (options.openEndpoint) {
    await listen(server, 0, '127.0.0.1');
    const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const client = new DynamoDBClient({ ...common, endpoint });
    return { client, endpoint, transactions: false, exclusive: false, close: () => closeAll(client, server) };
  }

  const key = randomBytes(32).toString('hex');
  const [handler] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', withKey(handler!, Buffer.from(key)));

  const privateDir = !options.socket || options.socket.length > MAX_SOCKET_PATH ? mkdtempSync(join(tmpdir(), 'onevisit-store-')) : undefined;
  const socket = privateDir ? join(privateDir, 'store.sock') : options.socket!;
  await claimSocket(socket);
  // Its only client is this process's pool: an idle connection closed by the server while the
  // event loop is busy (5 s by default) is taken for a live one and the request fails ECONNRESET.
  server.keepAliveTimeout = 0;
  await listen(server, socket);
  chmodSync(socket, 0o600);

  // Every connection goes to the socket, whatever host the endpoint names.
  const agent = new Agent({ keepAlive: true });
  agent.createConnection = () => createConnection(socket);
  const client = new DynamoDBClient({ ...common, endpoint: 'http://localhost', requestHandler: { httpAgent: agent } });
  client.middlewareStack.add(
    (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers[KEY_HEADER] = key;
      return next(args);
    },
    { step: 'build', name: 'onevisitStoreKey' },
  );
  return {
    client,
    transactions: false,
    exclusive: true,
    close: async () => {
      await closeAll(client, server);
      agent.destroy();
      rmSync(privateDir ?? socket, { recursive: true, force: true });
    },
  };
}

function closeAll(client: DynamoDBClient, server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    client.destroy();
    server.close(() => resolve());
  });
}
