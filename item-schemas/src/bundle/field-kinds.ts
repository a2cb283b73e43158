import type { FormField } from '../form-fields';
import { fieldsByPath, fieldTitle } from './base';

/**
 * What a base item's field asks, whatever its key: an ID number, a 统一社会信用代码, a mobile …
 * (by format, else by title), and whose answer it is (the 法定代表人's, an 经办人's, the
 * applicant's). The merge proposal joins fields by these; the result checks find the codes an
 * earlier item issues.
 */

export type Kind = 'idCard' | 'uscc' | 'mobile' | 'postcode' | 'email' | 'name' | 'entityName' | 'domicile' | 'premises' | 'address';

const byFormat: Record<string, Kind> = { 'cn-id-card': 'idCard', 'cn-uscc': 'uscc', 'cn-mobile': 'mobile', 'cn-postcode': 'postcode', email: 'email' };

const byTitle: ReadonlyArray<[RegExp, Kind]> = [
  [/身份证/, 'idCard'],
  [/统一社会信用代码|信用代码/, 'uscc'],
  [/手机|联系电话|移动电话/, 'mobile'],
  [/邮政编码|邮编/, 'postcode'],
  [/电子邮箱|邮箱/, 'email'],
  [/姓名/, 'name'],
  [/(企业|单位|经营者|申请人|机构|公司|主体).*名称|^名称$/, 'entityName'],
  [/住所/, 'domicile'],
  [/经营场所|经营地址|场所地址|(用水|用电|用气|安装)地址/, 'premises'],
  [/地址/, 'address'],
];

/** Kinds that belong to a person, so whose they are matters: the 法定代表人's mobile is not the 经办人's. */
export const PERSONAL: ReadonlySet<Kind> = new Set(['idCard', 'mobile', 'email', 'name']);

export function kindOf(field: FormField): Kind | undefined {
  if (field.format && byFormat[field.format]) return byFormat[field.format];
  if (field.type !== 'string' || field.options) return undefined;
  return byTitle.find(([pattern]) => pattern.test(field.title))?.[1];
}

/** Whose answer it is: the 法定代表人, an 经办人, the group it sits in, or the applicant. */
export function roleOf(schema: Record<string, unknown>, field: FormField): { role: string; keyPrefix: string } {
  const titles = fieldTitle(schema, field.path);
  if (/法定代表人|法人代表|负责人/.test(titles)) return { role: 'legalRep', keyPrefix: 'legalRep' };
  if (/经办人|代理人|受托人/.test(titles)) return { role: 'agent', keyPrefix: 'agent' };
  const parts = field.path.split('.');
  if (parts.length === 1) return { role: 'applicant', keyPrefix: '' };
  const group = fieldsByPath(schema).get(parts.slice(0, -1).join('.'))?.title ?? parts.slice(0, -1).join('.');
  return { role: `group:${group}`, keyPrefix: parts.slice(0, -1).join('_') };
}
