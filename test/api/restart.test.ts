import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLocalServer } from './local-server';

describe('the local server', () => {
  it('stops cleanly on Ctrl-C and keeps what was stored across a restart, seeding only once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onevisit-data-'));
    const first = await startLocalServer({ dataDir });
    expect(first.output()).toContain('已发布 13 个模板事项');
    const { token } = await (await fetch(`${first.base}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: '990121', userId: 'dongcheng-admin' }) })).json();
    const created = await fetch(`${first.base}/api/admin/990121/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ itemId: 'kept-draft', definition: { name: '重启后仍在的草稿' } }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = await startLocalServer({ dataDir });
    try {
      expect(second.output()).not.toContain('已发布');
      const draft = await fetch(`${second.base}/api/admin/990121/items/kept-draft/draft`, { headers: { authorization: `Bearer ${token}` } });
      expect(draft.status).toBe(200);
      expect((await draft.json()).definition.name).toBe('重启后仍在的草稿');
      expect(((await (await fetch(`${second.base}/api/catalog?jurisdiction=990100`)).json()) as unknown[]).length).toBe(13);
    } finally {
      await second.stop();
    }
  });
});
