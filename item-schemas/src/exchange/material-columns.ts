import { materialForms, materialKinds, materialSources, necessities } from '../model/codes';
import { code, integer, text, yesNo } from './cells';
import { column, type Column } from './columns';
import { legalBasisCodec } from './item-columns';

/**
 * Sheet 2, 申请材料: one row per material, naming its item by 基本编码 (and 实施编码 where two items
 * share one) and itself by 材料名称. 适用情形 (a condition on the application's answers), the
 * accepted file types, blank forms and samples are not in the layout: an existing material keeps
 * them, a new one starts with the editor's defaults.
 */

export const materialKeyColumns = {
  catalogCode: column('基本编码', 'Catalogue code', 'catalogCode', text, { aliases: ['事项编码', '目录编码'] }),
  taskCode: column('实施编码', 'Implementation code', 'taskCode', text),
} as const;

export const materialColumns: readonly Column[] = [
  column('材料名称', 'Material', 'name', text, { required: true }),
  column('材料类型', 'Original or copy', 'kind', code(materialKinds), { required: true }),
  column('原件份数', 'Originals', 'originals', integer, { fallback: 0 }),
  column('复印件份数', 'Copies', 'copies', integer, { fallback: 0 }),
  column('材料形式', 'Paper or electronic', 'form', code(materialForms), { required: true }),
  column('来源渠道', 'Source', 'source', code(materialSources), { fallback: '10' }),
  column('来源说明', 'Source note', 'sourceDescription', text),
  column('出具机构', 'Issued by', 'issuer', text),
  column('出具时间要求', 'When issued', 'issueTime', text),
  column('必要性', 'Necessity', 'necessity', code(necessities), { required: true }),
  column('关键材料', 'Key material', 'key', yesNo, { fallback: false }),
  column('受理标准', 'Acceptance standard', 'acceptanceStandard', text),
  column('页数/规格', 'Pages or format', 'specification', text, { aliases: ['纸张规格', '规格'] }),
  column('签字要求', 'Signature', 'signature', text),
  column('填报须知', 'How to fill it in', 'guide', text),
  column('共享免交', 'Obtained by sharing from', 'shared.provider', text, { aliases: ['共享来源', '信息共享免交'] }),
  column('可告知承诺替代', 'Replaceable by a promise', 'promiseReplaceable', yesNo, { fallback: false }),
  column('材料依据', 'Legal basis of the material', 'legalBasis', legalBasisCodec, { fallback: [] }),
];

/** A material's keys the layout writes; the others (id, 适用情形, file types, files) stay as they are. */
export const materialKeys: readonly string[] = [...new Set(materialColumns.map((c) => c.path.split('.')[0]!))];
