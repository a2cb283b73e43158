import { orderedCodes, type Labels } from './code-order';

/**
 * Every code list of the item model, in one place, with its Chinese and English labels and, where
 * the list's own keys are not them, its national exchange codes (GB/T 39046-2020 Appendix A and the
 * national exchange tables; DOMAIN.md §6). The editor shows labels; exports carry the codes. The
 * lists need no zod (codeList makes them the model's enums), so a page that only shows labels,
 * such as the editor's catalogue, loads none.
 */
export { codeList } from './code-list';
export { orderedCodes, type Labels } from './code-order';

/** The national exchange code of a value: its own key unless the list names another. */
export function nationalCode<K extends string>(labels: Labels<K>, key: K): string {
  return labels[key][2] ?? key;
}

/** The value a national exchange code stands for in a list, if any (several keys may share a code: the first wins). */
export function fromNationalCode<K extends string>(labels: Labels<K>, code: string): K | undefined {
  return orderedCodes(labels).find((key) => nationalCode(labels, key) === code.trim());
}

/** A.1 事项类型: 01–10 powers, 11… local power extensions, 20 公共服务, 21… public-service extensions. */
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
  '11': ['行政备案', 'Administrative filing'],
  '12': ['政府内部审批', 'Internal government approval'],
  '20': ['公共服务', 'Public service'],
  '21': ['其他公共服务', 'Other public service'],
} as const;

/** A.2 行使层级. */
export const levels = {
  '1': ['国家级', 'National'],
  '2': ['省级', 'Provincial'],
  '3': ['市级', 'City'],
  '4': ['县级', 'County'],
  '5': ['乡镇(街道)级', 'Township'],
  '6': ['村(社区)级', 'Village'],
  '7': ['分级管理', 'Tiered'],
} as const;

/** A.3 实施主体性质. */
export const departmentNatures = {
  '1': ['法定机关', 'Statutory body'],
  '2': ['授权组织', 'Authorised organisation'],
  '3': ['受委托组织', 'Entrusted organisation'],
  '9': ['其他', 'Other'],
} as const;

/** 服务对象. */
export const targets = {
  '1': ['自然人', 'Natural person'],
  '2': ['企业法人', 'Enterprise'],
  '3': ['事业法人', 'Public institution'],
  '4': ['社会组织法人', 'Social organisation'],
  '5': ['行政机关', 'Government body'],
  '6': ['其他组织', 'Other organisation'],
} as const;

/** A.5 办理形式. */
export const channels = {
  '1': ['窗口办理', 'At the window'],
  '2': ['电脑端网上办理', 'Online (desktop)'],
  '3': ['移动端办理', 'Mobile'],
  '4': ['快递申请', 'By post'],
  '9': ['其他', 'Other'],
} as const;

/** A.6 办件类型: 即办件 are decided on the spot (promise 0); 其他 is run as 承诺件. */
export const caseTypes = {
  immediate: ['即办件', 'Decided on the spot', '1'],
  promised: ['承诺件', 'Decided within a promised time', '2'],
  other: ['其他', 'Other', '9'],
} as const;

/** 时限单位. */
export const timeUnits = {
  workday: ['工作日', 'Working days', '2'],
  natural: ['自然日', 'Calendar days', '1'],
} as const;

/** 权力来源. */
export const powerSources = {
  own: ['法定本级行使', 'Own level, by law', '1'],
  delegated: ['上级下放', 'Delegated from above', '2'],
  authorised: ['上级授权', 'Authorised from above', '3'],
  authorisedSameLevel: ['同级授权', 'Authorised at the same level', '4'],
  entrusted: ['上级委托', 'Entrusted from above', '5'],
  entrustedSameLevel: ['同级委托', 'Entrusted at the same level', '6'],
} as const;

/**
 * 网上办理深度: the services offered online, a set. Its level derives from the set (onlineLevel):
 * Ⅰ = 1 or none, Ⅱ = 2|3, Ⅲ = 4, Ⅳ 全程网办 = 5|6|7.
 */
