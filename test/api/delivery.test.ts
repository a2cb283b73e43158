import { describe, expect, it } from 'vitest';
import { AGENT, APPLICANT, CITY, windowWorld } from './window-world';

/**
 * 统一出件 over the API: a decided window case waits in the window's 出件 queue (not the
 * department's), its decision notice says where to collect it; the window hands it over to the
 * applicant (证件号 checked) or to a 代理人, or posts it (EMS waybill checked); bad input is refused
 * in both languages and changes nothing; a stale revision conflicts; a retry is applied once.
 */

const w = await windowWorld();
const { h, refusedUnchanged } = w;
const handover = w.desk('handover');
const posting = w.desk('posting');


describe('统一出件', () => {
  const applied = { number: '', secret: '' };

  it('brings a decided window case to the window’s 出件 queue, out of the department’s, and tells the applicant once where to collect it', async () => {
    Object.assign(applied, await w.file());
    await w.decide(applied.number);
    expect(await w.trackPage(applied)).toContain('办理结果已可领取：请持本人有效身份证件到市民中心综合窗口(3 号窗口)领取');
    const entry = (await w.queue()).find((e) => e.trackingNumber === applied.number);
    expect(entry).toMatchObject({ task: 'delivery', status: 'decided', applicant: { name: '李四', idNumber: APPLICANT.idNumber }, collection: { method: 'window' }, outcome: 'approved', result: { name: '不动产权证书' } });
    const departmentQueue = await h.call('GET', '/api/officer/queue', { token: w.estate });
    expect(departmentQueue.json.map((e: { trackingNumber: string }) => e.trackingNumber)).not.toContain(applied.number);
    const decided = (await w.messages(applied.number)).filter((m) => m.topic === 'decided');
    expect(decided).toHaveLength(1);
    expect(decided[0]!.text).toContain('办理结果已可领取，请持本人有效身份证件到市民中心综合窗口(3 号窗口)领取');
  });

  it('keeps the department from delivering it itself', async () => {
    const response = await w.officerAct(applied.number, { type: 'deliver', method: '窗口领取' });
    expect(response.status).toBe(409);
    expect(response.json.message).toBe('本件办理结果由综合窗口统一出件');
  });

  it('refuses a wrong check digit, someone else’s number, a stale revision, and other roles, changing nothing', async () => {
    const expectedRevision = await w.revisionOf(applied.number);
    await refusedUnchanged(() => handover(applied.number, { expectedRevision, recipient: { ...APPLICANT, idNumber: '440524188001010015', agent: false } }), 422, 'ID_NUMBER_INVALID');
    await refusedUnchanged(() => handover(applied.number, { expectedRevision, recipient: { ...AGENT, agent: false } }), 422, 'RECIPIENT_NOT_APPLICANT');
    await refusedUnchanged(() => handover(applied.number, { expectedRevision: expectedRevision - 1, recipient: { ...APPLICANT, agent: false } }), 409, 'CASE_CHANGED');
    await refusedUnchanged(() => handover(applied.number, { expectedRevision, recipient: { ...APPLICANT, idType: '999', agent: false } }), 400, 'INVALID_REQUEST');
    await refusedUnchanged(async () => h.call('POST', `/api/window/${CITY}/cases/${applied.number}/handover`, { token: w.estate, body: { expectedRevision, recipient: { ...APPLICANT, agent: false } } }), 403, 'FORBIDDEN');
  });

  it('hands it over to the applicant, once however often the request is retried, and /track says so', async () => {
    const expectedRevision = await w.revisionOf(applied.number);
    const body = { expectedRevision, recipient: { idType: '111', idNumber: APPLICANT.idNumber.toLowerCase(), name: '李四', agent: false } };
    const first = await handover(applied.number, body, 'handover-0001');
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toMatchObject({ status: 'delivered', delivery: { method: '窗口领取', recipient: { name: '李四', idNumber: APPLICANT.idNumber, agent: false } } });
    const again = await handover(applied.number, body, 'handover-0001');
    expect(again.status).toBe(200);
    expect(again.json.revision).toBe(first.json.revision);
    expect((await w.queue()).map((e) => e.trackingNumber)).not.toContain(applied.number);
    const tracked = await w.track(applied);
    expect(tracked.status).toBe('delivered');
    expect(tracked.history.at(-1)).toMatchObject({ action: 'deliver', note: '窗口领取，本人领取' });
    expect(JSON.stringify(tracked.history)).not.toContain('领取人 李四');
    expect(await w.trackPage(applied)).toContain('办理结果已于 2026-03-02 在窗口由您本人领取。');
    expect((await w.messages(applied.number)).filter((m) => m.topic === 'delivered')).toHaveLength(1);
  });

  it('posts a 代理人’s case by EMS after checking the waybill, shown on /track', async () => {
    const byAgent = await w.file({ agent: true });
    await w.decide(byAgent.number);
    const entry = (await w.queue()).find((e) => e.trackingNumber === byAgent.number)!;
    expect(entry.agent).toMatchObject({ name: '王芳', idNumber: AGENT.idNumber });
    await refusedUnchanged(() => posting(byAgent.number, { expectedRevision: entry.revision, waybill: 'EA123456784CN' }), 422, 'WAYBILL_INVALID');
    await refusedUnchanged(() => posting(byAgent.number, { expectedRevision: entry.revision, waybill: '12345' }), 422, 'WAYBILL_INVALID');
    const posted = await posting(byAgent.number, { expectedRevision: entry.revision, waybill: 'ea 123456785 cn' }, 'posting-0001');
    expect(posted.status, JSON.stringify(posted.json)).toBe(200);
    expect(posted.json.delivery).toMatchObject({ method: '邮政速递(EMS)', waybill: 'EA123456785CN' });
    const tracked = await w.track(byAgent);
    expect(tracked.delivery.waybill).toBe('EA123456785CN');
    const sent = (await w.messages(byAgent.number)).filter((m) => m.topic === 'delivered');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('已通过 EMS 寄出，运单号 EA123456785CN');
    expect(await w.trackPage(byAgent)).toContain('办理结果已于 2026-03-02 通过 EMS 寄出，运单号 EA123456785CN。');
  });

  it('brings a case whose applicant chose to have it posted, telling them it will be posted', async () => {
    const online = await w.file();
    const stored = (await h.store.getCase(CITY, online.number))!;
    // How the applicant receives the result, as the intake records it.
    await h.store.saveCase({ ...stored, channel: 'web', resultDelivery: { method: 'post', address: '示范市东城区和平路 1 号' }, revision: stored.revision + 1 }, stored.revision, {});
    await w.decide(online.number);
    expect((await w.queue()).find((e) => e.trackingNumber === online.number)).toMatchObject({ task: 'delivery', collection: { method: 'post', address: '示范市东城区和平路 1 号' } });
    const decided = (await w.messages(online.number)).filter((m) => m.topic === 'decided');
    expect(decided[0]!.text).toContain('办理结果将通过 EMS 邮寄，寄出后告知运单号。');
    expect(await w.trackPage(online)).toContain('办理结果待邮寄，寄出后将告知 EMS 运单号。');
  });

  it('hands a result over to a 代理人 collecting it for the applicant', async () => {
    const another = await w.file({ agent: true });
    await w.decide(another.number);
    const response = await handover(another.number, { expectedRevision: await w.revisionOf(another.number), recipient: { ...AGENT, agent: true } });
    expect(response.status).toBe(200);
    expect(response.json.delivery.recipient).toMatchObject({ name: '王芳', agent: true });
    expect((await w.track(another)).history.at(-1).note).toBe('窗口领取，代领');
  });
});
