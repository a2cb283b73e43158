import { appliesOnline, type ItemDefinition } from '@onevisit/item-schemas';
import { inPersonWords } from '../cases/intake-terms';
import { say, type Lang } from './page';

/**
 * When the item takes applications (its planned dates) and, when its 办理形式 exclude applying
 * online, where to apply instead: the checklist is what an applicant prints before going. Said
 * without today's date, so the page is the same for every visitor of the version.
 */
export function IntakeNotice({ lang, item }: { lang: Lang; item: ItemDefinition }) {
  const t = say(lang);
  const [inPerson, inPersonEn] = inPersonWords(item);
  return (
    <>
      {item.effectiveFrom && <p data-testid="effective-from">{t(`计划生效日期：${item.effectiveFrom}，当日起受理申请`, `Applications are taken from ${item.effectiveFrom} (planned effective date)`)}</p>}
      {item.plannedCancelOn && <p data-testid="planned-cancel">{t(`计划取消日期：${item.plannedCancelOn}，当日起不再受理申请`, `No applications are taken from ${item.plannedCancelOn} (planned cancellation)`)}</p>}
      {!appliesOnline(item.channels) && (
        <p className="notice" data-testid="in-person">
          {t(`本事项不接受网上申请，${inPerson}。`, `This item takes no applications online: ${inPersonEn}.`)}
        </p>
      )}
    </>
  );
}
