import { templates } from '@onevisit/item-schemas/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF } from './files';
import { harness } from './harness';

/**
 * Who an item's applications reach: departments and their officers, the publish checks that
 * refuse an item nobody would work, moving cases between departments, finding any case, and
 * the county's own department on a claimed item.
 */

const h = await harness();
const CITY = '990100';
const COUNTY = '990121';
const NEW_DEPARTMENT = '11990100MB0000018H';
let admin: string;
let countyAdmin: string;
let hrOfficer: string;
let marketOfficer: string;

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  countyAdmin = await h.token(COUNTY, 'dongcheng-admin');
  hrOfficer = await h.token(CITY, 'hr-officer');
  marketOfficer = await h.token(CITY, 'market-officer');
});

const labour = templates.find((t) => t.id === 'labour-dispatch-licence')!;
const applicantAnswers = { applicationType: 'new', company: '示范劳务派遣有限公司', uscc: '91370500MA3C000016', registeredCapital: 300, address: '示范市人民路 9 号', contact: '刘洋', mobile: '13912345678' };

/** Applies to an item with a PDF for every material its answers require. */
async function apply(jurisdiction: string, itemId: string, answers: Record<string, unknown>) {
  const base = `/api/items/${jurisdiction}/${itemId}`;
  const checklist = await h.call('POST', `${base}/checklist`, { body: { answers } });
  const materials: Record<string, string[]> = {};
  for (const m of checklist.json.required as Array<{ id: string }>) {
    const form = new FormData();
    form.set('materialId', m.id);
    form.set('file', new File([new Uint8Array(PDF)], `${m.id}.pdf`));
    materials[m.id] = [(await h.call('POST', `${base}/uploads`, { raw: form })).json.key];
  }
  const response = await h.call('POST', `${base}/applications`, { body: { answers, materials } });
  expect(response.status, response.text).toBe(201);
  return response.json as { case: { trackingNumber: string; revision: number }; secret: string };
}

async function newItem(itemId: string, department: { name: string; creditCode: string }) {
  const created = await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId, definition: { ...structuredClone(labour), id: itemId, department } } });
  expect(created.status).toBe(201);
}

const queueOf = async (token: string) => ((await h.call('GET', '/api/officer/queue', { token })).json as Array<{ trackingNumber: string }>).map((e) => e.trackingNumber);

describe('departments', () => {
  it('are listed with their 性质 and officers', async () => {
    const list = await h.call('GET', `/api/admin/${CITY}/departments`, { token: admin });
    expect(list.status).toBe(200);
    expect(list.json).toContainEqual(expect.objectContaining({ name: '示范市人力资源和社会保障局', nature: '1', officers: [{ id: 'hr-officer', name: '孙磊(人力资源和社会保障局)' }] }));
    // Every seeded department has someone to accept its cases.
    expect(list.json.filter((d: { officers: unknown[] }) => d.officers.length === 0)).toEqual([]);
  });

  it('are created with a valid code and a name of their own; anything else is refused and changes nothing', async () => {
    const before = await h.recordCount();
    const badCode = await h.call('PUT', `/api/admin/${CITY}/departments/11990100MB0000018X`, { token: admin, body: { name: '示范市新设办公室' } });
    expect(badCode.status).toBe(400);
    expect(badCode.json.message).toMatch(/统一社会信用代码不正确/);
    const taken = await h.call('PUT', `/api/admin/${CITY}/departments/${NEW_DEPARTMENT}`, { token: admin, body: { name: '示范市教育局' } });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ code: 'DEPARTMENT_NAME_TAKEN', message: '本区划已有名为「示范市教育局」的部门' });
    expect(await h.recordCount()).toBe(before);

    const created = await h.call('PUT', `/api/admin/${CITY}/departments/${NEW_DEPARTMENT}`, { token: admin, body: { name: '示范市新设办公室', nature: '2' } });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ id: NEW_DEPARTMENT, jurisdiction: CITY, name: '示范市新设办公室', nature: '2', officers: [] });
  });

  it('are not another jurisdiction’s to change', async () => {
    const response = await h.call('PUT', `/api/admin/${CITY}/departments/${NEW_DEPARTMENT}`, { token: countyAdmin, body: { name: '改名' } });
    expect(response.status).toBe(403);
  });
});

