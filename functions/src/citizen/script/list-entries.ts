/**
 * Repeating groups (股东(投资人)…) done in place by the page script: 添加一项 copies the last entry
 * blank and numbers it next, 删除 removes one and renumbers the rest, within min/maxItems. The
 * same buttons post to the server when the script is off.
 */

/** A list's field names and ids: `root[a][0][b]` and `root_a_0_b` for the path `a.0.b`. */
export function listNames(path: string): { bracket: string; under: string } {
  const steps = path.split('.');
  return { bracket: `root${steps.map((step) => `[${step}]`).join('')}`, under: `root_${steps.join('_')}` };
}

export function listEntries(list: HTMLElement): HTMLElement[] {
  return [...list.children].filter((child): child is HTMLElement => child.classList.contains('list-entry'));
}

/** Renames an entry's fields, labels, descriptions and buttons from one number to another, and its title (股东(投资人)-2). */
function renumber(list: HTMLElement, entry: HTMLElement, from: number, to: number): void {
  const path = list.dataset.list!;
  const { bracket, under } = listNames(path);
  const swap = (word: string) => {
    if (word.startsWith(`${bracket}[${from}]`)) return `${bracket}[${to}]${word.slice(`${bracket}[${from}]`.length)}`;
    const id = `${under}_${from}`;
    if (word === id || word.startsWith(`${id}_`) || word.startsWith(`${id}-`)) return `${under}_${to}${word.slice(id.length)}`;
    return word;
  };
  for (const element of [entry, ...entry.querySelectorAll('*')]) {
    for (const attribute of ['name', 'id', 'for', 'aria-describedby', 'aria-labelledby']) {
      const value = element.getAttribute(attribute);
      if (value !== null) element.setAttribute(attribute, value.split(' ').map(swap).join(' '));
    }
    // A list inside the entry is named by its path (a.0.b).
    const inner = element instanceof HTMLElement ? element.dataset.list : undefined;
    if (inner?.startsWith(`${path}.${from}.`)) (element as HTMLElement).dataset.list = `${path}.${to}.${inner.slice(`${path}.${from}.`.length)}`;
    if (element instanceof HTMLButtonElement && element.name === '_action') {
      element.value = element.value.replace(`:${path}:${from}`, `:${path}:${to}`).replace(`:${path}.${from}.`, `:${path}.${to}.`);
    }
  }
  // Looked up in the entry: a copy being added is not in the page yet.
  const title = entry.querySelector(`[id="${under}_${to}__title"]`)?.firstChild;
  if (title?.nodeType === Node.TEXT_NODE) title.textContent = (title.textContent ?? '').replace(/\d+$/, String(to + 1));
}

/** Shows 删除 and 添加一项 only where min/maxItems allow them. */
export function listSync(list: HTMLElement): void {
  const count = listEntries(list).length;
  const max = list.dataset.max ? Number(list.dataset.max) : Infinity;
  for (const entry of listEntries(list)) {
    const remove = [...entry.children].find((c): c is HTMLButtonElement => c.classList.contains('list-remove'));
    if (remove) remove.hidden = count <= Number(list.dataset.min ?? 0);
  }
  const add = [...list.children].find((c): c is HTMLButtonElement => c.classList.contains('list-add'));
  if (add) add.hidden = count >= max;
}

/** A blank copy of the last entry, numbered next; none to copy leaves it to the server. */
export function addEntry(list: HTMLElement): HTMLElement | undefined {
  const entries = listEntries(list);
  const last = entries[entries.length - 1];
  if (!last) return undefined;
  const entry = last.cloneNode(true) as HTMLElement;
  renumber(list, entry, entries.length - 1, entries.length);
  // Lists inside the copy start again with their fewest entries.
  for (const inner of entry.querySelectorAll<HTMLElement>('[data-list]')) {
    for (const extra of listEntries(inner).slice(Number(inner.dataset.min ?? 0))) extra.remove();
    listSync(inner);
  }
  for (const mistake of entry.querySelectorAll('.field-error, .error-detail')) mistake.remove();
  for (const group of entry.querySelectorAll('.rjsf-field-error')) group.classList.remove('rjsf-field-error');
  for (const control of entry.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
    if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')) {
      control.checked = false;
      control.removeAttribute('checked');
    } else if (control instanceof HTMLSelectElement) {
      for (const option of control.options) option.removeAttribute('selected');
      control.value = '';
    } else if (!(control instanceof HTMLInputElement && control.type === 'hidden')) {
      control.value = '';
      control.removeAttribute('value');
      if (control instanceof HTMLTextAreaElement) control.textContent = '';
    }
  }
  last.after(entry);
  return entry;
}

/** 添加一项 / 删除 done in place; false when the server must do it (an empty list has no entry to copy). */
export function listButton(form: HTMLFormElement, button: HTMLButtonElement): boolean {
  const [verb, path, at] = button.value.split(':');
  const list = [...form.querySelectorAll<HTMLElement>('[data-list]')].find((l) => l.dataset.list === path);
  if (!list) return false;
  const entries = listEntries(list);
  if (verb === 'add') {
    const entry = addEntry(list);
    if (!entry) return false;
    listSync(list);
    entry.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    return true;
  }
  const index = Number(at);
  const entry = entries[index];
  if (verb !== 'remove' || !entry) return false;
  for (let i = index + 1; i < entries.length; i++) renumber(list, entries[i]!, i, i - 1);
  entry.remove();
  listSync(list);
  // Focus goes where the applicant was: the entry that moved up, else 添加一项.
  (entries[index + 1]?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea') ?? list.querySelector<HTMLElement>('.list-add'))?.focus();
  return true;
}
