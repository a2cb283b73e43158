import { Alert, Input, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type Ref } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { windowApi, type FoundItem } from './window-api';

/**
 * Finding the item the applicant came for, as the portal finds it (its name, what people call
 * it, its materials): type, Enter, and the focus is on the first match; Enter again picks it.
 */
export function ItemFinder({ jurisdiction, onPick, inputRef }: { jurisdiction: string; onPick: (item: FoundItem) => void; inputRef?: Ref<HTMLInputElement> }) {
  const { t, pick } = useI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<FoundItem[]>();
  const [problem, setProblem] = useState<string>();
  const list = useRef<HTMLUListElement>(null);
  // Once the list is drawn, the first match takes the focus.
  useEffect(() => list.current?.querySelector('button')?.focus(), [found]);
  const search = async () => {
    try {
      const items = await windowApi.find(jurisdiction, q.trim());
      setProblem(undefined);
      setFound(items);
    } catch (error) {
      setProblem(error instanceof ApiError ? pick(error) : String(error));
    }
  };
  return (
    <section aria-labelledby="finder-title">
      <Typography.Title level={5} id="finder-title">
        {t('1. 查找事项', '1. Find the item')}
      </Typography.Title>
      <label htmlFor="finder-q">{t('事项名称或关键词(回车查找)', 'Item name or keyword (Enter to search)')}</label>
      <Input
        id="finder-q"
        ref={inputRef as never}
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          e.stopPropagation();
          void search();
        }}
      />
      {problem && <Alert type="error" showIcon message={problem} />}
      {found && found.length === 0 && <Typography.Paragraph role="status">{t('没有找到相符的事项，换个说法试试。', 'No item matches; try other words.')}</Typography.Paragraph>}
      {found && found.length > 0 && (
        <ul ref={list} className="finder-results" aria-label={t('查找结果', 'Matches')}>
          {found.map((item) => (
            <li key={item.itemId}>
              <button type="button" onClick={() => onPick(item)}>
                <strong>{item.name}</strong> <span>{item.department}</span> {item.deficiency && <Tag color="orange">{t('可容缺受理', '容缺 allowed')}</Tag>}
                {item.material && <span className="finder-material">{t(`材料：${item.material}`, `Material: ${item.material}`)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
