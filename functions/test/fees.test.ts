import { templates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { harness } from './harness';

/** What the editor shows for a fee is what is stored and listed: a fee left alone is free. */

const h = await harness();
const CITY = '990100';
const COUNTY = '990121';
const { admin, countyAdmin } = await h.adminTokens();

const catalogueEntry = async (jurisdiction: string, itemId: string) =>
  ((await h.call('GET', `/api/catalog?jurisdiction=${jurisdiction}`)).json as Array<{ itemId: string; charged: boolean }>).find((e) => e.itemId === itemId);

describe('the fee flag', () => {
  it('left unset is 不收费 in the published item, the catalogue and a county’s copy', async () => {
    const definition = { ...structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!), id: 'free-licence', fees: [{ name: '劳务派遣许可' }] };
    expect((await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'free-licence', definition } })).status).toBe(201);
    const published = await h.call('POST', `/api/admin/${CITY}/items/free-licence/publish`, { token: admin });
    expect(published.status).toBe(201);
    expect(published.json.definition.fees).toEqual([{ name: '劳务派遣许可', charged: false, reducible: false }]);
    expect(await catalogueEntry(CITY, 'free-licence')).toMatchObject({ charged: false });

    await h.call('POST', `/api/admin/${COUNTY}/clones`, { token: countyAdmin, body: { itemIds: ['free-licence'] } });
    expect((await h.call('POST', `/api/admin/${COUNTY}/items/free-licence/publish`, { token: countyAdmin })).status).toBe(201);
    expect(await catalogueEntry(COUNTY, 'free-licence')).toMatchObject({ charged: false });
  });

  it('set to 收费 stays charged', async () => {
    expect(await catalogueEntry(CITY, 'real-estate-transfer')).toMatchObject({ charged: true });
  });
});