export const onlineServices = {
  '1': ['互联网咨询', 'Enquiries online'],
  '2': ['互联网收件', 'Documents received online'],
  '3': ['互联网预审', 'Pre-review online'],
  '4': ['互联网受理', 'Accepted online'],
  '5': ['互联网办理', 'Handled online'],
  '6': ['互联网办理结果信息反馈', 'Result reported online'],
  '7': ['互联网电子证照反馈', 'Electronic certificate issued online'],
} as const;

/** 网办深度 levels Ⅰ–Ⅳ, derived, never stored. */
export const onlineLevels = {
  '1': ['Ⅰ级 网上咨询', 'Level I: enquiries'],
  '2': ['Ⅱ级 网上收件/预审', 'Level II: online pre-review'],
  '3': ['Ⅲ级 网上受理', 'Level III: online acceptance'],
  '4': ['Ⅳ级 全程网办', 'Level IV: fully online'],
} as const;

/** 通办范围. */
export const crossRegionScopes = {
  '1': ['全国通办', 'Nationwide'],
  '2': ['跨省通办', 'Across provinces'],
  '3': ['跨市通办', 'Across cities'],
  '4': ['跨县通办', 'Across counties'],
} as const;

/** 结果类型. */
export const resultTypes = {
  '1': ['许可证', 'Licence'],
  '2': ['执照', 'Business licence'],
  '3': ['资格证', 'Qualification certificate'],
  '4': ['资质证', 'Capability certificate'],
  '5': ['批准文件', 'Approval document'],
  '6': ['证明文件', 'Certificate of proof'],
  '7': ['加贴标签', 'Label affixed'],
  '8': ['加盖检验、检测、检疫印章', 'Inspection, testing or quarantine seal'],
  '9': ['其他', 'Other'],
} as const;

/** 业务办理项 kinds under a 子项: what the application does to the result. */
export const businessKinds = {
  '1': ['新设', 'New'],
  '2': ['变更', 'Change'],
  '3': ['延续', 'Renewal'],
  '4': ['注销', 'Cancellation'],
  '9': ['其他', 'Other'],
} as const;

/**
 * 服务主题 for natural persons and for legal persons, as the national platform lists them,
 * numbered in that list's order; an exchange carries the name beside the code.
 */
export const personalThemes = {
  '001': ['生育收养', 'Birth and adoption'],
  '002': ['户籍办理', 'Household registration'],
  '003': ['民族宗教', 'Ethnic and religious affairs'],
  '004': ['教育科研', 'Education and research'],
  '005': ['入伍服役', 'Military service'],
  '006': ['就业创业', 'Employment and starting a business'],
  '007': ['设立变更', 'Setting up and changes'],
  '008': ['准营准办', 'Permits to operate'],
  '009': ['抵押质押', 'Mortgages and pledges'],
  '010': ['职业资格', 'Professional qualifications'],
  '011': ['行政缴费', 'Fees'],
  '012': ['婚姻登记', 'Marriage registration'],
  '013': ['优待抚恤', 'Preferential treatment and pensions'],
  '014': ['规划建设', 'Planning and building'],
  '015': ['住房保障', 'Housing'],
  '016': ['社会保障', 'Social security'],
  '017': ['证件办理', 'Identity documents'],
  '018': ['交通出行', 'Transport'],
  '019': ['旅游观光', 'Tourism'],
  '020': ['出境入境', 'Exit and entry'],
  '021': ['消费维权', 'Consumer rights'],
  '022': ['公共安全', 'Public safety'],
  '023': ['司法公证', 'Justice and notarisation'],
  '024': ['知识产权', 'Intellectual property'],
  '025': ['环境保护', 'Environment'],
  '026': ['文化体育', 'Culture and sport'],
  '027': ['公用事业', 'Utilities'],
  '028': ['医疗卫生', 'Health'],
  '029': ['离职退休', 'Leaving work and retirement'],
  '030': ['死亡殡葬', 'Death and funerals'],
  '099': ['其他', 'Other'],
} as const;

