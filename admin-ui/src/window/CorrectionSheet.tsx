import { materialWords, formFields, type ItemDefinition } from '@onevisit/item-schemas';
import { documentDate } from '../cases/format';
import type { Needed } from './MaterialRows';

/**
 * 一次性补正告知书, printed on the spot when a material that cannot be 容缺 is missing: no case is
 * opened; the applicant takes away the whole list of what to bring, each with how it is to be
 * made, and what was seen today. Documents are in Chinese.
 */
export function CorrectionSheet({ item, applicant, missing, received, window, officer, today }: { item: ItemDefinition; applicant: string; missing: Needed[]; received: string[]; window: { name: string; number: string }; officer: string; today: string }) {
  const fields = formFields(item.form.schema);
  return (
    <article className="window-print" data-testid="correction-sheet">
      <h1>{item.department.name}</h1>
      <h1>一次性补正告知书</h1>
      <p>
        {applicant || '申请人'}：你于{documentDate(today)}到窗口申请办理「{item.name}」，经核对，申请材料不齐全。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补齐的全部材料：
      </p>
      <ol>
        {missing.map(({ material }) => {
          const words = materialWords(item, material, fields, 'zh');
          return (
            <li key={material.id}>
              {material.name}
              {[words.when, `${words.copies}(${words.form})`, words.source].filter(Boolean).length > 0 ? `：${[words.when, `${words.copies}(${words.form})`, words.source].filter(Boolean).join('；')}` : ''}
            </li>
          );
        })}
      </ol>
      {received.length > 0 && <p>本次已核对的材料：{received.join('、')}。</p>}
      <p>材料补齐后，可到任一综合窗口或在网上提交申请。</p>
      <div className="seal">
        <div>
          {window.name} {window.number} 号窗口 · {officer}
        </div>
        <div>{documentDate(today)}</div>
      </div>
    </article>
  );
}
