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

/**
 * The apply page of an item taken only at its windows (sent with 403): what the applicant needs
 * to go there instead — each window's address, hours and phone, the materials to bring, the guide.
 */
export function WindowOnlyPage({ lang, jurisdiction, itemId, item }: { lang: Lang; jurisdiction: string; itemId: string; item: ItemDefinition }) {
  const t = say(lang);
  const en = lang === 'en' ? '?lang=en' : '';
  const byPost = item.channels.includes('4');
  return (
    <>
      <h1>{item.name}</h1>
      <p className="notice" data-testid="window-only">
        {t('本事项只在窗口办理，不接受网上申请。', 'This item is taken at a service window only, not online.')}
        {byPost && t('也可以快递申请。', ' You may also apply by post.')}
      </p>
      <h2>{t('办理窗口', 'Where to apply')}</h2>
      {item.windows.length === 0 && <p>{t(`请到「${item.department.name}」办理。`, `Apply in person at "${item.department.name}".`)}</p>}
      {item.windows.map((w, i) => (
        <section key={i} aria-label={w.name} data-testid="window">
          <h3>{w.name}</h3>
          <dl className="facts">
            <dt>{t('地址', 'Address')}</dt>
            <dd>{w.address}</dd>
            <dt>{t('办理时间', 'Hours')}</dt>
            <dd>{w.hours}</dd>
            {w.phone && (
              <>
                <dt>{t('电话', 'Phone')}</dt>
                <dd>
                  <a href={`tel:${w.phone}`}>{w.phone}</a>
                </dd>
              </>
            )}
          </dl>
        </section>
      ))}
      <h2>{t('办理前', 'Before you go')}</h2>
      <ul>
        <li>
          <a href={`/guide/${jurisdiction}/${itemId}${en}`}>{t('查看办事指南', 'Read the service guide')}</a>
        </li>
        <li>
          <a href={`/apply/${jurisdiction}/${itemId}/checklist${en}`}>{t('打印材料清单', 'Print the list of materials')}</a>
        </li>
      </ul>
    </>
  );
}
