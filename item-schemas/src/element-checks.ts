import type { CheckIssue } from './check-codes';
import { bilingual } from './messages';
import { channels, crossRegionScopes } from './model/codes';
import type { ItemDefinition } from './model/item';
import { appliesOnline, ONLINE_CHANNELS, onlineAvailable, onlineLevel } from './model/online-level';

/**
 * Publish-time checks of the national elements (DOMAIN.md §6) that depend on each other: who
 * entrusted an entrusted body, the planned dates, what "online" and "零跑动" promise against the
 * channels that make them possible, and the result a licence grants. Each either says which two
 * answers contradict each other and how to settle it, or names the element still to fill in.
 */

const POST_CHANNEL = '4';

const channelNames = (codes: readonly (keyof typeof channels)[], lang: 0 | 1) => codes.map((c) => channels[c][lang]).join(lang === 0 ? '或' : ' or ');

/** 受委托组织 act in another's name (行政许可法 第24条): the applicant is told whose. */
function entrustingIssues(item: ItemDefinition): CheckIssue[] {
  if (item.entrustingDepartment) return [];
  const byNature = item.department.nature === '3';
  const bySource = item.powerSource === 'entrusted' || item.powerSource === 'entrustedSameLevel';
  if (!byNature && !bySource) return [];
  const [why, whyEn] = byNature ? ['「实施主体性质」为受委托组织', 'the implementing department is an entrusted organisation'] : ['「权力来源」为委托', 'the power is entrusted'];
  return [
    {
      code: 'ENTRUSTING_DEPARTMENT_MISSING',
      path: '/entrustingDepartment/name',
      ...bilingual(`${why}，请填写「委托部门」(以谁的名义办理)`, `${whyEn}: fill in the entrusting department (in whose name it acts)`),
    },
  ];
}

function plannedDateIssues(item: ItemDefinition): CheckIssue[] {
  const { effectiveFrom: from, plannedCancelOn: until } = item;
  if (!from || !until || until > from) return [];
  return [
    {
      code: 'PLANNED_CANCEL_NOT_AFTER_EFFECTIVE',
      path: '/plannedCancelOn',
      ...bilingual(`「计划取消日期」(${until})应晚于「计划生效日期」(${from})`, `the planned cancellation date (${until}) must come after the planned effective date (${from})`),
    },
  ];
}

/** 网上办理深度 against 办理形式: services offered online need an online channel, and an online channel says what it offers. */
function onlineIssues(item: ItemDefinition): CheckIssue[] {
  const online = appliesOnline(item.channels);
  const issues: CheckIssue[] = [];
  if (onlineAvailable(item.onlineDepth) && !online) {
    const full = onlineLevel(item.onlineDepth) === '4';
    issues.push({
      code: 'ONLINE_DEPTH_WITHOUT_CHANNEL',
      path: '/channels',
      ...bilingual(
        `「网上办理深度」${full ? '为全程网办' : '含网上收件、预审或受理'}，但「办理形式」没有${channelNames(ONLINE_CHANNELS, 0)}：请增加网上办理形式，或只保留「互联网咨询」`,
        `the online service depth ${full ? 'is fully online' : 'includes receiving, pre-review or acceptance online'}, but the channels include neither ${channelNames(ONLINE_CHANNELS, 1)}: add an online channel, or keep only enquiries online`,
      ),
    });
  }
  if (online && item.onlineDepth.length === 0) {
    issues.push({
      code: 'ONLINE_CHANNEL_WITHOUT_DEPTH',
      path: '/onlineDepth',
      ...bilingual('「办理形式」含网上办理，请勾选「网上办理深度」(哪些环节可在网上办理)', 'the channels include online handling: tick the online service depth (which parts can be done online)'),
    });
  }
  return issues;
}

/** 零跑动 and 通办 both mean applying without coming to this office: online or by post. */
function remoteIssues(item: ItemDefinition): CheckIssue[] {
  const online = appliesOnline(item.channels);
  const post = item.channels.includes(POST_CHANNEL);
  const issues: CheckIssue[] = [];
  if (item.maxVisits === 0 && onlineLevel(item.onlineDepth) !== '4' && !post) {
    issues.push({
      code: 'ZERO_VISITS_NOT_REMOTE',
      path: '/maxVisits',
      ...bilingual(
        '「到办事现场次数」为 0(零跑动)，但本事项既不是全程网办，也不能快递申请：请把「网上办理深度」勾选到网上办理，或在「办理形式」中增加快递申请，或把到现场次数改为 1 并说明原因',
        'no visit is promised (零跑动), but the item is neither fully online nor can be applied for by post: tick online handling in the online service depth, add application by post to the channels, or set the visits to 1 and say why',
      ),
    });
  }
  if (item.crossRegion && !online && !post) {
    const [zh, en] = crossRegionScopes[item.crossRegion];
    issues.push({
      code: 'CROSS_REGION_NOT_REMOTE',
      path: '/crossRegion',
      ...bilingual(
        `「通办范围」为${zh}，但「办理形式」只能在本地办理：请增加网上办理或快递申请，或清空通办范围`,
        `the item is offered ${en.toLowerCase()} (通办), but its channels are local only: add online handling or application by post, or clear the cross-region scope`,
      ),
    });
  }
  return issues;
}

/** A licence grants something: the applicant is told what (一次告知). */
function resultIssues(item: ItemDefinition): CheckIssue[] {
  if (item.itemType !== '01' || item.result) return [];
  return [
    {
      code: 'RESULT_NAME_MISSING',
      path: '/result/name',
      ...bilingual('行政许可事项请填写「结果名称」(准予许可后申请人得到的证照或批准文件，如 食品经营许可证)', 'an administrative licence names its result: fill in the result name (the licence or approval the applicant receives)'),
    },
  ];
}

export function elementIssues(item: ItemDefinition): CheckIssue[] {
  return [...entrustingIssues(item), ...plannedDateIssues(item), ...onlineIssues(item), ...remoteIssues(item), ...resultIssues(item)];
}
