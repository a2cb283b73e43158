import { formFields, materialNeeds, mergedForm, mergedMaterials, splitAnswers, statusWhenApplicable, type ItemDefinition } from '@onevisit/item-schemas';
import { acceptingBundle, postedIdOf } from '../functions/src/bundles/published';
import { restaurantAnswers } from '../functions/test/restaurant-answers';
import { report } from './measure';
import { seededApp } from './seeded-app';

/**
 * 一件事一次办 (issue 19) on the seed 开办餐饮店, for a new company serving hot food with seals and a
 * water connection: what the applicant is asked once against what the four items ask one by one
 * (questions: answers the form takes, groups not counted; materials: the checklist's entries, 免交
 * not counted), and the time of one bundled submission against four separate submissions of the
 * same answers and documents, one after another as an applicant would send them. Uploads are made
 * before each round and not timed. Alternating rounds, medians; ratio < 1: the one submission is
 * quicker. The bundled one files the first stage (企业设立登记) and keeps the rest for when its
 * licence is issued; the four separate ones file four cases at once.
 */
const CITY = '990100';
const BUNDLE = 'open-restaurant';
const ROUNDS = 9;

const answers = restaurantAnswers;
/** Applying separately, the 营业执照 is in hand by the time the later items are applied for. */
const USCC = '91370500MA3C000029';

const { app, deps } = await seededApp({ messagesLater: true });
const p = (await acceptingBundle(deps, CITY, BUNDLE))!;
const questions = (item: Pick<ItemDefinition, 'form'>) => formFields(item.form.schema).filter((f) => f.type !== 'object').length;
const bases = Object.entries(p.versions);
const fieldsAsked = questions({ form: mergedForm(p.bundle, p.base) });
const fieldsSeparately = bases.reduce((sum, [, v]) => sum + questions(v.definition), 0);
const materialsAsked = mergedMaterials(p.bundle, p.base).filter((m) => m.status !== 'shared').length;
const materialsSeparately = bases.reduce((sum, [, v]) => sum + v.definition.materials.filter((m) => statusWhenApplicable(v.definition, m) !== 'shared').length, 0);

async function upload(itemId: string, materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], `${materialId}.pdf`));
  const response = await app.request(`/api/items/${CITY}/${itemId}/uploads`, { method: 'POST', body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
}

/** Each document a submission needs (required or to follow), uploaded for it. */
async function documents(itemId: string, ids: string[]): Promise<Record<string, string[]>> {
  return Object.fromEntries(await Promise.all(ids.map(async (id): Promise<[string, string[]]> => [id, [await upload(itemId, id)]])));
}
const wanted = (status: string) => status === 'required' || status === 'deferrable';
const bundledIds = mergedMaterials(p.bundle, p.base, answers, p.asItem.form).filter((m) => wanted(m.status)).map(postedIdOf);
const split = splitAnswers(p.bundle, { ...answers, uscc: USCC });
const separate = bases.map(([key, v]) => ({ itemId: v.itemId, answers: split[key] ?? {}, ids: materialNeeds(v.definition, split[key] ?? {}).filter((n) => wanted(n.status)).map((n) => n.material.id) }));

let sequence = 0;
async function submit(itemId: string, body: unknown): Promise<void> {
  const response = await app.request(`/api/items/${CITY}/${itemId}/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `onething-${sequence++}` }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`${itemId}: ${response.status} ${await response.text()}`);
}

async function bundled(): Promise<number> {
  const materials = await documents(BUNDLE, bundledIds);
  const start = performance.now();
  await submit(BUNDLE, { answers, materials });
  return performance.now() - start;
}

async function oneByOne(): Promise<number> {
  const bodies = await Promise.all(separate.map(async (s) => ({ itemId: s.itemId, body: { answers: s.answers, materials: await documents(s.itemId, s.ids) } })));
  const start = performance.now();
  for (const { itemId, body } of bodies) await submit(itemId, body);
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await bundled();
await oneByOne();
const times = { bundled: [] as number[], separate: [] as number[] };
for (let r = 0; r < ROUNDS; r++) {
  times.bundled.push(await bundled());
  times.separate.push(await oneByOne());
}
report('onething', {
  items: bases.length,
  fields_asked: fieldsAsked,
  fields_separately: fieldsSeparately,
  materials_asked: materialsAsked,
  materials_separately: materialsSeparately,
  ratio: median(times.bundled) / median(times.separate),
  bundled_ms: median(times.bundled),
  separate_ms: median(times.separate),
});
