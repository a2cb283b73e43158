import { neededWhenWords, type WordsLang } from './condition-words';
import type { FormField } from './form-fields';
import { materialSources } from './model/codes';
import type { ItemDefinition } from './model/item';
import type { Material } from './model/material';

/**
 * A material told completely in words (一次告知): when it is needed, how many originals and
 * copies in which form, who issues it, whether it may come later (容缺) and what happens then,
 * or that it is obtained by sharing (免交). The citizen pages and the editor's preview say the
 * same thing.
 */

export interface MaterialWords {
  /** 「转移原因」为「买卖」时需要; absent for a material every applicant needs. */
  when?: string;
  /** 原件 1 份、复印件 2 份 */
  copies: string;
  /** 纸质 / 电子 / 纸质和电子 */
  form: string;
  /** 政府部门核发(网签备案合同) */
  source: string;
  /** 容缺: may come later, by when, and what happens if it does not. */
  later?: string;
  /** 免交: obtained by sharing, and from where. */
  shared?: string;
  /** A signed promise (告知承诺) may replace it. */
  promise?: string;
}

type WordsItem = Pick<ItemDefinition, 'deficiencyAcceptance' | 'notifyPromise'>;

const forms = {
  paper: ['纸质', 'paper'],
  electronic: ['电子', 'electronic'],
  both: ['纸质和电子', 'paper and electronic'],
} as const;

/**
 * The originals and copies a material asks for, as citizens are told: a count left at 0 for the
 * kind the material is still means one (原件或复印件: the larger of the two, both ways). The
 * editor shows these and the version differences compare these, so all three say the same.
 */
export function countsAsTold(m: Partial<Pick<Material, 'kind' | 'originals' | 'copies'>>): { originals: number; copies: number } {
  const originals = m.originals ?? 0;
  const copies = m.copies ?? 0;
  if (m.kind === 'originalOrCopy') {
    const n = Math.max(originals, copies, 1);
    return { originals: n, copies: n };
  }
  return m.kind === 'original' ? { originals: originals || 1, copies } : { originals, copies: copies || 1 };
}

function copiesWords(m: Material, lang: WordsLang): string {
  const zh = lang === 'zh';
  const originals = (n: number) => (zh ? `原件 ${n} 份` : `${n} original${n === 1 ? '' : 's'}`);
  const copies = (n: number) => (zh ? `复印件 ${n} 份` : `${n} cop${n === 1 ? 'y' : 'ies'}`);
  const told = countsAsTold(m);
  if (m.kind === 'originalOrCopy') return zh ? `原件或复印件 ${told.originals} 份` : `${told.originals} original${told.originals === 1 ? '' : 's'} or cop${told.originals === 1 ? 'y' : 'ies'}`;
  const parts = [...(told.originals > 0 ? [originals(told.originals)] : []), ...(told.copies > 0 ? [copies(told.copies)] : [])];
  return parts.join(zh ? '、' : ', ');
}

function sourceWords(m: Material, lang: WordsLang): string {
  const [zh, en] = materialSources[m.source];
  const base = lang === 'zh' ? zh : en.charAt(0).toLowerCase() + en.slice(1);
  return m.sourceDescription ? (lang === 'zh' ? `${base}(${m.sourceDescription})` : `${base} (${m.sourceDescription})`) : base;
}

/** What 容缺 means for this item: supply within N working days of applying, else the item's rule. */
export function deferredWords(item: WordsItem, lang: WordsLang): string {
  const { supplementDays: days, onMissed } = item.deficiencyAcceptance;
  if (lang === 'zh') {
    const missed = onMissed === 'reject' ? '不予受理' : '中止办理，补交后恢复';
    return `可容缺受理：可先提交申请，在提交后 ${days} 个工作日内补交；逾期未补交的，${missed}`;
  }
  const missed = onMissed === 'reject' ? 'the application is not accepted' : 'processing is suspended until it arrives';
  return `May come later (容缺): apply now and supply it within ${days} working day${days === 1 ? '' : 's'}; if it does not arrive in time, ${missed}`;
}

export function materialWords(item: WordsItem, material: Material, fields: readonly FormField[] | ReadonlyMap<string, FormField>, lang: WordsLang = 'zh'): MaterialWords {
  const zh = lang === 'zh';
  const said: MaterialWords = {
    copies: copiesWords(material, lang),
    form: zh ? forms[material.form][0] : forms[material.form][1],
    source: sourceWords(material, lang),
  };
  if (material.when) said.when = neededWhenWords(material.when, fields, lang);
  if (material.shared) said.shared = zh ? `免交：由${material.shared.provider}共享获取，无需提交` : `Not asked of you: obtained from ${material.shared.provider}`;
  else if (material.necessity === 'deferrable' && item.deficiencyAcceptance.enabled) said.later = deferredWords(item, lang);
  if (!material.shared && material.promiseReplaceable && item.notifyPromise.enabled) said.promise = zh ? '可签署告知承诺书代替' : 'A signed promise (告知承诺) may replace it';
  return said;
}

/** Known upload types by the names people know them by. */
const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'image/tiff': 'TIFF',
  'image/bmp': 'BMP',
  'application/ofd': 'OFD',
  'application/zip': 'ZIP',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** Accepted file types as applicants know them: "PDF、JPG、PNG", never MIME types. */
export function fileTypeWords(types: readonly string[], lang: WordsLang = 'zh'): string {
  const names = types.map((t) => typeNames[t] ?? (t.split('/').at(-1) ?? t).replace(/^(x-|vnd\.)/, '').toUpperCase());
  return [...new Set(names)].join(lang === 'zh' ? '、' : ', ');
}
