import { runPublishChecks } from '@onevisit/item-schemas';
import { bundleItemTemplates, bundleTemplates, templates } from '@onevisit/item-schemas/templates';
import type { Principal } from './auth';
import { departmentsOnRecord } from './departments';
import { createBundle, publishBundle } from './bundles/publishing';
import type { AppDeps } from './deps';
import { createItem, publish } from './items';
import type { DepartmentRecord, Jurisdiction, User } from './records';

/**
 * The demo world for local mode: 示范市 with two counties, their departments and users, the
 * seed templates published in the city, and the seed 一件事 (开办餐饮店) once its base items are.
 * Every department has an officer, so every seeded item's applications reach someone. Safe to
 * run on every start: what exists is kept.
 */

export const DEMO_CITY = '990100';
const DONGCHENG = '990121';
const XIHE = '990122';

/** Every item seeded in the city: the templates, and the base items the seed 一件事 need beyond them. */
const seededItems = [...templates, ...bundleItemTemplates];

export const demoJurisdictions: Jurisdiction[] = [
  { id: DEMO_CITY, name: '示范市', level: 'city' },
  { id: DONGCHENG, name: '示范市东城县', level: 'county', parent: DEMO_CITY },
  { id: XIHE, name: '示范市西河县', level: 'county', parent: DEMO_CITY },
];

/** The city's departments are those its templates name; the counties have an approval bureau and a market regulator. */
function demoDepartments(): DepartmentRecord[] {
  const city = new Map<string, DepartmentRecord>();
  for (const t of seededItems) city.set(t.department.creditCode, { id: t.department.creditCode, jurisdiction: DEMO_CITY, name: t.department.name, nature: t.department.nature ?? '1' });
  return [
    ...city.values(),
    { id: '11370521MB1000001J', jurisdiction: DONGCHENG, name: '东城县行政审批服务局', nature: '1' },
    { id: '11370521MB1000002M', jurisdiction: DONGCHENG, name: '东城县市场监督管理局', nature: '1' },
    { id: '11370522MB10000011', jurisdiction: XIHE, name: '西河县行政审批服务局', nature: '1' },
  ];
}

/** Officers by department name, with a stable id each; the first named are the ones the README mentions. */
const officers: Array<[id: string, name: string, department: string]> = [
  ['estate-officer', '李强(不动产登记中心)', '示范市不动产登记中心'],
  ['estate-reviewer', '王芳(不动产登记中心)', '示范市不动产登记中心'],
  ['market-officer', '赵静(市场监督管理局)', '示范市市场监督管理局'],
  ['hr-officer', '孙磊(人力资源和社会保障局)', '示范市人力资源和社会保障局'],
  ['agri-officer', '钱勇(农业农村局)', '示范市农业农村局'],
  ['approval-officer', '郑洁(行政审批服务局)', '示范市行政审批服务局'],
  ['urban-officer', '冯军(城市管理局)', '示范市城市管理局'],
  ['edu-officer', '何丽(教育局)', '示范市教育局'],
  ['insurance-officer', '林涛(社会保险事业中心)', '示范市社会保险事业中心'],
  ['power-officer', '高峰(供电公司)', '国网示范供电公司'],
  ['water-officer', '罗敏(供水公司)', '示范市供水有限公司'],
  ['police-officer', '马超(公安局)', '示范市公安局'],
  ['dongcheng-officer', '周涛(东城县审批局)', '东城县行政审批服务局'],
  ['dongcheng-market-officer', '吴刚(东城县市场监管局)', '东城县市场监督管理局'],
  ['xihe-officer', '陈静(西河县审批局)', '西河县行政审批服务局'],
];

export function demoUsers(): User[] {
  const departments = demoDepartments();
  const officer = ([id, name, departmentName]: (typeof officers)[number]): User => {
    const d = departments.find((x) => x.name === departmentName)!;
    return { id, name, role: 'officer', jurisdiction: d.jurisdiction, department: d.id };
  };
  return [
    { id: 'platform', name: '平台管理员', role: 'platformAdmin', jurisdiction: DEMO_CITY },
    { id: 'city-admin', name: '王敏(示范市政务服务管理办)', role: 'jurisdictionAdmin', jurisdiction: DEMO_CITY },
    { id: 'dongcheng-admin', name: '陈芳(东城县)', role: 'jurisdictionAdmin', jurisdiction: DONGCHENG },
    { id: 'xihe-admin', name: '吴霞(西河县)', role: 'jurisdictionAdmin', jurisdiction: XIHE },
    { id: 'window-officer', name: '刘洋(市民中心综合窗口)', role: 'windowOfficer', jurisdiction: DEMO_CITY },
    ...officers.map(officer),
    { id: 'citizen', name: '张三(申请人)', role: 'citizen', jurisdiction: DEMO_CITY },
  ];
}

const seeder: Principal = { sub: 'seed', name: '初始化', role: 'platformAdmin', jurisdiction: DEMO_CITY };

export async function seedDemo(deps: AppDeps): Promise<{ published: number }> {
  const { store } = deps;
  for (const j of demoJurisdictions) await store.putJurisdiction(j);
  for (const d of demoDepartments()) await store.putDepartment(d);
  for (const u of demoUsers()) await store.putUser(u);
  const departments = await departmentsOnRecord(deps, DEMO_CITY);
  let published = 0;
  for (const template of seededItems) {
    if (await store.getHead(DEMO_CITY, template.id)) continue;
    const issues = runPublishChecks(template, { departments }).issues;
    if (issues.length > 0) throw new Error(`template ${template.id} does not pass its checks: ${issues.map((i) => i.message).join('; ')}`);
    await createItem(deps, seeder, DEMO_CITY, { itemId: template.id, definition: structuredClone(template) as Record<string, unknown> });
    await publish(deps, seeder, DEMO_CITY, template.id, { changeNote: '初始模板' });
    published++;
  }
  for (const bundle of bundleTemplates) {
    if ((await store.getBundleHead(DEMO_CITY, bundle.id))?.version) continue;
    if (!(await store.getBundleHead(DEMO_CITY, bundle.id))) await createBundle(deps, seeder, DEMO_CITY, { bundleId: bundle.id, templateId: bundle.id });
    await publishBundle(deps, seeder, DEMO_CITY, bundle.id, { changeNote: '初始模板' });
  }
  return { published };
}
