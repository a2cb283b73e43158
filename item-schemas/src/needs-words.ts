import type { WordsLang } from './condition-words';
import type { MaterialNeed } from './materials';

/**
 * What the answers so far make of the materials, said to the applicant: a mark on each
 * conditional material and one summary line. Free of zod: the page script says the same words
 * as the server as the answers change.
 */

/** 按您的填写需要 / 不需要 for a conditional material the answers decide; nothing otherwise. */
export function needMark(need: MaterialNeed, lang: WordsLang): { applies: boolean; text: string } | undefined {
  if (!need.material.when || !need.decided) return undefined;
  const applies = need.status !== 'notApplicable';
  return { applies, text: lang === 'zh' ? (applies ? '按您的填写需要' : '按您的填写不需要') : applies ? 'needed for your answers' : 'not needed for your answers' };
}

export function needsSummary(needs: readonly MaterialNeed[], lang: WordsLang): string {
  const asked = needs.filter((n) => n.decided && n.status !== 'shared');
  const count = (...statuses: MaterialNeed['status'][]) => asked.filter((n) => statuses.includes(n.status)).length;
  const bring = count('required', 'deferrable');
  const later = count('deferrable');
  const optional = count('optional');
  const open = needs.filter((n) => !n.decided && !n.material.shared).length;
  if (lang === 'zh') {
    return [
      `按您目前的填写：需要提交 ${bring} 项${later > 0 ? `(其中 ${later} 项可容缺后补)` : ''}`,
      ...(optional > 0 ? [`选择提交 ${optional} 项`] : []),
      ...(open > 0 ? [`另有 ${open} 项取决于尚未填写的内容`] : []),
    ].join('，') + '。';
  }
  return `${[
    `For your answers so far: ${bring} to bring${later > 0 ? ` (${later} of them may come later)` : ''}`,
    ...(optional > 0 ? [`${optional} optional`] : []),
    ...(open > 0 ? [`${open} more depending on answers not yet given`] : []),
  ].join(', ')}.`;
}
