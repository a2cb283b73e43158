import type { User } from '@onevisit/functions/records';
import { useState } from 'react';

/**
 * The window this officer sits at (its name and number), kept in this browser: set once at the
 * start of a shift. The name starts as the one in the officer's own (刘洋(市民中心综合窗口)).
 */
export function useServiceWindow(user: Pick<User, 'id' | 'name'>) {
  const key = `onevisit.window.${user.id}`;
  const [value, setValue] = useState<{ name: string; number: string }>(() => {
    try {
      const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as { name?: unknown; number?: unknown } | null;
      if (kept && typeof kept.name === 'string' && typeof kept.number === 'string') return { name: kept.name, number: kept.number };
    } catch {
      // A damaged entry is set again.
    }
    return { name: /[(（]([^)）]+)[)）]/.exec(user.name)?.[1] ?? '', number: '' };
  });
  const set = (next: { name: string; number: string }) => {
    localStorage.setItem(key, JSON.stringify(next));
    setValue(next);
  };
  return [value, set] as const;
}
