import foodLicence from '../../templates/food-licence.json' with { type: 'json' };
import sealEngraving from '../../templates/seal-engraving.json' with { type: 'json' };
import type { ItemDefinitionInput } from '../model/item';
import type { BundleDefinitionInput } from './model';

/**
 * The seed 一件事 and the base items it needs beyond the seeded ones. 开办餐饮店 (国办发〔2025〕24号's
 * 开餐馆 一件事): 企业设立登记 first, then 食品经营许可, 公章刻制 and 供水报装 in parallel, in the
 * demo city. The two base templates are kept apart from the seeded list until the demo world
 * has an officer at 示范市公安局 to take 公章刻制's cases.
 */

export const bundleItemTemplates: readonly ItemDefinitionInput[] = [foodLicence as ItemDefinitionInput, sealEngraving as ItemDefinitionInput];

const CITY = '990100';

const dishes = {
  type: 'string',
  oneOf: [
    { const: 'hot', title: '热食类食品制售' },
    { const: 'cold', title: '冷食类食品制售' },
    { const: 'raw', title: '生食类食品制售' },
    { const: 'drinks', title: '自制饮品制售' },
    { const: 'packaged', title: '预包装食品销售' },
  ],
};

export const openRestaurant: BundleDefinitionInput = {
  kind: 'bundle',
  id: 'open-restaurant',
  name: '开办餐饮店',
  keywords: ['开餐馆', '开饭店', '开饭馆', '开餐厅'],
  leadDepartment: { name: '示范市市场监督管理局', creditCode: '11370500MB1000006L', nature: '1' },
  cooperatingDepartments: [
    { name: '示范市公安局', creditCode: '11370500MB10000204', nature: '1' },
    { name: '示范市供水有限公司', creditCode: '91370500MA3C000016', nature: '2' },
  ],
  items: [
    { key: 'company', jurisdiction: CITY, itemId: 'company-registration', version: 1, when: { field: 'hasLicence', op: 'eq', value: false } },
    {
      key: 'food',
      jurisdiction: CITY,
      itemId: 'food-licence',
      version: 1,
      // 仅销售预包装食品的，备案即可，不需要许可(食品安全法 第三十五条).
      when: { any: ['hot', 'cold', 'raw', 'drinks'].map((value) => ({ field: 'foodTypes', op: 'contains' as const, value })) },
    },
    { key: 'seal', jurisdiction: CITY, itemId: 'seal-engraving', version: 1, when: { field: 'needSeal', op: 'eq', value: true } },
    { key: 'water', jurisdiction: CITY, itemId: 'water-connection', version: 1, when: { field: 'needWater', op: 'eq', value: true } },
  ],
  stages: [
    { name: '企业登记', items: ['company'] },
    { name: '许可和开业准备', items: ['food', 'seal', 'water'] },
  ],
  scenario: {
    schema: {
      type: 'object',
      properties: {
        hasLicence: { type: 'boolean', title: '是否已取得营业执照', default: false },
        foodTypes: { type: 'array', title: '经营项目', minItems: 1, uniqueItems: true, items: dishes },
        needSeal: { type: 'boolean', title: '是否需要刻制公章', default: true },
        needWater: { type: 'boolean', title: '是否需要新装用水', default: false },
      },
      required: ['hasLicence', 'foodTypes', 'needSeal', 'needWater'],
    },
    uiSchema: {
      'ui:order': ['hasLicence', 'foodTypes', 'needSeal', 'needWater'],
      hasLicence: { 'ui:widget': 'radio' },
      foodTypes: { 'ui:widget': 'checkboxes' },
      needSeal: { 'ui:widget': 'radio' },
      needWater: { 'ui:widget': 'radio' },
    },
    visibleWhen: {},
  },
  fields: [
    { key: 'foodTypes', title: '经营项目', map: { food: 'businessItems' } },
    { key: 'entityName', title: '企业名称', map: { company: 'companyName', food: 'operatorName', seal: 'unitName', water: 'name' } },
    { key: 'legalRepName', title: '法定代表人姓名', map: { company: 'legalRepresentative.name', food: 'legalRepresentative.name', seal: 'legalRepresentative.name' } },
    { key: 'legalRepIdCard', title: '法定代表人身份证号码', map: { company: 'legalRepresentative.idCard', food: 'legalRepresentative.idCard', seal: 'legalRepresentative.idCard' } },
    // A company registered in this application gets its code with its 营业执照: nobody is asked it.
    { key: 'uscc', title: '统一社会信用代码', map: { food: 'uscc', seal: 'uscc' }, fromResultOf: 'company' },
    { key: 'premises', title: '经营场所', map: { food: 'premises', water: 'address' } },
    { key: 'mobile', title: '联系电话', map: { food: 'mobile', seal: 'mobile', water: 'mobile' } },
  ],
  materials: [
    { key: 'premisesProof', name: '住所(经营场所)使用证明', map: { company: 'premises', water: 'property-proof' } },
    { key: 'businessLicence', name: '营业执照', map: { food: 'business-licence', seal: 'business-licence', water: 'applicant-id' } },
  ],
  delivery: 'together',
  onChildDenied: 'continue',
};

export const bundleTemplates: readonly BundleDefinitionInput[] = [openRestaurant];
