import { z } from '@hono/zod-openapi';
import { LayoutError, startPlan, ZBilingual, ZImportProblem, ZImportRow, type ImportContext, type PlannedRow } from '@onevisit/item-schemas/exchange';
import type { Principal } from './auth';
import { listDepartments } from './departments';
import type { AppDeps } from './deps';
import { ApiError, noSuchItems } from './errors';
import { readImportFile, type ImportFormat } from './imports-files';
import { importNotLayout } from './imports-errors';
import { withEffectiveDefinition } from './clones';
import { createItem, saveDraft } from './items';
import type { Draft, Jurisdiction } from './records';

/**
 * Import and export in the national element layout, for a jurisdiction's administrators: a file
 * is read, planned against the jurisdiction's items and departments (item-schemas' planImport),
 * and, unless it is a dry run, its rows without problems written as drafts through the same
 * functions the editor saves with. Nothing is published: an official checks and publishes.
 */

export const ZImportReport = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(['xlsx', 'csv', 'json']),
    counts: z.object({ rows: z.number().int(), create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), skip: z.number().int(), failed: z.number().int() }),
    rows: z.array(ZImportRow),
    problems: z.array(ZImportProblem),
    notes: z.array(ZBilingual),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ZImportReport>;

const ROWS_BETWEEN_TURNS = 20;

/** Drafts read or written at once: enough to keep the store busy, few enough to leave room for others. */
const CONCURRENCY = 16;

