import { Tag } from 'antd';
import { warningNames } from '@onevisit/functions/case-names';
import type { WarningLevel } from '@onevisit/functions/cases';
import { useI18n } from '../i18n';

const colours: Record<WarningLevel, string> = { normal: 'green', yellow: 'gold', red: 'red', overdue: 'magenta' };

/** A clock's state at a glance: the supervision colours officers know (黄牌, 红牌, 超期). */
export function WarningTag({ level }: { level: WarningLevel }) {
  const { t } = useI18n();
  return (
    <Tag color={colours[level]} data-warning={level}>
      {t(...warningNames[level])}
    </Tag>
  );
}
