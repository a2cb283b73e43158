/** The comparisons conditions may use, with their Chinese and English names (kept free of zod: browsers load it). */
export const operators = {
  eq: ['等于', 'equals'],
  ne: ['不等于', 'does not equal'],
  gt: ['大于', 'is greater than'],
  gte: ['大于或等于', 'is at least'],
  lt: ['小于', 'is less than'],
  lte: ['小于或等于', 'is at most'],
  in: ['属于其中之一', 'is one of'],
  notIn: ['不属于其中任何一个', 'is none of'],
  contains: ['包含', 'contains'],
  isSet: ['已填写', 'is answered'],
  isNotSet: ['未填写', 'is not answered'],
} as const;
export type Operator = keyof typeof operators;
