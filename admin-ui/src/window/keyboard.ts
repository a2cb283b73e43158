import type { KeyboardEvent } from 'react';

/**
 * Enter goes on to the next field, as at a counter where the officer types without the mouse:
 * in a text box, a list or a tick box (not a button, which Enter presses, nor a text area, nor
 * while an input method is composing Chinese). A field that must hold the focus on a bad value
 * (the ID number) stops the key before it gets here.
 */
const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]):not([tabindex="-1"]), a[href]';

export function enterGoesOn(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  const field = target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['button', 'submit', 'file'].includes(target.type));
  if (!field) return;
  event.preventDefault();
  focusAfter(event.currentTarget, target);
}

/** Focuses the next field after `from` inside `within`, in tab order (document order: nothing here sets a tabindex). */
export function focusAfter(within: HTMLElement, from: HTMLElement): void {
  const all = [...within.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
  // A group of radio buttons is one stop: go past the whole group.
  const name = from instanceof HTMLInputElement && from.type === 'radio' ? from.name : undefined;
  const index = all.indexOf(from);
  const next = all.slice(index + 1).find((e) => !(name && e instanceof HTMLInputElement && e.type === 'radio' && e.name === name));
  next?.focus();
}