async function eachLimited<T, R>(list: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await fn(list[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
  return results;
}

/** The names departments may start with: each jurisdiction's, and a county's without its city's (东城县 of 示范市东城县). */
function jurisdictionNames(all: readonly Jurisdiction[]): string[] {
  const byId = new Map(all.map((j) => [j.id, j]));
  return all.flatMap((j) => {
    const parent = j.parent ? byId.get(j.parent) : undefined;
    return parent && j.name.startsWith(parent.name) && j.name !== parent.name ? [j.name, j.name.slice(parent.name.length)] : [j.name];
  });
}

/** Items' drafts as the editor has them (a clone's with its upstream applied), read once each: the heads are known already. */
async function draftsOf(deps: AppDeps, jurisdiction: string, itemIds: readonly string[]): Promise<Draft[]> {
  const drafts = await eachLimited(itemIds, async (itemId) => {
    const draft = await deps.store.getDraft(jurisdiction, itemId);
    return draft && withEffectiveDefinition(deps, draft);
  });
  return drafts.filter((d): d is Draft => d !== undefined);
}

/** What a plan needs to know of the jurisdiction: its departments, and its items' drafts as edited. */
async function importContext(deps: AppDeps, jurisdiction: string): Promise<ImportContext> {
  const [heads, departments, jurisdictions, bundles] = await Promise.all([deps.store.listHeads(jurisdiction), listDepartments(deps, jurisdiction), deps.store.listJurisdictions(), deps.store.listBundleHeads(jurisdiction)]);
  const open = heads.filter((h) => h.state !== 'cancelled');
  const drafts = await draftsOf(deps, jurisdiction, open.map((h) => h.itemId));
  return {
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    jurisdictionNames: jurisdictionNames(jurisdictions),
    existing: drafts.map((d) => ({ itemId: d.itemId, revision: d.revision, definition: d.definition })),
    takenIds: new Set([...heads.map((h) => h.itemId), ...bundles.map((b) => b.bundleId)]),
  };
}

/** A planned row written: created or saved over the revision it was planned on; a refusal (a clone's locked element, a draft changed meanwhile) stays on its row. */
async function write(deps: AppDeps, who: Principal, jurisdiction: string, row: PlannedRow): Promise<PlannedRow> {
  try {
    if (row.action === 'create') await createItem(deps, who, jurisdiction, { itemId: row.itemId!, definition: row.definition! });
    else if (row.action === 'update') await saveDraft(deps, who, jurisdiction, row.itemId!, row.baseRevision!, row.definition!);
    return row;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return { ...row, action: 'failed', problems: [{ code: 'NOT_WRITTEN', sheet: 'items', row: row.row, message: `未能保存：${error.message}`, message_en: `not saved: ${error.message_en}` }] };
  }
}

/** How far an import has got: rows planned, then rows written (a dry run only plans). */
export const ZImportProgress = z.object({ phase: z.enum(['plan', 'write']), done: z.number().int(), total: z.number().int() }).openapi('ImportProgress');
export type ImportProgress = z.infer<typeof ZImportProgress>;

/**
 * An import read and checked for its layout, ready to plan and write: whatever refuses the file
 * (unreadable, too large, not the layout) is thrown here, before anything is answered.
 */
export async function openImport(
  deps: AppDeps,
  who: Principal,
  jurisdiction: string,
  files: { file: { bytes: Uint8Array; name: string }; materials?: { bytes: Uint8Array; name: string } },
  dryRun: boolean,
): Promise<{ total: number; run: (progress?: (p: ImportProgress) => Promise<void>) => Promise<ImportReport> }> {
  const { format, sheets } = await readImportFile(files.file, files.materials);
  const context = await importContext(deps, jurisdiction);
  let plan: ReturnType<typeof startPlan>;
  try {
    plan = startPlan(sheets, context);
  } catch (error) {
    if (error instanceof LayoutError) throw importNotLayout(error.message, error.message_en);
    throw error;
  }
  const total = sheets.items.rows.length;
  const run = async (progress: (p: ImportProgress) => Promise<void> = async () => undefined) => {
    // Planning is work for the processor alone: other requests (and, locally, the store in this process) get their turn every few rows.
    const planned: PlannedRow[] = [];
    for (const row of plan.rows) {
      if (planned.push(row) % ROWS_BETWEEN_TURNS === 0) {
        await progress({ phase: 'plan', done: planned.length, total });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await progress({ phase: 'plan', done: total, total });
    if (dryRun) return report(format, dryRun, planned, plan);
    let written = 0;
    const rows = await eachLimited(planned, async (row) => {
      const done = await write(deps, who, jurisdiction, row);
      if (++written % ROWS_BETWEEN_TURNS === 0 || written === total) await progress({ phase: 'write', done: written, total });
      return done;
    });
    return report(format, dryRun, rows, plan);
  };
  return { total, run };
}

/** An import from start to end, answered as one report. */
export async function importFile(...args: Parameters<typeof openImport>): Promise<ImportReport> {
  return (await openImport(...args)).run();
}

function report(format: ImportFormat, dryRun: boolean, rows: PlannedRow[], plan: { problems: ImportReport['problems']; notes: ImportReport['notes'] }): ImportReport {
  const count = (action: PlannedRow['action']) => rows.filter((r) => r.action === action).length;
  return {
    dryRun,
    format,
    counts: { rows: rows.length, create: count('create'), update: count('update'), unchanged: count('unchanged'), skip: count('skip'), failed: count('failed') },
    rows: rows.map(({ definition: _definition, baseRevision: _revision, ...row }) => row),
    problems: plan.problems,
    notes: plan.notes,
  };
}

/** The drafts to export: the items named (all must exist), else every item not cancelled, as the editor has them. */
export async function exportDefinitions(deps: AppDeps, jurisdiction: string, itemIds?: readonly string[]): Promise<Array<Record<string, unknown>>> {
  const heads = await deps.store.listHeads(jurisdiction);
  let chosen = heads.filter((h) => h.state !== 'cancelled').map((h) => h.itemId);
  if (itemIds) {
    const known = new Set(heads.map((h) => h.itemId));
    const missing = itemIds.filter((id) => !known.has(id));
    if (missing.length > 0) throw noSuchItems(missing);
    chosen = [...new Set(itemIds)];
  }
  return (await draftsOf(deps, jurisdiction, chosen)).map((d) => d.definition);
}
