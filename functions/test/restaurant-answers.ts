/** 开办餐饮店 answered from scratch: a new company serving hot food, one official seal, a water connection. */
export const restaurantAnswers = {
  hasLicence: false,
  foodTypes: ['hot'],
  needSeal: true,
  needWater: true,
  entityName: '示范市老街坊餐饮有限公司',
  legalRepName: '张三',
  legalRepIdCard: '11010519491231002X',
  premises: '示范市人民路 8 号一楼',
  mobile: '13900139000',
  company: {
    companyType: 'llc',
    registeredCapital: 50,
    address: '示范市人民路 8 号',
    businessScope: '餐饮服务',
    legalRepresentative: { mobile: '13800138000' },
    investors: [{ name: '张三', idNumber: '11010519491231002X', capital: 50 }],
  },
  food: { mainBusiness: 'restaurant', networkSales: false, safetyManager: { name: '李四', idCard: '110105198001010032' } },
  seal: { sealTypes: ['official'], byAgent: false },
  water: { customerType: 'company', diameter: 'DN25', dailyUse: 3 },
};

/** The same for an existing company (its 统一社会信用代码 given): the company is not registered again. */
export const restaurantWithLicence = { ...restaurantAnswers, hasLicence: true, uscc: '91370500MA3C000029', company: undefined };
