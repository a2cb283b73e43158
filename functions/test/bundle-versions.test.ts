import { bundleTemplates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { harness } from './harness';

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const { admin } = await h.adminTokens();
const at = `/api/admin/${CITY}/bundles`;

describe('a 一件事’s version history', () => {
  it('lists the published versions oldest first, with their notes and without their definitions', async () => {
    const definition = { ...structuredClone(bundleTemplates[0]!), id: 'restaurant-history' };
    expect((await h.call('POST', at, { token: admin, body: { bundleId: 'restaurant-history', definition } })).status).toBe(201);
    expect((await h.call('GET', `${at}/restaurant-history/versions`, { token: admin })).json).toEqual([]);
    expect((await h.call('POST', `${at}/restaurant-history/publish`, { token: admin, headers: { 'if-match': '"1"' }, body: { changeNote: '首次发布' } })).status).toBe(201);
    expect((await h.call('POST', `${at}/restaurant-history/publish`, { token: admin, headers: { 'if-match': '"1"' }, body: {} })).status).toBe(201);
    const listed = await h.call('GET', `${at}/restaurant-history/versions`, { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual([expect.objectContaining({ version: 1, changeNote: '首次发布', publishedAt: '2026-03-02T02:00:00.000Z' }), expect.objectContaining({ version: 2 })]);
    expect(listed.json[0]).not.toHaveProperty('definition');
  });

  it('refuses an unknown bundle with 404 in both languages, and another jurisdiction’s administrator with 403', async () => {
    const missing = await h.call('GET', `${at}/no-such-bundle/versions`, { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('一件事'), message_en: expect.stringContaining('bundle') });
    const county = await h.call('GET', `${at}/open-restaurant/versions`, { token: (await h.adminTokens()).countyAdmin });
    expect(county.status).toBe(403);
  });
});
