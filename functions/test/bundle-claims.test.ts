import { describe, expect, it } from 'vitest';
import { harness } from './harness';

/** A county claims its city's 一件事 with the base items it has not claimed yet (issue 19). */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const COUNTY = '990121';
const { admin, countyAdmin } = await h.adminTokens();

describe('claiming the city’s 一件事', () => {
  it('lists the city’s published 一件事 with what the county has claimed of each', async () => {
    const listed = await h.call('GET', `/api/admin/${COUNTY}/claimable-bundles`, { token: countyAdmin });
    expect(listed.status).toBe(200);
    const restaurant = (listed.json as Array<Record<string, any>>).find((b) => b.bundleId === 'open-restaurant')!;
    expect(restaurant).toMatchObject({ name: '开办餐饮店', version: 1, claimed: false });
    expect(restaurant.items.map((i: { name: string }) => i.name)).toEqual(['企业设立登记(多证合一)', '食品经营许可(餐饮服务)', '公章刻制备案', '供水报装']);
    // The city has no parent to claim from.
    expect((await h.call('GET', '/api/admin/990100/claimable-bundles', { token: admin })).json.code).toBe('NO_UPSTREAM');
  });

  it('makes the county’s own copy over its clones, claiming the base items it lacked, once', async () => {
    const before = ((await h.call('GET', `/api/admin/${COUNTY}/claimable-bundles`, { token: countyAdmin })).json as Array<Record<string, any>>).find((b) => b.bundleId === 'open-restaurant')!;
    const lacked = before.items.filter((i: { claimed: boolean }) => !i.claimed).map((i: { itemId: string }) => i.itemId);
    expect(lacked.length).toBeGreaterThan(0);

    const claimed = await h.call('POST', `/api/admin/${COUNTY}/bundle-clones`, { token: countyAdmin, body: { bundleId: 'open-restaurant' } });
    expect(claimed.status, JSON.stringify(claimed.json)).toBe(200);
    expect(claimed.json.status).toBe('cloned');
    expect(claimed.json.items.filter((i: { status: string }) => i.status === 'cloned').map((i: { itemId: string }) => i.itemId)).toEqual(lacked);
    for (const itemId of lacked) expect((await h.store.getHead(COUNTY, itemId))?.upstream).toMatchObject({ jurisdiction: '990100', itemId });

    const draft = (await h.call('GET', `/api/admin/${COUNTY}/bundles/open-restaurant/draft`, { token: countyAdmin })).json;
    expect(draft.definition.items.map((r: { jurisdiction: string }) => r.jurisdiction)).toEqual([COUNTY, COUNTY, COUNTY, COUNTY]);
    // The departments taking part are the county's, as its clones name them.
    const taking = [draft.definition.leadDepartment, ...draft.definition.cooperatingDepartments].map((d: { name: string }) => d.name);
    expect(taking.length).toBeGreaterThan(0);
    for (const name of taking) expect(name).toMatch(/^东城县/);

    // Its base items are the county's clones: until they are published, publishing says which, by name.
    const refused = await h.call('POST', `/api/admin/${COUNTY}/bundles/open-restaurant/publish`, { token: countyAdmin });
    expect(refused.status).toBe(422);
    expect(refused.json.details.map((d: { message: string }) => d.message)).toEqual(lacked.map(() => expect.stringMatching(/^「[^」]+」尚未发布：请先在事项清单中发布它$/)));
    expect(refused.json.details.map((d: { message: string }) => d.message)).toContain('「供水报装」尚未发布：请先在事项清单中发布它');

    // Again: nothing new.
    const records = await h.recordCount();
    const again = await h.call('POST', `/api/admin/${COUNTY}/bundle-clones`, { token: countyAdmin, body: { bundleId: 'open-restaurant' } });
    expect(again.json).toMatchObject({ status: 'exists' });
    expect(again.json.items.every((i: { status: string }) => i.status === 'exists')).toBe(true);
    expect(await h.recordCount()).toBe(records);
    const after = ((await h.call('GET', `/api/admin/${COUNTY}/claimable-bundles`, { token: countyAdmin })).json as Array<Record<string, any>>).find((b) => b.bundleId === 'open-restaurant')!;
    expect(after.claimed).toBe(true);
    expect(after.items.every((i: { claimed: boolean }) => i.claimed)).toBe(true);

    // Once its clones are published, the county's 一件事 publishes as it was claimed.
    for (const itemId of lacked) {
      const published = await h.call('POST', `/api/admin/${COUNTY}/items/${itemId}/publish`, { token: countyAdmin });
      expect(published.status, `${itemId}: ${JSON.stringify(published.json)}`).toBe(201);
    }
    const done = await h.call('POST', `/api/admin/${COUNTY}/bundles/open-restaurant/publish`, { token: countyAdmin });
    expect(done.status, JSON.stringify(done.json)).toBe(201);
  });

  it('refuses what cannot be claimed, in Chinese and English, changing nothing', async () => {
    const records = await h.recordCount();
    const unknown = await h.call('POST', `/api/admin/${COUNTY}/bundle-clones`, { token: countyAdmin, body: { bundleId: 'no-such-bundle' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ message: expect.stringContaining('一件事'), message_en: expect.stringContaining('bundle') });
    expect((await h.call('POST', `/api/admin/${COUNTY}/bundle-clones`, { token: countyAdmin, body: { bundleId: 42 } })).status).toBe(400);
    expect((await h.call('POST', `/api/admin/${COUNTY}/bundle-clones`, { token: countyAdmin })).status).toBe(400);
    expect((await h.call('POST', `/api/admin/${COUNTY}/bundle-clones`, { body: { bundleId: 'open-restaurant' } })).status).toBe(401);
    expect((await h.call('POST', `/api/admin/990122/bundle-clones`, { token: countyAdmin, body: { bundleId: 'open-restaurant' } })).status).toBe(403);
    expect(await h.recordCount()).toBe(records);
  });
});

describe('where the county’s 一件事 is handled in person (办理地点)', () => {
  const page = async (path: string) => {
    const response = await h.app.request(path);
    expect(response.status).toBe(200);
    return (await response.text()).replace(/<[^>]+>/g, ' ');
  };
  const CITY_HALL = '示范市人民路 100 号政务服务中心一楼';

  it('shows the city’s windows on the city’s pages: every item’s, each once', async () => {
    const guide = await page('/guide/990100/open-restaurant');
    for (const window of ['示范市政务服务中心企业开办专区', '示范市政务服务中心市场监管窗口', '水电气暖联合报装窗口']) expect(guide.split(window).length - 1).toBe(1);
    expect(await page('/apply/990100/open-restaurant')).toContain(CITY_HALL);
  });

  it('never sends the county’s applicants to the city’s hall, and shows the windows the county set on its items', async () => {
    // Claimed and published above: clones without windows of their own.
    expect(await page(`/apply/${COUNTY}/open-restaurant`)).not.toContain(CITY_HALL);
    expect(await page(`/guide/${COUNTY}/open-restaurant`)).not.toContain(CITY_HALL);

    const draft = (await h.call('GET', `/api/admin/${COUNTY}/items/food-licence/draft`, { token: countyAdmin })).json;
    const window = { name: '东城县政务服务中心市场监管窗口', address: '东城县府前街 1 号政务服务中心二楼', hours: '周一至周五 9:00-17:00' };
    const saved = await h.call('PUT', `/api/admin/${COUNTY}/items/food-licence/draft`, { token: countyAdmin, headers: { 'if-match': `"${draft.revision}"` }, body: { ...draft.definition, windows: [window] } });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const clone = await h.call('POST', `/api/admin/${COUNTY}/items/food-licence/publish`, { token: countyAdmin });
    expect(clone.status, JSON.stringify(clone.json)).toBe(201);
    const bundle = (await h.call('GET', `/api/admin/${COUNTY}/bundles/open-restaurant/draft`, { token: countyAdmin })).json;
    const items = bundle.definition.items.map((i: { itemId: string }) => (i.itemId === 'food-licence' ? { ...i, version: clone.json.version } : i));
    expect((await h.call('PUT', `/api/admin/${COUNTY}/bundles/open-restaurant/draft`, { token: countyAdmin, headers: { 'if-match': `"${bundle.revision}"` }, body: { ...bundle.definition, items } })).status).toBe(200);
    expect((await h.call('POST', `/api/admin/${COUNTY}/bundles/open-restaurant/publish`, { token: countyAdmin })).status).toBe(201);

    const apply = await page(`/apply/${COUNTY}/open-restaurant`);
    expect(apply).toContain('办理地点');
    expect(apply).toContain('东城县政务服务中心市场监管窗口，东城县府前街 1 号政务服务中心二楼');
    expect(apply).not.toContain(CITY_HALL);
    const guide = await page(`/guide/${COUNTY}/open-restaurant`);
    expect(guide).toContain('东城县府前街 1 号政务服务中心二楼');
    expect(guide).not.toContain(CITY_HALL);
  });
});
