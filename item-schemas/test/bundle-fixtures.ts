import { ZBundleDefinition, ZItemDefinition, type BaseHead, type BaseVersions, type BundleDefinition, type BundleDefinitionInput } from '../src';
import { bundleItemTemplates, bundleTemplates, templates } from '../src/templates';

/** The seed 一件事 开办餐饮店 with its four base items at version 1, published and accepting. */

export function restaurantInput(): BundleDefinitionInput {
  return structuredClone(bundleTemplates.find((b) => b.id === 'open-restaurant')!) as BundleDefinitionInput;
}

export function restaurant(): BundleDefinition {
  return ZBundleDefinition.parse(restaurantInput());
}

export function restaurantBase(): Record<string, ReturnType<typeof ZItemDefinition.parse>> {
  const all = [...templates, ...bundleItemTemplates];
  return Object.fromEntries(restaurant().items.map((i) => [i.key, ZItemDefinition.parse(structuredClone(all.find((t) => t.id === i.itemId)))])) as BaseVersions & Record<string, ReturnType<typeof ZItemDefinition.parse>>;
}

export function publishedHeads(): Record<string, BaseHead> {
  return Object.fromEntries(restaurant().items.map((i) => [i.key, { state: 'published' as const, version: 1 }]));
}

/** An applicant opening a restaurant from scratch: a new company, hot food, seals and a water connection. */
export const fromScratch = {
  hasLicence: false,
  foodTypes: ['hot', 'drinks'],
  needSeal: true,
  needWater: true,
};

/** What each base item, applied for on its own, would be told by the same applicant. */
export const ownAnswers: Record<string, Record<string, unknown>> = {
  company: {
    companyName: '示范市老街坊餐饮有限公司',
    companyType: 'llc',
    registeredCapital: 50,
    address: '示范市人民路 8 号',
    businessScope: '餐饮服务',
    legalRepresentative: { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' },
    investors: [{ name: '张三', idNumber: '11010519491231002X', capital: 50 }],
  },
  food: {
    operatorName: '示范市老街坊餐饮有限公司',
    uscc: '91370500MA3C000029',
    legalRepresentative: { name: '张三', idCard: '11010519491231002X' },
    premises: '示范市人民路 8 号一楼',
    mainBusiness: 'restaurant',
    businessItems: ['hot', 'drinks'],
    networkSales: false,
    safetyManager: { name: '李四', idCard: '110105198001010032' },
    mobile: '13900139000',
  },
  seal: {
    unitName: '示范市老街坊餐饮有限公司',
    uscc: '91370500MA3C000029',
    legalRepresentative: { name: '张三', idCard: '11010519491231002X' },
    sealTypes: ['official', 'finance', 'invoice'],
    byAgent: false,
    mobile: '13900139000',
  },
  water: {
    customerType: 'company',
    name: '示范市老街坊餐饮有限公司',
    address: '示范市人民路 8 号一楼',
    diameter: 'DN25',
    dailyUse: 3,
    mobile: '13900139000',
  },
};
