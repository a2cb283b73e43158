import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFromPost, checkFormSupport, validateAnswers, visibleAnswers, type PostedFields } from '@onevisit/item-schemas';
import { CitizenForm } from '../../functions/src/citizen/form/CitizenForm';
import { launchChromium } from './browser';
import { formWithAnswers, type Form } from './builder-forms';

/**
 * Whatever the form builder produces, the citizen page gives back exactly the answers it was
 * rendered with: the page is rendered with the answers as the server renders it, Chromium builds
 * what it would post (FormData: ticked boxes, selected options, typed values, markers), and the
 * server's reader turns that back into answers.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ javaScriptEnabled: true });
});
afterAll(() => browser?.close());

async function posted(form: Form, answers: Record<string, unknown>): Promise<PostedFields> {
  // Fields hidden by their conditions are on the page all the same (the script shows them as answers change).
  const { hidden } = visibleAnswers({ visibleWhen: (form.visibleWhen ?? {}) as never }, answers);
  const html = renderToStaticMarkup(createElement(CitizenForm, { schema: form.schema, uiSchema: form.uiSchema, answers, hidden, post: { action: '/apply/990100/item' } }));
  await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}</body>`);
  const entries = await page.evaluate(() => [...new FormData(document.querySelector('form')!).entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
  const fields: PostedFields = {};
  for (const [name, value] of entries) {
    const before = fields[name];
    fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return fields;
}

describe('the citizen page round-trips every answer', () => {
  it('gives back exactly the answers it was rendered with, for every form the builder can produce', async () => {
    await fc.assert(
      fc.asyncProperty(formWithAnswers, async ({ form, answers }) => {
        expect(checkFormSupport(form.schema, form.uiSchema)).toEqual([]);
        expect(validateAnswers({ schema: form.schema, uiSchema: form.uiSchema, visibleWhen: {}, applicantFields: {} }, answers).errors).toEqual([]);
        expect(answersFromPost(form, await posted(form, answers))).toEqual(answers);
      }),
      { numRuns: 200 },
    );
  });
});

/** The cases the issue list found lost or corrupted, each now taken back exactly through a real page. */
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const fixtures: Array<[string, Form, Record<string, unknown>]> = [
  ['fields through a local $ref', { schema: object({ billing: { $ref: '#/definitions/address' } }, { definitions: { address: object({ city: { type: 'string' }, zip: { type: 'integer' } }) } }), uiSchema: {} }, { billing: { city: '杭州', zip: 310000 } }],
  [
    'choices through $ref, oneOf/anyOf of const or one-value enum, numbers, a reordered enum',
    {
      schema: object(
        {
          size: { $ref: '#/definitions/size' },
          colour: { type: 'string', anyOf: [{ enum: ['red'], title: '红' }, { enum: ['blue'], title: '蓝' }] },
          level: { type: 'integer', enum: [3, 1, 2] },
          sorted: { type: 'string', enum: ['a', 'b', 'c'] },
        },
        { definitions: { size: { type: 'string', oneOf: [{ const: 'S' }, { const: 'M' }, { const: 'L' }] } } },
      ),
      uiSchema: { sorted: { 'ui:enumOrder': ['c', '*'] }, colour: { 'ui:widget': 'radio' } },
    },
    { size: 'L', colour: 'blue', level: 1, sorted: 'b' },
  ],
  [
    'yes/no as a check box (ticked and not), radios, a select, and a flipped enum',
    { schema: object({ box: { type: 'boolean' }, off: { type: 'boolean' }, radio: { type: 'boolean' }, select: { type: 'boolean' }, flipped: { type: 'boolean', enum: [false, true] } }), uiSchema: { radio: { 'ui:widget': 'radio' }, select: { 'ui:widget': 'select' }, flipped: { 'ui:widget': 'radio' } } },
    { box: true, off: false, radio: false, select: true, flipped: true },
  ],
  ['an empty multiple choice and an empty list', { schema: object({ crops: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['麦', '稻'] } }, staff: { type: 'array', items: object({ name: { type: 'string' } }) } }), uiSchema: { crops: { 'ui:widget': 'checkboxes' } } }, { crops: [], staff: [] }],
  [
    'a list entry none of whose choices is answered (it posts no field of its own)',
    { schema: object({ crops: { type: 'array', items: object({ kind: { type: 'string', oneOf: [{ const: 'rice', title: '水稻' }, { const: 'tea', title: '茶叶' }] }, organic: { type: 'boolean' } }) } }), uiSchema: { crops: { items: { kind: { 'ui:widget': 'radio' }, organic: { 'ui:widget': 'radio' } } } } },
    { crops: [{ kind: 'tea' }, {}, { organic: false }] },
  ],
  ['a list of single values', { schema: object({ phones: { type: 'array', items: { type: 'string' } } }), uiSchema: {} }, { phones: ['0571-1', '0571-2'] }],
  ['a colour and a slider with defaults, changed', { schema: object({ tint: { type: 'string', default: '#112233' }, score: { type: 'integer', minimum: 0, maximum: 10, default: 5 } }), uiSchema: { tint: { 'ui:widget': 'color' }, score: { 'ui:widget': 'range' } } }, { tint: '#aabbcc', score: 8 }],
  ['a time, a date, a textarea with line breaks', { schema: object({ at: { type: 'string', format: 'time' }, on: { type: 'string', format: 'date' }, note: { type: 'string' } }), uiSchema: { note: { 'ui:widget': 'textarea' } } }, { at: '09:30:00', on: '2026-12-03', note: '第一行\n第二行' }],
];

describe('the cases once lost or corrupted', () => {
  it.each(fixtures)('%s', async (_, form, answers) => {
    expect(checkFormSupport(form.schema, form.uiSchema)).toEqual([]);
    expect(answersFromPost(form, await posted(form, answers))).toEqual(answers);
  });

  it('takes a locked field from what was stored, never from the page', async () => {
    const form = { schema: object({ fee: { type: 'number', readOnly: true, default: 50 }, code: { type: 'string' } }), uiSchema: { code: { 'ui:disabled': true } } };
    const fields = await posted(form, { fee: 50, code: 'A-1' });
    expect(answersFromPost(form, { ...fields, 'root[fee]': '0', 'root[code]': 'forged' }, { code: 'A-1' })).toEqual({ fee: 50, code: 'A-1' });
  });
});

describe('the editor’s preview', () => {
  it('names a list’s buttons in words, not with icons the page does not load', async () => {
    const schema: Form['schema'] = object({ staff: { type: 'array', title: '人员', items: object({ name: { type: 'string', title: '姓名' } }) } });
    await page.setContent(`<!doctype html><meta charset="utf-8"><body>${renderToStaticMarkup(createElement(CitizenForm, { schema, uiSchema: {}, answers: { staff: [{ name: '李四' }, { name: '王五' }] } }))}</body>`);
    expect(await page.getByRole('button', { name: '添加一项' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(2);
    expect(await page.getByRole('button', { name: '下移' }).count()).toBe(2); // one each, the last's disabled
    expect(await page.locator('.glyphicon').count()).toBe(0);
  });
});
