import { ZItemDefinition } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import { fill } from '../functions/src/citizen/page-cache';
import { Portal } from '../functions/src/portal/portal';
import { summaryOf } from '../functions/src/records';
import { report } from './measure';
import { ACCEPTING_HEAD_MS } from '../functions/src/store/item-records';
import { Store } from '../functions/src/store/store';
import { seededApp } from './seeded-app';

/**
 * The portal home of a city with 1,000 published items (the templates under new names): a GET
 * served from the pages kept for the catalogue version (routes/portal.tsx: the heads as listed
 * within the last two seconds, the page from memory), against rendering the same page from the
 * store (a portal and a store with nothing kept: the heads listed, every version read from the
 * table, the entries and the page made), alternating in one process; the median of each decides.
 * A GET once the listed heads are older than two seconds lists them again: listed_ms.
 */
const ITEMS = 1_000;
const ROUNDS = 7;
const CITY = '990300';
const { dynamo, store, deps, app } = await seededApp();
await store.putJurisdiction({ id: CITY, name: '基准市', level: 'city' });

const now = new Date().toISOString();
const definitions = Array.from({ length: ITEMS }, (_, i) => {
  const template = templates[i % templates.length]!;
  const n = String(i).padStart(4, '0');
  return ZItemDefinition.parse({ ...structuredClone(template), id: `bench-${n}`, name: `${template.name}(${n})`, catalogCode: `BENCH-${n}` });
});
const queue = [...definitions];
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      await store.createItem({ jurisdiction: CITY, itemId: d.id, revision: 1, definition: d, updatedAt: now, updatedBy: 'bench' }, d.name);
      await store.publish({ jurisdiction: CITY, itemId: d.id, version: 1, publishedAt: now, publishedBy: 'bench', definition: d }, summaryOf(d), 0, 'published', 1);
    }
  }),
);

let pageChars = 0;
async function cached(): Promise<number> {
  const start = performance.now();
  const response = await app.request(`/${CITY}`);
  const html = await response.text();
  if (response.status !== 200 || response.headers.get('server-timing') !== 'page;desc="cached"') throw new Error(`the portal answered ${response.status} ${response.headers.get('server-timing')}`);
  pageChars = html.length;
  return performance.now() - start;
}

async function fromStore(): Promise<number> {
  const start = performance.now();
  const served = await new Portal().home({ ...deps, store: new Store(dynamo.client, 'onevisit-bench') }, CITY, {}, 'zh');
  const html = fill(served.page, { key: '', due: '', switch: `/${CITY}?lang=en` });
  if (!served.rendered || html.length < 1000) throw new Error('the portal was not rendered');
  return performance.now() - start;
}

const first = await (async () => {
  const start = performance.now();
  await app.request(`/${CITY}`); // renders, and keeps the page for the rest
  return performance.now() - start;
})();
const [hits, listed, renders] = [[] as number[], [] as number[], [] as number[]];
for (let i = 0; i < ROUNDS; i++) {
  renders.push(await fromStore());
  await new Promise((resolve) => setTimeout(resolve, ACCEPTING_HEAD_MS + 10));
  listed.push(await cached());
  hits.push(await cached());
}
await dynamo.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
report('portal', {
  ratio: median(renders) / median(hits),
  items: ITEMS,
  cached_ms: median(hits),
  listed_ms: median(listed),
  from_store_ms: median(renders),
  first_get_ms: first,
  page_kchars: pageChars / 1000,
});
