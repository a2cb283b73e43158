import type { CaseRecord } from '../cases/record';
import { say, type Lang } from '../citizen/page';
import { collectedAtWindow, collectionOf } from './collection';

/**
 * 统一出件 as the applicant follows it on /track: the result ready at the window (or about to be
 * posted), collected (by them or for them), or posted with its EMS waybill number.
 */
export function CollectionFacts({ lang, c }: { lang: Lang; c: CaseRecord }) {
  const t = say(lang);
  const d = c.delivery;
  const fact = (zh: string, en: string) => (
    <p className="notice" role="status" data-testid="collection">
      {t(zh, en)}
    </p>
  );
  if (d?.waybill) return fact(`办理结果已于 ${d.on} 通过 EMS 寄出，运单号 ${d.waybill}。`, `The result was posted by EMS on ${d.on}; waybill ${d.waybill}.`);
  if (d?.recipient) return d.recipient.agent ? fact(`办理结果已于 ${d.on} 在窗口由代领人领取。`, `The result was collected for you at the window on ${d.on}.`) : fact(`办理结果已于 ${d.on} 在窗口由您本人领取。`, `You collected the result at the window on ${d.on}.`);
  if (c.status !== 'decided' || c.decision?.outcome === 'transferred' || !collectedAtWindow(c)) return null;
  if (collectionOf(c) === 'post') return fact('办理结果待邮寄，寄出后将告知 EMS 运单号。', 'The result will be posted by EMS; you will be told the waybill number.');
  const where = c.window ? `${c.window.window.name}(${c.window.window.number} 号窗口)` : t('受理窗口', 'the service window');
  return fact(`办理结果已可领取：请持本人有效身份证件到${where}领取；他人代领的，请持委托书和代领人身份证件。`, `Your result is ready: collect it at ${where} with your ID; someone collecting it for you brings your letter of authorisation and their own ID.`);
}
