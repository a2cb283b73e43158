import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build } from 'vite';
import { scriptDist } from '../functions/src/admin-ui';
import { createItem, publish } from '../functions/src/items';
import { itemWithFields } from './editor/form-fields';
import { report } from './measure';
import { seededApp } from './seeded-app';

/**
 * The citizen page of a 500-field form: a GET of the published page (the 一次告知 facts, the
 * materials, the form, the rules for the page script), rendered once per version and then served
 * from the cache (routes/citizen.tsx), against rendering a plain react-jsonschema-form with the
 * same schema, same process, alternating; the first GET, which renders, once; and the page
 * script's gzipped size.
 */
const FIELDS = 500;
const RUNS = 15;

const { dynamo, deps, app } = await seededApp();
const definition: Record<string, unknown> = { ...itemWithFields(FIELDS), id: 'large-form' };
const official = { sub: 'bench', name: 'bench', role: 'platformAdmin' as const, jurisdiction: '990100' };
await createItem(deps, official, '990100', { itemId: 'large-form', definition });
await publish(deps, official, '990100', 'large-form', {});
const schema = (definition.form as { schema: RJSFSchema }).schema;

let pageChars = 0;
async function page(): Promise<number> {
  const start = performance.now();
  const response = await app.request('/apply/990100/large-form');
  if (response.status !== 200) throw new Error(`the page answered ${response.status}`);
  pageChars = (await response.text()).length;
  return performance.now() - start;
}

function plain(): number {
  const start = performance.now();
  renderToString(createElement(Form, { schema, validator }));
  return performance.now() - start;
}

const first = await page(); // renders, and keeps the page for the rest
plain();
const pages: number[] = [];
const plains: number[] = [];
for (let i = 0; i < RUNS; i++) {
  pages.push(await page());
  plains.push(plain());
}
await dynamo.close();

const root = join(import.meta.dirname, '../functions');
await build({ root, configFile: join(root, 'vite.citizen-script.config.ts'), logLevel: 'silent' });
const script = readFileSync(join(scriptDist, 'citizen.js'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
report('citizen', {
  cached_ratio: median(pages) / median(plains),
  cached_ms: median(pages),
  first_ms: first,
  plain_rjsf_ms: median(plains),
  page_kchars: pageChars / 1000,
  js_gz_kb: gzipSync(script).length / 1024,
  fields: FIELDS,
});
