import {
  businessKinds,
  caseTypes,
  channels,
  corporateThemes,
  crossRegionScopes,
  deliveryMethods,
  departmentNatures,
  itemTypes,
  levels,
  missedSupplementPolicies,
  onlineServices,
  personalThemes,
  powerSources,
  resultTypes,
  specialProcedureKinds,
  targets,
  timeUnits,
} from '../model/codes';
import { code, codes, creditCode, date, integer, text, words, yesNo } from './cells';
import { column, type Column } from './columns';
import { entries, type Part } from './entries';

/**
 * Sheet 1, 事项: one row per item, one column per national element (GB/T 39046-2020 表4 and the
 * national exchange tables; DOMAIN.md §1 and §6) with the item's 简称 beside its name, then the
 * local elements (容缺, 告知承诺, 超时默认, 搜索关键词). Steps, the intake form, files and
 * conditions are not in the national layout.
 */

const part = (zh: string, en: string, path: string, codec: Part['codec'], extra: Partial<Part> = {}): Part => ({ zh, en, path, codec, ...extra });

const legalBasisParts = [part('法律法规名称', 'Law or regulation', 'law', text), part('文号', 'Document number', 'documentNumber', text), part('条款号', 'Clause', 'clause', text), part('条款内容', 'Text', 'text', text)];
export const legalBasisCodec = entries(legalBasisParts);

const organisations = entries([part('机构名称', 'Name', 'name', text), part('统一社会信用代码', 'Credit code', 'creditCode', creditCode)]);
const limitParts = (path: string) => [
  part('时限', 'Limit', `${path}.value`, integer),
  part('时限单位', 'Limit unit', `${path}.unit`, code(timeUnits), { fallback: 'workday', fallbackWith: `${path}.value` }),
];