export const corporateThemes = {
  '001': ['设立变更', 'Setting up and changes'],
  '002': ['准营准办', 'Permits to operate'],
  '003': ['资质认证', 'Certification'],
  '004': ['年检年审', 'Annual inspection'],
  '005': ['税收财务', 'Tax and finance'],
  '006': ['人力资源', 'Human resources'],
  '007': ['社会保障', 'Social security'],
  '008': ['投资审批', 'Investment approval'],
  '009': ['融资信贷', 'Financing and credit'],
  '010': ['抵押质押', 'Mortgages and pledges'],
  '011': ['商务贸易', 'Commerce and trade'],
  '012': ['招标拍卖', 'Tenders and auctions'],
  '013': ['海关口岸', 'Customs and ports'],
  '014': ['涉外服务', 'Foreign affairs'],
  '015': ['农林牧渔', 'Agriculture, forestry and fisheries'],
  '016': ['国土和规划建设', 'Land, planning and building'],
  '017': ['交通运输', 'Transport'],
  '018': ['环保绿化', 'Environment and greening'],
  '019': ['应急管理', 'Emergency management'],
  '020': ['科技创新', 'Science and innovation'],
  '021': ['文体教育', 'Culture, sport and education'],
  '022': ['知识产权', 'Intellectual property'],
  '023': ['质量技术', 'Quality and standards'],
  '024': ['检验检疫', 'Inspection and quarantine'],
  '025': ['安全生产', 'Work safety'],
  '026': ['公安消防', 'Police and fire'],
  '027': ['司法公证', 'Justice and notarisation'],
  '028': ['公用事业', 'Utilities'],
  '029': ['法人注销', 'Closing down'],
  '030': ['档案文物', 'Archives and heritage'],
  '099': ['其他', 'Other'],
} as const;

/** 来源渠道 of a material. */
export const materialSources = {
  '10': ['申请人自备', 'Applicant'],
  '20': ['政府部门核发', 'Issued by a government department'],
  '30': ['中介机构出具', 'Issued by an intermediary'],
  '99': ['其他', 'Other'],
} as const;

/** 材料类型 (原件/复印件) and 材料形式 (纸质/电子). */
export const materialKinds = {
  original: ['原件', 'Original', '1'],
  copy: ['复印件', 'Copy', '2'],
  originalOrCopy: ['原件或复印件', 'Original or copy', '3'],
} as const;

export const materialForms = {
  paper: ['纸质', 'Paper', '1'],
  electronic: ['电子', 'Electronic', '2'],
  both: ['纸质和电子', 'Paper and electronic', '3'],
} as const;

/** 必要性: 容缺 materials may be supplied after acceptance. */
export const necessities = {
  required: ['必要', 'Required', '1'],
  optional: ['非必要', 'Optional', '2'],
  deferrable: ['容缺(可后补)', 'May be supplied later (容缺)', '3'],
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

/** 送达方式. */
export const deliveryMethods = {
  window: ['窗口领取', 'Collect at the window', '1'],
  post: ['邮政速递(送达到付)', 'By post (EMS)', '2'],
  electronic: ['电子证照', 'Electronic certificate', '3'],
  none: ['无需送达', 'Nothing to deliver', '9'],
} as const;

/**
 * 特别程序 (行政许可法 第45条: their time does not count against the limit), with the A.7 code
 * each is exchanged under: 1 延长审批, 2 除延长审批之外.
 */
export const specialProcedureKinds = {
  extension: ['延长审批', 'Extended approval', '1'],
  hearing: ['听证', 'Hearing', '2'],
  tender: ['招标', 'Tender', '2'],
  auction: ['拍卖', 'Auction', '2'],
  inspection: ['检验', 'Inspection', '2'],
  testing: ['检测', 'Testing', '2'],
  quarantine: ['检疫', 'Quarantine', '2'],
  appraisal: ['鉴定', 'Appraisal', '2'],
  expertReview: ['专家评审', 'Expert review', '2'],
  siteSurvey: ['现场勘验', 'Site survey', '2'],
} as const;

/** What a step does when its limit passes. */
export const timeoutPolicies = {
  warn: ['预警提醒', 'Warn'],
  escalate: ['督办', 'Escalate'],
  autoApprove: ['超时默认(视为同意)', 'Deemed approved'],
} as const;

export const stepOutcomes = {
  pass: ['通过', 'Pass'],
  return: ['退回', 'Return'],
  reject: ['不予', 'Reject'],
} as const;

/** 容缺 materials not supplied in time. */
export const missedSupplementPolicies = {
  reject: ['不予受理', 'Not accepted'],
  suspend: ['中止办理', 'Suspended'],
} as const;
