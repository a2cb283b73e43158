import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { sheetNames, type ImportProblem, type ImportRow } from '../src/exchange';
import { UsageError } from './usage-error';

/**
 * onevisit import FILE [--materials FILE] [--write]   the items of a spreadsheet in the national layout, as drafts
 * onevisit export [--format xlsx|csv|json] [--items a,b] [--out FILE]
 *
 * Both talk to a running OneVisit (npm start) through its API, as the editor does: the server
 * holds the store (the local one locks its data folder) and knows the jurisdiction's items and
 * departments. The token is ONEVISIT_TOKEN, else the local demo sign-in's for the jurisdiction's
 * administrator (--user to pick another). An import is a dry run unless --write is given.
 */

const common = {
  url: { type: 'string' },
  jurisdiction: { type: 'string', default: '990100' },
  user: { type: 'string' },
} as const;

interface Server {
  url: string;
  jurisdiction: string;
  token: string;
}

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new UsageError(`no OneVisit server answers at ${new URL(url).origin}: start it with npm start (or give --url)`);
  }
}

async function failure(response: Response): Promise<UsageError> {
  const body = (await response.json().catch(() => undefined)) as { message?: string; message_en?: string } | undefined;
  return new UsageError(body?.message ? `${body.message} (${body.message_en})` : `the server answered ${response.status}`);
}

async function signIn(values: { url?: string; jurisdiction: string; user?: string }): Promise<Server> {
  const url = (values.url ?? process.env.ONEVISIT_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
  if (!/^\d{6}$/.test(values.jurisdiction)) throw new UsageError(`--jurisdiction must be a 6-digit area code, not ${values.jurisdiction}`);
  if (process.env.ONEVISIT_TOKEN) return { url, jurisdiction: values.jurisdiction, token: process.env.ONEVISIT_TOKEN };
  const users = await call(`${url}/api/dev/users`);
  if (!users.ok) throw new UsageError(`the server at ${url} has no demo sign-in: set ONEVISIT_TOKEN to an administrator's token`);
  const list = (await users.json()) as Array<{ id: string; role: string; jurisdiction: string }>;
  const user = list.find((u) => u.jurisdiction === values.jurisdiction && (values.user ? u.id === values.user : u.role === 'jurisdictionAdmin'));
  if (!user) throw new UsageError(values.user ? `no user ${values.user} in ${values.jurisdiction}` : `no administrator of ${values.jurisdiction} to sign in as`);
  const response = await call(`${url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: values.jurisdiction, userId: user.id }) });
  if (!response.ok) throw await failure(response);
  return { url, jurisdiction: values.jurisdiction, token: ((await response.json()) as { token: string }).token };
}

function readFile(path: string): File {
  if (!existsSync(path)) throw new UsageError(`cannot read ${path}`);
  return new File([readFileSync(path)], basename(path));
}

const actionWords: Record<ImportRow['action'], string> = {
  create: '新建 create',
  update: '更新 update',
  unchanged: '无变化 unchanged',
  skip: '跳过 skipped',
  failed: '未保存 not saved',
};

const where = (p: ImportProblem) => `${sheetNames[p.sheet][0]} 第 ${p.row} 行 (${sheetNames[p.sheet][1]} row ${p.row})`;

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...common, materials: { type: 'string' }, write: { type: 'boolean', default: false } } });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new UsageError('import needs exactly one FILE (.xlsx, .csv or .json)');
  const form = new FormData();
  form.set('file', readFile(path));
  if (values.materials) form.set('materials', readFile(values.materials));
  const server = await signIn(values);
  const response = await call(`${server.url}/api/admin/${server.jurisdiction}/imports?dryRun=${!values.write}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: form });
  if (!response.ok) throw await failure(response);
  const report = (await response.json()) as { counts: Record<'rows' | ImportRow['action'], number>; rows: ImportRow[]; problems: ImportProblem[]; notes: Array<{ message: string; message_en: string }> };
  for (const note of report.notes) console.log(`注意 note: ${note.message} (${note.message_en})`);
  for (const row of report.rows) {
    console.log(`第 ${row.row} 行\t${actionWords[row.action]}\t${row.itemId ?? '-'}\t${row.name}${row.changed.length > 0 ? `\t(${row.changed.map((c) => c.column).join('、')})` : ''}`);
    for (const note of row.notes) console.log(`  注意 ${note.message} (${note.message_en})`);
    for (const p of row.problems) console.log(`  ${where(p)}: ${p.message} (${p.message_en})`);
  }
  for (const p of report.problems) console.log(`${where(p)}: ${p.message} (${p.message_en})`);
  const c = report.counts;
  const summary = `${c.rows} 行 rows: ${c.create} 新建 create, ${c.update} 更新 update, ${c.unchanged} 无变化 unchanged, ${c.skip} 有问题 with problems, ${c.failed} 未保存 not saved`;
  console.log(values.write ? `已导入为草稿 imported as drafts: ${summary}` : `预览，未写入 dry run, nothing written: ${summary}\n加 --write 导入没有问题的行 / add --write to import the rows without problems`);
  return c.skip + c.failed + report.problems.length > 0 ? 1 : 0;
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...common, format: { type: 'string', default: 'xlsx' }, items: { type: 'string' }, out: { type: 'string' } } });
  if (!['xlsx', 'csv', 'json'].includes(values.format)) throw new UsageError(`--format must be xlsx, csv or json, not ${values.format}`);
  const server = await signIn(values);
  const sheets = values.format === 'csv' ? (['items', 'materials'] as const) : ([undefined] as const);
  const out = values.out ?? `事项清单-${server.jurisdiction}.${values.format}`;
  for (const sheet of sheets) {
    const query = new URLSearchParams({ format: values.format, ...(sheet ? { sheet } : {}), ...(values.items ? { items: values.items } : {}) });
    const response = await call(`${server.url}/api/admin/${server.jurisdiction}/exports?${query}`, { headers: { authorization: `Bearer ${server.token}` } });
    if (!response.ok) throw await failure(response);
    const file = sheet === 'materials' ? out.replace(/(\.csv)?$/i, '-申请材料.csv') : out;
    writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
    console.log(file);
  }
  return 0;
}