export const itemColumns: readonly Column[] = [
  column('事项名称', 'Item name', 'name', text, { required: true }),
  column('简称', 'Short name', 'shortName', text, { aliases: ['事项简称'] }),
  column('基本编码', 'Catalogue code', 'catalogCode', text, { required: true, aliases: ['事项编码', '目录编码'] }),
  column('实施编码', 'Implementation code', 'taskCode', text),
  column('事项类型', 'Item type', 'itemType', code(itemTypes), { required: true }),
  column('行使层级', 'Levels exercising it', 'levels', codes(levels), { required: true }),
  column('实施主体', 'Implementing department', 'department.name', text, { required: true, aliases: ['实施主体名称', '实施机构'] }),
  column('实施主体编码', 'Department credit code', 'department.creditCode', creditCode, { required: true, aliases: ['实施主体统一社会信用代码', '统一社会信用代码', '实施机构编码'] }),
  column('实施主体性质', 'Department status', 'department.nature', code(departmentNatures), { fallback: '1' }),
  column('权力来源', 'Source of the power', 'powerSource', code(powerSources), { fallback: 'own' }),
  column('设定依据', 'Legal basis', 'legalBasis', legalBasisCodec, { fallback: [] }),
  column('主项编码', 'Main item code', 'tree.mainItem.code', text),
  column('主项名称', 'Main item name', 'tree.mainItem.name', text),
  column('子项编码', 'Sub-item code', 'tree.subItem.code', text),
  column('子项名称', 'Sub-item name', 'tree.subItem.name', text),
  column('业务办理项类型', 'Business item kind', 'tree.businessKind', code(businessKinds), { aliases: ['业务办理项'] }),
  column('权限划分', 'Division of authority', 'authorityDivision', text),
  column('行使内容', 'What is exercised', 'exerciseContent', text),
  column('行政管辖', 'Administrative jurisdiction', 'jurisdictionNote', text),
  column('联办机构', 'Joint departments', 'jointDepartments', organisations, { fallback: [], aliases: ['共同实施部门'] }),
  column('承办机构', 'Handling unit', 'handlingUnit.name', text),
  column('承办机构编码', 'Handling unit credit code', 'handlingUnit.creditCode', creditCode),
  column('委托部门', 'Entrusting department', 'entrustingDepartment.name', text),
  column('委托部门编码', 'Entrusting department credit code', 'entrustingDepartment.creditCode', creditCode),
  column('计划生效日期', 'Planned effective date', 'effectiveFrom', date),
  column('计划取消日期', 'Planned cancellation date', 'plannedCancelOn', date),
  column('服务对象', 'Who it serves', 'targets', codes(targets), { required: true }),
  column('受理条件', 'Acceptance conditions', 'acceptanceConditions', text),
  column('数量限制', 'Quantity limit', 'quantityLimit', text),
  column('办件类型', 'Case type', 'caseType', code(caseTypes), { required: true }),
  column('办理形式', 'Channels', 'channels', codes(channels), { required: true }),
  column('法定办结时限', 'Legal limit', 'legalLimit.value', integer),
  column('法定时限单位', 'Legal limit unit', 'legalLimit.unit', code(timeUnits), { fallback: 'workday', fallbackWith: 'legalLimit.value' }),
  column('法定时限说明', 'Legal limit note', 'legalLimitNote', text),
  column('承诺办结时限', 'Promised limit', 'promisedLimit.value', integer, { required: true }),
  column('承诺时限单位', 'Promised limit unit', 'promisedLimit.unit', code(timeUnits), { fallback: 'workday', fallbackWith: 'promisedLimit.value' }),
  column('承诺时限说明', 'Promised limit note', 'promisedLimitNote', text),
  column('到办事现场次数', 'Visits to the office', 'maxVisits', integer, { required: true }),
  column('必须到现场的原因', 'Why a visit is needed', 'visitReason', text),
  column('网上办理深度', 'Online service depth', 'onlineDepth', codes(onlineServices), { fallback: [] }),
  column('通办范围', 'Cross-region scope', 'crossRegion', code(crossRegionScopes)),
  column('自然人主题', 'Themes for natural persons', 'themes.personal', codes(personalThemes), { fallback: [] }),
  column('法人主题', 'Themes for legal persons', 'themes.corporate', codes(corporateThemes), { fallback: [] }),
  column('是否支持预约', 'Appointments', 'serviceOptions.appointment', yesNo, { fallback: false }),
  column('是否支持网上支付', 'Online payment', 'serviceOptions.onlinePayment', yesNo, { fallback: false }),
  column('是否支持物流快递', 'Delivery by courier', 'serviceOptions.logistics', yesNo, { fallback: false }),
  column('是否进驻政务大厅', 'In the service hall', 'serviceOptions.inServiceHall', yesNo, { fallback: true }),
  column('电脑端办理地址', 'Online address (desktop)', 'serviceOptions.onlineUrl', text, { aliases: ['网办地址'] }),
  column('移动端办理地址', 'Online address (mobile)', 'serviceOptions.mobileUrl', text),
  column('咨询方式', 'Enquiries', 'consultation', text),
  column('监督投诉电话', 'Complaints phone', 'complaintPhone', text, { aliases: ['监督投诉方式'] }),
  column(
    '收费',
    'Fees',
    'fees',
    entries([
      part('收费项目', 'Fee', 'name', text),
      part('是否收费', 'Charged', 'charged', yesNo, { fallback: false, fallbackWith: 'name' }),
      part('收费标准', 'Standard', 'standard', text),
      part('收费依据', 'Basis', 'basis', text),
      part('是否可减免', 'Reducible', 'reducible', yesNo, { fallback: false, fallbackWith: 'name' }),
    ]),
    { fallback: [], aliases: ['收费项目'] },
  ),
  column('送达方式', 'Delivery', 'delivery', entries([part('送达方式', 'Method', 'method', code(deliveryMethods)), part('说明', 'Note', 'note', text)]), { fallback: [] }),
  column(
    '办理地点和时间',
    'Where and when',
    'windows',
    entries([part('窗口名称', 'Window', 'name', text), part('办理地点', 'Address', 'address', text), part('办理时间', 'Hours', 'hours', text), part('咨询电话', 'Phone', 'phone', text)]),
    { fallback: [], aliases: ['办理地点'] },
  ),
  column('中介服务', 'Intermediary services', 'intermediaries', entries([part('名称', 'Name', 'name', text), part('服务机构', 'Provider', 'provider', text), ...limitParts('limit')]), { fallback: [] }),
  column('特别程序', 'Special procedures', 'specialProcedures', entries([part('种类', 'Kind', 'kind', code(specialProcedureKinds)), ...limitParts('limit'), part('说明', 'Note', 'note', text)]), { fallback: [] }),
  column('结果名称', 'Result', 'result.name', text),
  column('结果类型', 'Result type', 'result.type', code(resultTypes)),
  column('有效期', 'Validity', 'result.validity', text, { aliases: ['结果有效期'] }),
  column('救济途径', 'Rights of review and appeal', 'rightsNotice', text, { aliases: ['复议诉讼'] }),
  column('容缺受理', 'Deficiency acceptance (容缺)', 'deficiencyAcceptance.enabled', yesNo, { fallback: false }),
  column('容缺补交期限', 'Days to supply later', 'deficiencyAcceptance.supplementDays', integer, { fallback: 0 }),
  column('逾期未补交的处理', 'When not supplied in time', 'deficiencyAcceptance.onMissed', code(missedSupplementPolicies), { fallback: 'reject' }),
  column('告知承诺制', 'Notify-and-promise (告知承诺)', 'notifyPromise.enabled', yesNo, { fallback: false }),
  column('事后核查方式', 'How promises are verified', 'notifyPromise.verification', text),
  column('超时默认', 'Deemed approved on timeout', 'autoApproveOnTimeout', yesNo, { fallback: false }),
  column('常见问题', 'Questions and answers', 'faqs', entries([part('问题', 'Question', 'question', text), part('解答', 'Answer', 'answer', text)]), { fallback: [] }),
  column('搜索关键词', 'Search keywords', 'keywords', words, { fallback: [], aliases: ['关键词', '关键字'] }),
  column('事项标识', 'Item id', 'id', text),
];

/** The definition's top-level keys the layout writes whole (an item's id is only a wish for a new item). */
export const itemKeys: readonly string[] = [...new Set(itemColumns.map((c) => c.path.split('.')[0]!))].filter((k) => k !== 'id');
