import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DeadlineError,
  ZCalendarOverlay,
  dueDate,
  itemDefinitionJsonSchema,
  materialsFor,
  nationalCalendar,
  runPublishChecks,
  type MaterialsByStatus,
} from '../src';
import { exportCommand, importCommand } from './exchange';
import { schemaOutline } from './schema-outline';
import { UsageError } from './usage-error';

/**
 * onevisit validate FILE...                       publish-time checks of item files
 * onevisit deadline --from D --days N [--unit workday|natural] [--calendar FILE]
 * onevisit materials FILE --answers JSON|@FILE    materials by status for those answers
 * onevisit schema [--json]                        the item's elements and code lists (--json: the model as JSON Schema, draft-07)
 * onevisit import FILE [--write] …                 a spreadsheet in the national layout into drafts, through a running server (exchange.ts)
 * onevisit export [--format xlsx|csv|json] …       the catalogue in the national layout, from a running server
 *
 * Exit codes: 0 fine, 1 problems found (validate, import), 2 bad input.
 */

const USAGE = `usage:
  onevisit validate FILE...
  onevisit deadline --from YYYY-MM-DD --days N [--unit workday|natural] [--calendar FILE]
  onevisit materials FILE --answers JSON|@FILE
  onevisit schema [--json]
  onevisit import FILE [--materials FILE] [--write] [--jurisdiction 990100] [--url URL] [--user ID]
  onevisit export [--format xlsx|csv|json] [--items ID,ID] [--out FILE] [--jurisdiction 990100] [--url URL] [--user ID]`;

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${what} ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function validate(files: string[]): number {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  let problems = 0;
  for (const file of files) {
    const { issues } = runPublishChecks(readJson(file, 'item file'));
    if (issues.length === 0) console.log(`${file}: ok`);
    for (const issue of issues) console.log(`${file}: ${issue.path || '/'} ${issue.code} ${issue.message} (${issue.message_en})`);
    problems += issues.length;
  }
  return problems > 0 ? 1 : 0;
}

/** `--days -3` would read as two flags; joined as `--days=-3` it reaches the range check instead. */
function joinNegativeValues(args: string[]): string[] {
  return args.flatMap((arg, i) => (/^-\d/.test(arg) && args[i - 1]?.startsWith('--') ? [] : /^--\w+$/.test(arg) && /^-\d/.test(args[i + 1] ?? '') ? [`${arg}=${args[i + 1]}`] : [arg]));
}

function deadline(args: string[]): number {
  const { values } = parseArgs({
    args: joinNegativeValues(args),
    options: { from: { type: 'string' }, days: { type: 'string' }, unit: { type: 'string', default: 'workday' }, calendar: { type: 'string' } },
  });
  if (!values.from) throw new UsageError('deadline needs --from YYYY-MM-DD');
  if (!values.days || !/^\d+$/.test(values.days)) throw new UsageError(`--days must be a whole number of days ≥ 0, not ${values.days ?? 'nothing'}`);
  if (values.unit !== 'workday' && values.unit !== 'natural') throw new UsageError(`--unit must be workday or natural, not ${values.unit}`);
  let calendar = nationalCalendar();
  if (values.calendar) {
    const overlay = ZCalendarOverlay.safeParse(readJson(values.calendar, 'calendar file'));
    if (!overlay.success) throw new UsageError(`calendar file ${values.calendar}: ${overlay.error.issues[0]?.message}`);
    calendar = calendar.overlay(overlay.data, values.calendar);
  }
  try {
    const result = dueDate(calendar, { from: values.from, limit: { value: Number(values.days), unit: values.unit } });
    console.log(result.due);
    if (result.provisional) console.log('provisional');
  } catch (error) {
    if (error instanceof DeadlineError || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  return 0;
}

const headings: Record<keyof MaterialsByStatus, string> = {
  required: '必须提交 required',
  deferrable: '可容缺后补 may be supplied later',
  optional: '选择提交 optional',
  shared: '共享免交 obtained by sharing, not asked',
  notApplicable: '本情形不需要 not applicable',
};

function materials(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { answers: { type: 'string' } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('materials needs exactly one FILE');
  if (!values.answers) throw new UsageError('materials needs --answers JSON (or @FILE)');
  let answers: unknown;
  if (values.answers.startsWith('@')) answers = readJson(values.answers.slice(1), 'answers file');
  else {
    try {
      answers = JSON.parse(values.answers);
    } catch (error) {
      throw new UsageError(`--answers is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new UsageError('--answers must be a JSON object');
  const { item, issues } = runPublishChecks(readJson(file, 'item file'));
  if (!item) throw new UsageError(`${file} is not a valid item: ${issues[0]?.path} ${issues[0]?.message_en}`);
  const byStatus = materialsFor(item, answers as Record<string, unknown>);
  for (const status of Object.keys(headings) as Array<keyof MaterialsByStatus>) {
    if (byStatus[status].length === 0) continue;
    console.log(`${headings[status]}:`);
    for (const m of byStatus[status]) console.log(`  ${m.id}\t${m.name}${m.shared ? `\t(${m.shared.provider})` : ''}`);
  }
  return 0;
}

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validate(rest);
    case 'deadline':
      return deadline(rest);
    case 'materials':
      return materials(rest);
    case 'schema':
      if (rest.length > 1 || (rest[0] && rest[0] !== '--json')) throw new UsageError('schema takes only --json');
      console.log(rest[0] ? JSON.stringify(itemDefinitionJsonSchema(), null, 2) : schemaOutline());
      return 0;
    case 'import':
      return importCommand(rest);
    case 'export':
      return exportCommand(rest);
    default:
      throw new UsageError(command ? `unknown command ${command} (commands: validate, deadline, materials, schema, import, export)` : USAGE);
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Bad input gets one line, never a stack trace.
  const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = error instanceof UsageError ? error.message : (error as Error).message.split('\n')[0];
  console.error(`onevisit: ${known ? message : `internal error: ${message}`}`);
  process.exitCode = 2;
}
