import { z } from 'zod';

/** Codes with their Chinese and English labels, kept in the schema so every renderer shows them. */
export type Labels<K extends string> = Record<K, readonly [zh: string, en: string]>;

/** Codes in display order: object keys put integer-like codes ('10') before others ('01'), so numeric codes are sorted back. */
export function orderedCodes<K extends string>(labels: Labels<K>): K[] {
  const keys = Object.keys(labels) as K[];
  return keys.every((k) => /^\d+$/.test(k)) ? keys.sort() : keys;
}

export function codeList<K extends string>(labels: Labels<K>) {
  return z.enum(orderedCodes(labels) as [K, ...K[]]).meta({ labels });
}

export const itemTypes = {
  '01': ['行政许可', 'Administrative licence'],
  '02': ['行政处罚', 'Administrative penalty'],
  '03': ['行政强制', 'Administrative enforcement'],
  '04': ['行政征收', 'Administrative levy'],
  '05': ['行政给付', 'Administrative benefit'],
  '06': ['行政检查', 'Administrative inspection'],
  '07': ['行政确认', 'Administrative confirmation'],
  '08': ['行政奖励', 'Administrative reward'],
  '09': ['行政裁决', 'Administrative ruling'],
  '10': ['其他行政权力', 'Other administrative power'],
  '20': ['公共服务', 'Public service'],
  '21': ['行政备案', 'Administrative filing'],
} as const;

export const levels = {
  '1': ['国家级', 'National'],
  '2': ['省级', 'Provincial'],
  '3': ['市级', 'City'],
  '4': ['县级', 'County'],
  '5': ['乡镇(街道)级', 'Township'],
  '6': ['村(社区)级', 'Village'],
  '7': ['分级管理', 'Tiered'],
} as const;

export const targets = {
  '1': ['自然人', 'Natural person'],
  '2': ['企业法人', 'Enterprise'],
  '3': ['事业法人', 'Public institution'],
  '4': ['社会组织法人', 'Social organisation'],
  '5': ['行政机关', 'Government body'],
  '6': ['其他组织', 'Other organisation'],
} as const;

export const channels = {
  '1': ['窗口办理', 'At the window'],
  '2': ['电脑端网上办理', 'Online (desktop)'],
  '3': ['移动端办理', 'Mobile'],
  '4': ['快递申请', 'By post'],
} as const;

export const onlineDepths = {
  '1': ['Ⅰ级 网上咨询', 'Level I: enquiries'],
  '2': ['Ⅱ级 网上收件/预审', 'Level II: online pre-review'],
  '3': ['Ⅲ级 网上受理', 'Level III: online acceptance'],
  '4': ['Ⅳ级 全程网办', 'Level IV: fully online'],
} as const;

export const materialSources = {
  '10': ['申请人自备', 'Applicant'],
  '20': ['政府部门核发', 'Issued by a government department'],
  '30': ['中介机构出具', 'Issued by an intermediary'],
  '99': ['其他', 'Other'],
} as const;

/**
 * File types a material may accept: documents and images an officer can open without running
 * anything (no markup, archives or scripts), each recognised from its content.
 */
export const materialFileTypes = {
  'application/pdf': ['PDF 文档', 'PDF document'],
  'image/jpeg': ['JPG 图片', 'JPG image'],
  'image/png': ['PNG 图片', 'PNG image'],
  'image/tiff': ['TIFF 图片', 'TIFF image'],
  'image/webp': ['WEBP 图片', 'WEBP image'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['Word 文档(DOCX)', 'Word document (DOCX)'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['Excel 表格(XLSX)', 'Excel workbook (XLSX)'],
} as const;
