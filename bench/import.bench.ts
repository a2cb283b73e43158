import { planImport, sheetData, toSheets } from '@onevisit/item-schemas/exchange';
import { templates } from '@onevisit/item-schemas/templates';
import { xlsxOf } from '../functions/src/imports-files';
import { report } from './measure';
import { seededApp } from './seeded-app';

/**
 * 1,000 items in the national layout (the templates under new codes, materials included, as one
 * .xlsx) imported through the app (upload, read, plan against the jurisdiction, write the drafts)
 * against writing the same 1,000 drafts straight through the store, each into a fresh city
 * with the demo city's departments; then the same file again, which changes nothing.
 */
const ITEMS = 1_000;
const CITY = '990100';
const { dynamo, store, deps, app } = await seededApp();
const token = await deps.devTokens.issue((await store.getUser(CITY, 'platform'))!);
const departments = await store.listDepartments(CITY);

const definitions = Array.from({ length: ITEMS }, (_, i) => {
  const template = templates[i % templates.length]!;
  const n = String(i).padStart(4, '0');
  return { ...(template as unknown as Record<string, unknown>), id: `bench-${n}`, name: `${template.name}(${n})`, catalogCode: `BENCH-${n}`, taskCode: `BENCH-T-${n}` };
});
const sheets = toSheets(definitions);
const workbook = await xlsxOf(sheets);

async function freshCity(round: number, kind: string): Promise<string> {
  const id = `99${kind === 'app' ? 3 : 4}${String(round).padStart(3, '0')}`;
  await store.putJurisdiction({ id, name: `基准市${kind}${round}`, level: 'city' });
  for (const d of departments) await store.putDepartment({ ...d, jurisdiction: id });
  return id;
}

async function viaApp(jurisdiction: string): Promise<{ seconds: number; counts: Record<string, number> }> {
  const form = new FormData();
  form.set('file', new File([workbook as BlobPart], 'bench.xlsx'));
  const start = performance.now();
  const response = await app.request(`/api/admin/${jurisdiction}/imports?dryRun=false`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as { counts: Record<string, number> };
  if (response.status !== 200) throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
  return { seconds: (performance.now() - start) / 1000, counts: body.counts };
}

async function direct(jurisdiction: string): Promise<number> {
  const plan = planImport({ items: sheetData(sheets.items), materials: sheetData(sheets.materials) }, { departments: departments.map((d) => ({ id: d.id, name: d.name })), jurisdictionNames: [], existing: [], takenIds: new Set() });
  const now = new Date().toISOString();
  const start = performance.now();
  const rows = [...plan.rows];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let row = rows.shift(); row; row = rows.shift()) await store.createItem({ jurisdiction, itemId: row.itemId!, revision: 1, definition: row.definition!, updatedAt: now, updatedBy: 'bench' }, row.name);
    }),
  );
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [imported, raw, again] = [[] as number[], [] as number[], [] as number[]];
for (let round = 0; round < 3; round++) {
  const city = await freshCity(round, 'app');
  const first = await viaApp(city);
  if (first.counts.create !== ITEMS) throw new Error(`expected ${ITEMS} created, got ${JSON.stringify(first.counts)}`);
  imported.push(first.seconds);
  const second = await viaApp(city);
  if (second.counts.unchanged !== ITEMS) throw new Error(`a re-import changed something: ${JSON.stringify(second.counts)}`);
  again.push(second.seconds);
  raw.push(await direct(await freshCity(round, 'raw')));
}
await dynamo.close();
report('import', { items: ITEMS, seconds: median(imported), ratio: median(imported) / median(raw), raw_seconds: median(raw), reimport_seconds: median(again), file_kb: Math.round(workbook.byteLength / 1024) });
