import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFromPost, checkFormSupport, validateAnswers, type PostedFields } from '@onevisit/item-schemas';
import { CitizenForm } from '../../admin-ui/src/citizen/CitizenForm';
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
  const html = renderToStaticMarkup(createElement(CitizenForm, { schema: form.schema, uiSchema: form.uiSchema, answers, post: { action: '/apply/990100/item' } }));
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
        expect(validateAnswers({ ...form, visibleWhen: {}, applicantFields: {} }, answers).errors).toEqual([]);
        expect(answersFromPost(form, await posted(form, answers))).toEqual(answers);
      }),
      { numRuns: 200 },
    );
  });
});
