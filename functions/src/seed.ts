import { runPublishChecks } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import type { Principal } from './auth';
import type { AppDeps } from './deps';
import { createItem, publish } from './items';
import type { Department, Jurisdiction, User } from './records';

/**
 * The demo world for local mode: 示范市 with two counties, their departments and users, and
 * the seed templates published in the city. Safe to run on every start: what exists is kept.
 */

export const DEMO_CITY = '990100';

export const demoJurisdictions: Jurisdiction[] = [
  { id: DEMO_CITY, name: '示范市', level: 'city' },
  { id: '990121', name: '示范市东城县', level: 'county', parent: DEMO_CITY },
  { id: '990122', name: '示范市西河县', level: 'county', parent: DEMO_CITY },
];

function cityDepartments(): Department[] {
  const seen = new Map<string, Department>();
  for (const t of templates) seen.set(t.department.creditCode, { id: t.department.creditCode, jurisdiction: DEMO_CITY, name: t.department.name });
  return [...seen.values()];
}

const countyDepartments: Department[] = [
  { id: '11370521MB1000001J', jurisdiction: '990121', name: '东城县行政审批服务局' },
  { id: '11370522MB10000011', jurisdiction: '990122', name: '西河县行政审批服务局' },
];

const departmentOf = (name: string) => cityDepartments().find((d) => d.name === name)!.id;

export function demoUsers(): User[] {
  return [
    { id: 'platform', name: '平台管理员', role: 'platformAdmin', jurisdiction: DEMO_CITY },
    { id: 'city-admin', name: '王敏(示范市政务服务管理办)', role: 'jurisdictionAdmin', jurisdiction: DEMO_CITY },
    { id: 'estate-officer', name: '李强(不动产登记中心)', role: 'officer', jurisdiction: DEMO_CITY, department: departmentOf('示范市不动产登记中心') },
    { id: 'estate-reviewer', name: '王芳(不动产登记中心)', role: 'officer', jurisdiction: DEMO_CITY, department: departmentOf('示范市不动产登记中心') },
    { id: 'market-officer', name: '赵静(市场监督管理局)', role: 'officer', jurisdiction: DEMO_CITY, department: departmentOf('示范市市场监督管理局') },
    { id: 'hr-officer', name: '孙磊(人力资源和社会保障局)', role: 'officer', jurisdiction: DEMO_CITY, department: departmentOf('示范市人力资源和社会保障局') },
    { id: 'dongcheng-admin', name: '陈芳(东城县)', role: 'jurisdictionAdmin', jurisdiction: '990121' },
    { id: 'dongcheng-officer', name: '周涛(东城县审批局)', role: 'officer', jurisdiction: '990121', department: countyDepartments[0]!.id },
    { id: 'xihe-admin', name: '吴霞(西河县)', role: 'jurisdictionAdmin', jurisdiction: '990122' },
    { id: 'citizen', name: '张三(申请人)', role: 'citizen', jurisdiction: DEMO_CITY },
  ];
}

const seeder: Principal = { sub: 'seed', name: '初始化', role: 'platformAdmin', jurisdiction: DEMO_CITY };

export async function seedDemo(deps: AppDeps): Promise<{ published: number }> {
  const { store } = deps;
  for (const j of demoJurisdictions) await store.putJurisdiction(j);
  for (const d of [...cityDepartments(), ...countyDepartments]) await store.putDepartment(d);
  for (const u of demoUsers()) await store.putUser(u);
  let published = 0;
  for (const template of templates) {
    if (await store.getHead(DEMO_CITY, template.id)) continue;
    if (runPublishChecks(template).issues.length > 0) throw new Error(`template ${template.id} does not pass its checks`);
    await createItem(deps, seeder, DEMO_CITY, { itemId: template.id, templateId: template.id });
    await publish(deps, seeder, DEMO_CITY, template.id, { changeNote: '初始模板' });
    published++;
  }
  return { published };
}