describe('publishing checks that applications reach someone', () => {
  it('refuses a department that is not the jurisdiction’s, naming the field', async () => {
    await newItem('typed-department', { name: '示范市劳动局', creditCode: '11990100MB0000026C' });
    const checks = await h.call('POST', `/api/admin/${CITY}/items/typed-department/checks`, { token: admin });
    expect(checks.json.issues).toContainEqual(expect.objectContaining({ code: 'DEPARTMENT_UNKNOWN', path: '/department' }));
    const published = await h.call('POST', `/api/admin/${CITY}/items/typed-department/publish`, { token: admin });
    expect(published.status).toBe(422);
    expect(published.json.details).toContainEqual(expect.objectContaining({ code: 'DEPARTMENT_UNKNOWN', message: expect.stringContaining('「实施主体」示范市劳动局不是本区划的部门') }));
    // Publishing no longer invents a department from what was typed.
    expect((await h.store.listDepartments(CITY)).map((d) => d.name)).not.toContain('示范市劳动局');
  });

  it('refuses a department with no officer until one is added; then the application reaches that officer', async () => {
    await newItem('new-office-item', { name: '示范市新设办公室', creditCode: NEW_DEPARTMENT });
    const refused = await h.call('POST', `/api/admin/${CITY}/items/new-office-item/publish`, { token: admin });
    expect(refused.status).toBe(422);
    expect(refused.json.details).toContainEqual(expect.objectContaining({ code: 'DEPARTMENT_NO_OFFICER', path: '/department' }));

    const added = await h.call('POST', `/api/admin/${CITY}/departments/${NEW_DEPARTMENT}/officers`, { token: admin, body: { name: '新同事' } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ name: '新同事', role: 'officer', department: NEW_DEPARTMENT });
    expect((await h.call('POST', `/api/admin/${CITY}/items/new-office-item/publish`, { token: admin })).status).toBe(201);

    const filed = await apply(CITY, 'new-office-item', applicantAnswers);
    const officer = await h.token(CITY, added.json.id);
    expect(await queueOf(officer)).toContain(filed.case.trackingNumber);
  });

  it('lists published items and open cases whose department nobody works, and removing the last officer shows them', async () => {
    const list = await h.call('GET', `/api/admin/${CITY}/departments`, { token: admin });
    const officer = list.json.find((d: { id: string }) => d.id === NEW_DEPARTMENT).officers[0];
    expect((await h.call('GET', `/api/admin/${CITY}/unreachable`, { token: admin })).json).toEqual({ items: [], cases: [] });
    expect((await h.call('DELETE', `/api/admin/${CITY}/departments/${NEW_DEPARTMENT}/officers/${officer.id}`, { token: admin })).status).toBe(204);
    const stranded = await h.call('GET', `/api/admin/${CITY}/unreachable`, { token: admin });
    expect(stranded.json.items).toEqual([{ itemId: 'new-office-item', name: '劳务派遣行政许可', department: '示范市新设办公室', reason: 'noOfficer', published: true }]);
    expect(stranded.json.cases).toEqual([expect.objectContaining({ itemName: '劳务派遣行政许可', departmentId: NEW_DEPARTMENT, reason: 'noOfficer', status: 'received' })]);
  });
});

