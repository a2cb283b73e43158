import { parseArgs } from 'node:util';

/**
 * How `npm start` runs, from its flags and environment, decided before anything else loads.
 * The demo sign-in hands out administrators' tokens without a password, so it is offered only
 * while the server is reachable from this machine alone.
 */
export interface LocalMode {
  memory: boolean;
  /** The demo sign-in picker and the dev routes (/api/dev/*). */
  demo: boolean;
  host: string;
  port: number;
}

/** A start that must not happen, with what to do instead (Chinese, then English). */
export class LocalModeRefused extends Error {}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

export function localMode(args: string[], env: NodeJS.ProcessEnv): LocalMode {
  let values: { memory?: boolean; demo?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { memory: { type: 'boolean' }, demo: { type: 'boolean' } }, allowNegative: true }));
  } catch (error) {
    throw new LocalModeRefused(`参数有误 / bad arguments: ${(error as Error).message}\n  可用 / accepted: --memory --demo --no-demo`);
  }
  const host = env.HOST || '127.0.0.1';
  const port = Number(env.PORT ?? 3000);
  const loopback = isLoopback(host);
  if (!loopback && values.demo === true) {
    throw new LocalModeRefused(
      [
        `拒绝启动：演示登录(无需密码即可取得管理员令牌)和开发接口只在本机地址上提供，而 HOST=${host} 让其他机器也能访问本服务。`,
        '  请去掉 HOST 只在本机使用，或改用 --no-demo 启动(不提供演示登录)。',
        `Refusing to start: the demo sign-in (administrators' tokens without a password) and the dev routes are offered on loopback only, and HOST=${host} lets other machines reach the server.`,
        '  Unset HOST to use it on this machine only, or start with --no-demo (no demo sign-in).',
      ].join('\n'),
    );
  }
  if (!loopback && values.demo === undefined) {
    throw new LocalModeRefused(
      [
        `拒绝启动：HOST=${host} 让其他机器也能访问本服务，而演示登录默认开启。`,
        '  对外提供服务请加 --no-demo(npm start -- --no-demo)：不提供演示登录和开发接口；或去掉 HOST 只在本机使用。',
        `Refusing to start: HOST=${host} lets other machines reach the server, and the demo sign-in is on by default.`,
        '  To serve other machines, start with --no-demo (npm start -- --no-demo): no demo sign-in, no dev routes; or unset HOST to use it on this machine only.',
      ].join('\n'),
    );
  }
  return { memory: values.memory ?? false, demo: values.demo ?? loopback, host, port };
}
