import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueDate, materialsFor, nationalCalendar, runPublishChecks, validateAnswers } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import { launchChromium } from './browser';

/**
 * The rules run as the same code in the browser (live checklist, inline validation) and on the
 * server (the rules of record). This bundles item-schemas for the browser, runs it in Chromium
 * under another time zone, and compares with Node.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `import * as rules from '@onevisit/item-schemas'; window.rules = rules;`,
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  browser = await launchChromium();
  const context = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
  page = await context.newPage();
  await page.setContent('<!doctype html><html lang="zh-CN"><title>rules</title></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});

afterAll(async () => {
  await browser?.close();
});

const item = runPublishChecks(templates.find((t) => t.id === 'real-estate-transfer')).item!;
const ids = (list: Array<{ id: string }>) => list.map((m) => m.id);

describe('rules in the browser', () => {
  it('list the same materials as the server, and follow the answers', async () => {
    for (const answers of [{ reason: 'sale', boundaryChanged: true }, { reason: 'inheritance', boundaryChanged: false }]) {
      const inBrowser = await page.evaluate(
        ([item, answers]) => {
          const r = (window as any).rules.materialsFor(item, answers);
          return { required: r.required.map((m: any) => m.id), deferrable: r.deferrable.map((m: any) => m.id) };
        },
        [item, answers] as const,
      );
      const onServer = materialsFor(item, answers);
      expect(inBrowser).toEqual({ required: ids(onServer.required), deferrable: ids(onServer.deferrable) });
    }
  });

  it('report the same answer errors, in Chinese', async () => {
    const answers = { reason: 'sale', transferee: { name: '李四', idCard: '440524188001010015', mobile: '1234' } };
    const inBrowser = await page.evaluate(([form, answers]) => (window as any).rules.validateAnswers(form, answers).errors, [item.form, answers] as const);
    expect(inBrowser).toEqual(validateAnswers(item.form, answers).errors);
    expect(inBrowser.map((e: { message: string }) => e.message)).toContain('「受让方的身份证号码」不是有效的居民身份证号码');
  });

  it('compute the same due dates in a browser set to another time zone', async () => {
    const inBrowser = await page.evaluate(() => (window as any).rules.dueDate((window as any).rules.nationalCalendar(), { from: '2026-09-30', limit: { value: 5, unit: 'workday' } }));
    expect(inBrowser).toEqual(dueDate(nationalCalendar(), { from: '2026-09-30', limit: { value: 5, unit: 'workday' } }));
    expect(inBrowser.due).toBe('2026-10-13');
  });
});