describe('moving a case to another department', () => {
  it('puts it in that department’s queue with an entry in its history the applicant does not see', async () => {
    const stranded = (await h.call('GET', `/api/admin/${CITY}/unreachable`, { token: admin })).json.cases[0];
    const hr = '11370500MB1000003B';
    const moved = await h.call('POST', `/api/admin/${CITY}/cases/${stranded.trackingNumber}/reassign`, { token: admin, body: { department: hr, reason: '新设办公室尚无人员，由人社局办理', expectedRevision: stranded.revision } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.departmentId).toBe(hr);
    expect(moved.json.history.at(-1)).toMatchObject({ action: 'reassign', actor: 'city-admin', internal: true, note: '由「示范市新设办公室」移交「示范市人力资源和社会保障局」：新设办公室尚无人员，由人社局办理' });
    expect(await queueOf(hrOfficer)).toContain(stranded.trackingNumber);
    expect((await h.call('GET', `/api/admin/${CITY}/unreachable`, { token: admin })).json.cases).toEqual([]);
    // The officers there are told.
    await h.delivered();
    expect(await h.store.inboxOf(CITY, `dept:${hr}`)).toContainEqual(expect.objectContaining({ trackingNumber: stranded.trackingNumber, topic: 'reassigned' }));
  });

  it('refuses a stale revision, an unknown department, officers and other jurisdictions, changing nothing', async () => {
    const filed = await apply(CITY, 'labour-dispatch-licence', applicantAnswers);
    const path = `/api/admin/${CITY}/cases/${filed.case.trackingNumber}/reassign`;
    const market = '11370500MB1000006L';
    const before = await h.recordCount();
    expect((await h.call('POST', path, { token: admin, body: { department: market, reason: '转', expectedRevision: 0 } })).json.code).toBe('CASE_CHANGED');
    expect((await h.call('POST', path, { token: admin, body: { department: '11990100MB0000026C', reason: '转', expectedRevision: filed.case.revision } })).json.code).toBe('DEPARTMENT_UNKNOWN');
    expect((await h.call('POST', path, { token: admin, body: { department: market, reason: '', expectedRevision: filed.case.revision } })).status).toBe(400);
    expect((await h.call('POST', path, { token: hrOfficer, body: { department: market, reason: '转', expectedRevision: filed.case.revision } })).status).toBe(403);
    expect((await h.call('POST', path.replace(`/${CITY}/`, `/${COUNTY}/`), { token: countyAdmin, body: { department: market, reason: '转', expectedRevision: filed.case.revision } })).status).toBe(404);
    expect(await h.recordCount()).toBe(before);
  });
});

describe('finding cases', () => {
  it('by applicant, item and status, open or closed, newest first; officers only among their own department’s', async () => {
    const mine = await apply(CITY, 'labour-dispatch-licence', { ...applicantAnswers, company: '青松人力资源有限公司' });
    const byApplicant = await h.call('GET', `/api/cases?applicant=${encodeURIComponent('青松')}`, { token: admin });
    expect(byApplicant.json.cases).toEqual([expect.objectContaining({ trackingNumber: mine.case.trackingNumber, applicant: '青松人力资源有限公司', itemName: '劳务派遣行政许可', status: 'received' })]);
    const byId = await h.call('GET', `/api/cases?applicant=91370500MA3C000016&itemId=labour-dispatch-licence`, { token: admin });
    expect(byId.json.cases.length).toBeGreaterThanOrEqual(2);

    // The officer of another department finds nothing of these, even by number.
    expect((await h.call('GET', `/api/cases?number=${mine.case.trackingNumber}`, { token: marketOfficer })).json.cases).toEqual([]);
    expect((await h.call('GET', `/api/cases?number=${mine.case.trackingNumber}`, { token: hrOfficer })).json.cases).toHaveLength(1);

    // Withdrawn, it leaves the queue but is still found.
    const withdrawn = await h.call('POST', `/api/track/${mine.case.trackingNumber}/actions`, { body: { secret: mine.secret, action: { type: 'withdraw' } } });
    expect(withdrawn.json.status).toBe('withdrawn');
    expect(await queueOf(hrOfficer)).not.toContain(mine.case.trackingNumber);
    const closed = await h.call('GET', '/api/cases?status=withdrawn', { token: hrOfficer });
    expect(closed.json.cases.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(mine.case.trackingNumber);
  });

  it('a page at a time, and refuses a forged cursor or an unknown status', async () => {
    const first = await h.call('GET', '/api/cases?limit=1', { token: admin });
    expect(first.json.cases).toHaveLength(1);
    const second = await h.call('GET', `/api/cases?limit=1&cursor=${first.json.cursor}`, { token: admin });
    expect(second.json.cases).toHaveLength(1);
    expect(second.json.cases[0].trackingNumber).not.toBe(first.json.cases[0].trackingNumber);
    const forged = Buffer.from(JSON.stringify({ pk: 'J#990121#CASE#x', sk: 'CASE', gsi3pk: 'J#990121#CASES', gsi3sk: 'x' })).toString('base64url');
    expect((await h.call('GET', `/api/cases?cursor=${forged}`, { token: admin })).json.code).toBe('INVALID_CURSOR');
    expect((await h.call('GET', '/api/cases?cursor=%%%', { token: admin })).status).toBe(400);
    expect((await h.call('GET', '/api/cases?status=lost', { token: admin })).json).toMatchObject({ code: 'INVALID_STATUS', message: '没有这种办件状态：lost' });
    expect((await h.call('GET', '/api/cases')).status).toBe(401);
  });
});

describe('the 查询码', () => {
  it('is 8 characters without look-alikes, sent in the receipt SMS, and accepted in lower case with spaces', async () => {
    const filed = await apply(CITY, 'labour-dispatch-licence', applicantAnswers);
    expect(filed.secret).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    await h.delivered();
    const sms = h.sent.find((m) => m.trackingNumber === filed.case.trackingNumber && m.channel === 'sms');
    expect(sms?.text).toContain(`查询码 ${filed.secret.slice(0, 4)} ${filed.secret.slice(4)}`);
    // Not in the outbox the administrators read: they cannot follow (or rate) the case as its applicant.
    const kept = (await h.store.outboxOf(CITY, '2026-03-02')).find((m) => m.trackingNumber === filed.case.trackingNumber && m.channel === 'sms');
    expect([kept?.text.includes('查询码 ****'), kept?.text_en?.includes('tracking code ****'), JSON.stringify(kept).includes(filed.secret.slice(4))]).toEqual([true, true, false]);
    const typed = `${filed.secret.slice(0, 4).toLowerCase()} ${filed.secret.slice(4).toLowerCase()}`;
    const track = (secret: string) => h.call('GET', `/api/track/${filed.case.trackingNumber}`, { headers: { 'x-tracking-secret': secret } });
    expect((await track(typed)).status).toBe(200);
    expect((await track(filed.secret.slice(0, 7))).status).toBe(404);
  });
});

describe('claiming in a county', () => {
  it('gives the clone the county’s matching department, else its approval bureau', async () => {
    const claimed = await h.call('POST', `/api/admin/${COUNTY}/clones`, { token: countyAdmin, body: { itemIds: ['company-registration', 'putonghua-test'] } });
    expect(claimed.json.results).toEqual([
      { itemId: 'company-registration', status: 'cloned', department: '东城县市场监督管理局' },
      { itemId: 'putonghua-test', status: 'cloned', department: '东城县行政审批服务局' },
    ]);
    const draft = await h.call('GET', `/api/admin/${COUNTY}/items/company-registration/draft`, { token: countyAdmin });
    expect(draft.json.definition.department).toEqual({ name: '东城县市场监督管理局', creditCode: '11370521MB1000002M', nature: '1' });
    expect((await h.call('POST', `/api/admin/${COUNTY}/items/company-registration/publish`, { token: countyAdmin })).status).toBe(201);
  });
});
