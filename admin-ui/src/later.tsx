import { Suspense, useState, type ReactNode } from 'react';

/**
 * Renders its children from the first time `when` is true on, so a dialog's code (often a lazy
 * component) loads when someone opens it, and it stays mounted afterwards to close as it should.
 */
export function Later({ when, children }: { when: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(when);
  if (when && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
