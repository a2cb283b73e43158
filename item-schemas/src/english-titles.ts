/**
 * English names of the item model's titles. The model names each field once, in Chinese, in its
 * `.meta({ title })`; this glossary is keyed by that title so the model stays the one place a
 * field is named. A test walks the model and fails on any title missing here.
 */
const englishTitles: Record<string, string> = {
  事项定义: 'Item definition',
  事项标识: 'Item id',
  事项名称: 'Item name',
  基本编码: 'Catalogue code',
  实施编码: 'Implementation code',
  事项类型: 'Item type',
  行使层级: 'Levels exercising it',
  实施主体: 'Implementing department',
  实施主体名称: 'Implementing department name',
  实施主体统一社会信用代码: 'Implementing department credit code',
  实施主体性质: 'Implementing department status',
  设定依据: 'Legal basis',
  法律法规名称: 'Law or regulation',
  文号: 'Document number',
  条款号: 'Clause',
  条款内容: 'Clause text',
  权力来源: 'Source of power',
  服务对象: 'Who it serves',
  办件类型: 'Case type',
  办理形式: 'Channels',
  法定办结时限: 'Legal time limit',
  时限: 'Time limit',
  天数: 'Days',
  单位: 'Unit',
  承诺办结时限: 'Promised time limit',
  到办事现场次数: 'Visits in person',
  必须到现场的原因: 'Why a visit is needed',
  网办深度: 'Online service level',
  收费: 'Fees',
  收费项目: 'Fee',
  是否收费: 'Charged',
  收费标准: 'Fee standard',
  收费依据: 'Basis of the fee',
  可减免: 'May be reduced or waived',
  送达方式: 'Delivery',
  送达: 'Delivery',
  说明: 'Note',
  办理地点和时间: 'Windows and hours',
  办理窗口: 'Window',
  窗口名称: 'Window name',
  办理地点: 'Address',
  办理时间: 'Opening hours',
  咨询电话: 'Enquiry phone',
  中介服务: 'Intermediary services',
  中介服务名称: 'Intermediary service',
  服务机构: 'Provider',
  中介服务时限: 'Intermediary time limit',
  特别程序: 'Special procedures',
  特别程序种类: 'Special procedure',
  特别程序时限: 'Special procedure time limit',
  容缺受理: 'Acceptance with materials to follow (容缺)',
  实行容缺受理: 'Accepts materials later (容缺)',
  补交期限: 'Time to supply later',
  '补交期限(工作日)': 'Time to supply later (working days)',
  逾期未补交的处理: 'If not supplied in time',
  实行超时默认: 'Deemed approved when a step times out',
  告知承诺: 'Notification and promise (告知承诺)',
  实行告知承诺制: 'Accepts signed promises (告知承诺)',
  事后核查方式: 'How promises are verified',
  常见问题: 'FAQs',
  问题: 'Question',
  解答: 'Answer',
  单个文件大小上限: 'Largest upload',
  '单个文件大小上限(MB)': 'Largest upload (MB)',
  申请材料: 'Materials',
  标识: 'Id',
  材料名称: 'Material name',
  材料类型: 'Original or copy',
  原件份数: 'Originals',
  复印件份数: 'Copies',
  材料形式: 'Form',
  来源渠道: 'Source',
  来源说明: 'Source details',
  必要性: 'Necessity',
  关键材料: 'Key material',
  适用情形: 'When needed',
  条件: 'Condition',
  比较条件: 'Comparison',
  表单字段: 'Form field',
  比较: 'Comparison',
  值: 'Value',
  同时满足: 'All of',
  满足其一: 'Any of',
  不满足: 'Not',
  信息共享免交: 'Obtained by sharing (免交)',
  共享来源: 'Shared by',
  可告知承诺替代: 'A signed promise may replace it',
  填报须知: 'Instructions',
  空白表格: 'Blank form',
  文件: 'File',
  文件标识: 'File key',
  文件名: 'File name',
  文件类型: 'File type',
  示例样表: 'Sample',
  材料依据: 'Legal basis of the material',
  允许的文件类型: 'Accepted file types',
  办理环节: 'Steps',
  环节名称: 'Step name',
  办理岗位或部门: 'Post or department',
  环节时限: 'Step time limit',
  '环节时限(工作日)': 'Step time limit (working days)',
  并联组: 'Parallel group',
  审查标准: 'Review criteria',
  办理结果: 'Outcomes',
  超时处理: 'On timeout',
  申请表单: 'Application form',
  '表单结构(JSON Schema)': 'Form structure (JSON Schema)',
  '界面设置(uiSchema)': 'Display settings (uiSchema)',
  字段显示条件: 'Field visibility conditions',
  申请人信息字段: 'Fields naming the applicant',
  '申请人姓名(名称)字段': 'Applicant name field',
  申请人证件号字段: 'Applicant ID number field',
  申请人手机号字段: 'Applicant mobile field',
  版本信息: 'Version',
  版本号: 'Version number',
  变更说明: 'Change note',
  发布时间: 'Published at',
  发布人: 'Published by',
  发布人姓名: 'Publisher’s name',
  上级事项: 'Upstream item',
  上级区划: 'Upstream jurisdiction',
  上级版本: 'Upstream version',
};

/** The English name of a model title; a title without one stays Chinese rather than showing a key. */
export function englishTitle(title: string): string {
  return englishTitles[title] ?? title;
}

/** English for the model's descriptions, keyed by the Chinese like the titles. */
const englishDescriptions: Record<string, string> = {
  法律未规定时留空: 'Leave empty when no law sets one',
  '不得超过法定时限；即办件为 0': 'No longer than the legal limit; 0 for an item decided on the spot',
  '0 为零跑动': '0 means no visit at all (零跑动)',
  '环节超时未办理的，视为同意': 'A step not handled in time counts as approved',
  不计入办理时限: 'Does not count against the time limit',
  不得超过承诺时限: 'No longer than the promised limit',
  仅在满足条件时需要此材料: 'Needed only when the condition holds',
  出具部门或电子证照名称: 'The issuing department or the e-licence',
  '可通过部门共享或电子证照获取，不向申请人索要': 'Obtained from another department or an e-licence; never asked of the applicant',
  '如 收件、受理、审核、批准、办结、送达': 'e.g. receive, accept, review, approve, decide, deliver',
  同组环节并行办理: 'Steps in the same group run in parallel',
  字段仅在满足条件时显示和校验: 'A field shows, and is checked, only when its condition holds',
  '受理通知书、决定书和办件查询中用作申请人的字段；未指定时按字段类型和名称推断':
    'The fields notices, decisions and the case search use for the applicant; found by kind and title when not set',
};

/** The English of a model description, if it has one. */
export function englishDescription(description: string): string | undefined {
  return englishDescriptions[description];
}

/** One element of a list in English where the list's name is plural ("Materials" → "Material"). */
const englishElementTitles: Record<string, string> = {
  申请材料: 'Material',
  办理环节: 'Step',
  收费: 'Fee',
  常见问题: 'FAQ',
  中介服务: 'Intermediary service',
  特别程序: 'Special procedure',
};

export function englishElementTitle(title: string): string {
  return englishElementTitles[title] ?? englishTitle(title);
}

/** Whether the glossary names this title (for the test that keeps it complete). */
export function hasEnglishTitle(title: string): boolean {
  return title in englishTitles;
}
