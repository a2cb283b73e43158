import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { restaurantWithLicence } from './restaurant-answers';

/**
 * 短信评价 of a 一件事: the SMS telling the applicant one of its items is decided invites a reply,
 * and the reply rates the whole application (every item's case, with the channel 短信) once all
 * its items are decided; before then it is told to reply again.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const BUNDLE = 'open-restaurant';
const MOBILE = restaurantWithLicence.mobile;
const answers = restaurantWithLicence;
const documents = ['food__application', 'food__layout', 'seal__seal-application', 'water__application'];

async function act(officer: string, number: string, action: Record<string, unknown>) {
  const token = await h.token(CITY, officer);
  const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token });
  const response = await h.call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: json.case.revision, ...action } });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  await h.delivered();
}

let replies = 0;
async function reply(body: string, id = `bundle-in-${++replies}`) {
  const response = await h.call('POST', '/api/dev/sms-replies', { body: { originationNumber: `+86${MOBILE}`, messageBody: body, inboundMessageId: id } });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  await h.delivered();
  return response.json as { outcome: string; reply?: string };
}

describe('短信评价 of a 一件事', () => {
  it('invites with an item’s decision, waits for every item, then rates them all by one reply', async () => {
    const materials = Object.fromEntries(await Promise.all(documents.map(async (id): Promise<[string, string[]]> => [id, [await h.uploaded(CITY, BUNDLE, id)]])));
    const applied = await h.call('POST', `/api/items/${CITY}/${BUNDLE}/applications`, { body: { answers, materials } });
    expect(applied.status, JSON.stringify(applied.json)).toBe(201);
    const parent = applied.json.case.trackingNumber as string;
    const numberOf = (key: string) => applied.json.case.children.find((c: { key: string }) => c.key === key).trackingNumber as string;

    await act('police-officer', numberOf('seal'), { type: 'accept' });
    await act('police-officer', numberOf('seal'), { type: 'completeStep', outcome: 'pass', result: { name: '印章备案回执' } });
    const invitation = h.sent.find((m) => m.channel === 'sms' && m.trackingNumber === numberOf('seal') && m.topic === 'decided');
    expect(invitation?.text).toContain('回复数字评价本次服务：1非常满意');

    const early = await reply('1');
    expect(early).toMatchObject({ outcome: 'notYet', reply: `「开办餐饮店」(${parent})还有事项在办理，全部办结后请再回复数字评价。` });
    expect(await h.store.getRating(CITY, numberOf('seal'), 'case')).toBeUndefined();

    await act('market-officer', numberOf('food'), { type: 'notAccept', reason: '经营场所与申请不符' });
    await act('water-officer', numberOf('water'), { type: 'notAccept', reason: '该地址不在供水管网覆盖范围' });
    const done = await reply('2', 'bundle-rated');
    expect(done).toMatchObject({ outcome: 'rated', reply: `已收到您对「开办餐饮店」(${parent})的评价：满意。感谢您的参与。` });
    for (const key of ['food', 'seal', 'water']) expect(await h.store.getRating(CITY, numberOf(key), 'case'), key).toMatchObject({ level: 2, channel: 'sms' });
    expect((await h.store.getBundleCase(CITY, parent))?.rating).toMatchObject({ level: 2 });

    // The gateway handing the same reply on again sends nothing more; another reply is told it was rated.
    const sent = h.sent.length;
    await reply('2', 'bundle-rated');
    expect(h.sent.length).toBe(sent);
    expect(await reply('5 太慢')).toMatchObject({ outcome: 'ratedAlready', reply: `您已对「开办餐饮店」(${parent})作出评价，感谢您的参与。` });
    const onTrack = await h.call('POST', `/api/track/${parent}/actions`, { body: { secret: applied.json.secret, action: { type: 'rate', level: 5 } } });
    expect(onTrack.json).toMatchObject({ code: 'RATED_ALREADY', message: '本件已评价' });
  });
});
