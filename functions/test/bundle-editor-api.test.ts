import { bundleTemplates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { harness } from './harness';

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const { admin } = await h.adminTokens();
const at = `/api/admin/${CITY}/bundles`;

/** What the editor's bundle screen relies on beyond creating, saving and checking: versions, one version, publishing over the revision read. */

describe('a 一件事’s version history', () => {
  it('lists the published versions oldest first, with their notes and without their definitions', async () => {
    const definition = { ...structuredClone(bundleTemplates[0]!), id: 'restaurant-history' };
    expect((await h.call('POST', at, { token: admin, body: { bundleId: 'restaurant-history', definition } })).status).toBe(201);
    expect((await h.call('GET', `${at}/restaurant-history/versions`, { token: admin })).json).toEqual([]);
    expect((await h.call('POST', `${at}/restaurant-history/publish`, { token: admin, headers: { 'if-match': '"1"' }, body: { changeNote: '首次发布' } })).status).toBe(201);
    expect((await h.call('POST', `${at}/restaurant-history/publish`, { token: admin, headers: { 'if-match': '"1"' }, body: {} })).status).toBe(201);
    const listed = await h.call('GET', `${at}/restaurant-history/versions`, { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([expect.objectContaining({ version: 1, changeNote: '首次发布', publishedAt: '2026-03-02T02:00:00.000Z', publishedBy: 'city-admin', publishedByName: '王敏(示范市政务服务管理办)' }), expect.objectContaining({ version: 2 })]);
    expect(listed.json[0]).not.toHaveProperty('definition');
  });

  it('refuses an unknown bundle with 404 in both languages, and another jurisdiction’s administrator with 403', async () => {
    const missing = await h.call('GET', `${at}/no-such-bundle/versions`, { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('一件事'), message_en: expect.stringContaining('bundle') });
    const county = await h.call('GET', `${at}/open-restaurant/versions`, { token: (await h.adminTokens()).countyAdmin });
    expect(county.status).toBe(403);
  });

  it('reads one published version whole, and says an unknown one is not there', async () => {
    const one = await h.call('GET', `${at}/restaurant-history/versions/1`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ version: 1, changeNote: '首次发布', definition: { id: 'restaurant-history', name: '开办餐饮店', stages: [{ items: ['company'] }, { items: ['food', 'seal', 'water'] }] } });
    const missing = await h.call('GET', `${at}/restaurant-history/versions/9`, { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ message: expect.stringContaining('一件事版本'), message_en: expect.stringContaining('bundle version') });
    expect((await h.call('GET', `${at}/restaurant-history/versions/first`, { token: admin })).status).toBe(400);
  });
});

describe('publishing a 一件事 over the revision read', () => {
  it('refuses a publish over a draft someone saved since (409, nothing published), and publishes over the current one', async () => {
    const definition = { ...structuredClone(bundleTemplates[0]!), id: 'restaurant-guarded' };
    expect((await h.call('POST', at, { token: admin, body: { bundleId: 'restaurant-guarded', definition } })).status).toBe(201);
    const saved = await h.call('PUT', `${at}/restaurant-guarded/draft`, { token: admin, headers: { 'if-match': '"1"' }, body: { ...definition, name: '开办小吃店' } });
    expect(saved.status).toBe(200);
    const stale = await h.call('POST', `${at}/restaurant-guarded/publish`, { token: admin, headers: { 'if-match': '"1"' }, body: {} });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'DRAFT_CONFLICT', message: expect.any(String), message_en: expect.any(String) });
    expect((await h.call('GET', `${at}/restaurant-guarded/versions`, { token: admin })).json).toEqual([]);
    const published = await h.call('POST', `${at}/restaurant-guarded/publish`, { token: admin, headers: { 'if-match': '"2"' }, body: {} });
    expect(published.status).toBe(201);
    expect(published.json.definition.name).toBe('开办小吃店');
  });
});

describe('a code the first stage issues, asked of the applicant', () => {
  it('refuses publishing until the later items’ 统一社会信用代码 is filled in from the 营业执照, naming fields as the official knows them', async () => {
    const definition = { ...structuredClone(bundleTemplates[0]!), id: 'restaurant-unfilled' } as Record<string, any>;
    const uscc = definition.fields.find((f: { key: string }) => f.key === 'uscc');
    delete uscc.fromResultOf;
    expect((await h.call('POST', at, { token: admin, body: { bundleId: 'restaurant-unfilled', definition } })).status).toBe(201);
    const refused = await h.call('POST', `${at}/restaurant-unfilled/publish`, { token: admin, headers: { 'if-match': '"1"' }, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.json.details).toEqual([
      expect.objectContaining({
        code: 'BUNDLE_RESULT_NOT_FILLED',
        message: expect.stringMatching(/^合并问题「统一社会信用代码」\(「食品经营许可\(餐饮服务\)」的「统一社会信用代码」、「公章刻制备案」的「统一社会信用代码」\)要由申请人填写，但申请人要等「企业设立登记\(多证合一\)」办结、领到「营业执照」后才有这个代码。.*“由「企业设立登记\(多证合一\)」办结后自动填入”/),
        message_en: expect.stringContaining('is asked of the applicant, but the applicant has the code only once "企业设立登记(多证合一)" is done'),
      }),
    ]);
    expect(JSON.stringify(refused.json.details)).not.toMatch(/\b(uscc|company|food|seal)\b/);
    expect((await h.call('GET', `${at}/restaurant-unfilled/versions`, { token: admin })).json).toEqual([]);

    uscc.fromResultOf = 'company';
    expect((await h.call('PUT', `${at}/restaurant-unfilled/draft`, { token: admin, headers: { 'if-match': '"1"' }, body: definition })).status).toBe(200);
    expect((await h.call('POST', `${at}/restaurant-unfilled/checks`, { token: admin })).json).toEqual({ revision: 2, issues: [] });
    expect((await h.call('POST', `${at}/restaurant-unfilled/publish`, { token: admin, headers: { 'if-match': '"2"' }, body: {} })).status).toBe(201);
  });
});
