import type { ItemDefinition } from '@onevisit/item-schemas';
import { addEntry, listButton, listEntries, listNames, listSync } from './list-entries';
import { answersFromPost, materialNeeds, needMark, needsSummary, validateAnswersWith, visibleAnswers, type PostedFields } from '@onevisit/item-schemas/rules';
import { interpretedCheck } from './interpreted-check';

/**
 * The small script that improves the server-rendered application page: the material list marks
 * what the answers require as they are given (every material stays listed: 一次告知), uploads
 * the answers do not call for are put away, fields show and hide with their conditions, mistakes are pointed out
 * as soon as a field is left, what the server asked to correct goes (at the field and from the
 * summary) once it is fixed, and unsent answers are kept on this device. Without it the page
 * still works (every field shown, conditional ones with their condition in words); the server
 * stays the validator of record.
 */

type Rules = Pick<ItemDefinition, 'form' | 'materials' | 'deficiencyAcceptance' | 'notifyPromise'> & { lang: 'zh' | 'en'; draftKey: string; uploadUrl: string };

const form = document.querySelector<HTMLFormElement>('form.citizen-form');
const rulesElement = document.getElementById('onevisit-rules');
if (form && rulesElement) enhance(form, JSON.parse(rulesElement.textContent ?? '{}') as Rules);

function posted(form: HTMLFormElement): PostedFields {
  const fields: PostedFields = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string' || !name.startsWith('root')) continue;
    if (name.endsWith('[]')) ((fields[name] ??= []) as string[]).push(value);
    else fields[name] = value;
  }
  return fields;
}

// Declarations, not constants: the script runs from the top of the file, before constants below it exist.

/** The id rjsf gives a field's control, from its dotted path. */
function controlId(path: string): string {
  return `root_${path.replace(/\./g, '_')}`;
}

/** The field's dotted path from its control's id (radios and checkboxes add -n). */
function pathOf(id: string): string | undefined {
  return id.startsWith('root_') ? id.slice(5).replace(/-\d+$/, '').replace(/_/g, '.') : undefined;
}

/** The container rjsf draws for a field (label, input, help), found from the input's id. */
function fieldGroup(path: string): HTMLElement | null {
  const id = controlId(path);
  const control = document.getElementById(id) ?? document.querySelector(`[id^="${id}-"]`);
  return control?.closest<HTMLElement>('.rjsf-field') ?? null;
}

/** The error the server rendered at a field (rjsf's list, in its own wrapper), not a note of ours. */
function serverError(path: string): HTMLElement | null {
  return document.getElementById(`${controlId(path)}__error`)?.closest<HTMLElement>('.error-detail')?.parentElement ?? null;
}

/**
 * Edits the page while keeping the focused control where it is on the screen: the summary at the
 * top shrinking or a note above would otherwise move what the applicant is about to tap.
 */
function steady(change: () => void): void {
  const anchor = document.activeElement;
  const before = anchor instanceof HTMLElement && anchor !== document.body ? anchor.getBoundingClientRect().top : undefined;
  change();
  // A control the change removed or hid has no place to keep.
  if (before === undefined || anchor!.getClientRects().length === 0) return;
  const shift = anchor!.getBoundingClientRect().top - before;
  if (Math.abs(shift) >= 1) window.scrollBy(0, shift);
}

function enhance(form: HTMLFormElement, rules: Rules): void {
  const t = (zh: string, en: string) => (rules.lang === 'zh' ? zh : en);
  const summary = document.getElementById('materials-summary');
  // What the server sent back to correct (有 n 处需要修改), at the top and at the fields.
  const corrections = document.getElementById('error-summary');
  const touched = new Set<string>();
  // Fields our checks find wrong when the page arrives: the server said so too, so our checks may also say they are fixed.
  let flagged: Set<string> | undefined;
  // Per material, the latest choice of files that gave a good upload; failures chosen before it are moot.
  const goodUpload = new Map<string, number>();

  /** Drops from the top what was fixed, with the count; the whole summary once nothing is left. */
  const settle = (wrong: ReadonlySet<string>, notAsked: ReadonlySet<string>) => {
    for (const path of flagged ?? []) {
      if (wrong.has(path)) continue;
      serverError(path)?.remove();
      fieldGroup(path)?.classList.remove('rjsf-field-error');
    }
    for (const [id, choice] of goodUpload) {
      for (const row of document.querySelectorAll<HTMLElement>(`#material-${CSS.escape(id)} .upload-failed`)) if (Number(row.dataset.choice) < choice) row.remove();
    }
    if (!corrections?.isConnected) return;
    let dropped = false;
    for (const entry of corrections.querySelectorAll<HTMLElement>('li[data-field], li[data-material]')) {
      const path = entry.dataset.field;
      const material = entry.dataset.material;
      const fixed = path !== undefined ? (touched.has(path) || flagged?.has(path) === true) && !wrong.has(path) : goodUpload.has(material!) || notAsked.has(material!);
      if (fixed) {
        entry.remove();
        dropped = true;
      }
    }
    if (!dropped) return;
    const left = corrections.querySelectorAll('li').length;
    const title = document.getElementById('summary-title');
    // The heading has one number, the count, in either language.
    if (left === 0) corrections.remove();
    else if (title) title.textContent = (title.textContent ?? '').replace(/\d+/, String(left));
  };

  const update = (settling: boolean) => {
    const answers = answersFromPost(rules.form, posted(form));
    // Fields hidden by their conditions.
    const hidden = new Set(visibleAnswers(rules.form, answers).hidden);
    for (const path of Object.keys(rules.form.visibleWhen)) {
      fieldGroup(path)?.classList.toggle('is-hidden', hidden.has(path));
    }
    // Every material stays listed; those the answers decide are marked, and only the uploads they call for are shown.
    const needs = materialNeeds(rules, answers);
    for (const need of needs) {
      const mark = needMark(need, rules.lang);
      const entry = document.getElementById(`need-${need.material.id}`);
      if (entry) entry.dataset.need = mark ? (mark.applies ? 'yes' : 'no') : '';
      for (const tag of document.querySelectorAll<HTMLElement>(`[data-mark-for="${need.material.id}"]`)) {
        tag.hidden = !mark;
        tag.classList.toggle('no', mark?.applies === false);
        tag.textContent = mark?.text ?? '';
      }
      const group = document.getElementById(`material-${need.material.id}`);
      if (group) group.hidden = need.status === 'notApplicable';
    }
    // Rewritten only when it changes: it is a live region, read out on each change.
    const said = needsSummary(needs, rules.lang);
    if (summary && summary.textContent !== said) summary.textContent = said;
    // Mistakes in the fields already left, said next to them, in place of what the server said there,
    // in its words; found by an engine that evaluates no code (the page's policy allows none).
    const errors = validateAnswersWith(interpretedCheck, rules.form, answers).errors;
    const wrong = new Set(errors.map((e) => e.field));
    flagged ??= wrong;
    for (const path of touched) {
      const group = fieldGroup(path);
      if (!group) continue;
      const message = errors.find((e) => e.field === path);
      let note = group.querySelector<HTMLElement>('.field-error[data-live]');
      if (!message) {
        note?.remove();
        serverError(path)?.remove();
        group.classList.remove('rjsf-field-error');
        continue;
      }
      if (!note) {
        note = document.createElement('p');
        note.className = 'field-error';
        note.dataset.live = '';
        note.setAttribute('role', 'alert');
        const server = serverError(path);
        if (server) server.replaceWith(note);
        else group.append(note);
        note.id = `${controlId(path)}__error`; // the control's aria-describedby names it
      }
      note.textContent = rules.lang === 'zh' ? message.message : message.message_en;
    }
    if (settling) settle(wrong, new Set(needs.filter((n) => n.status === 'notApplicable').map((n) => n.material.id)));
  };

  // A press moves nothing: what would change the page waits until the tap is over (its click
  // done), else the control under the finger could move away and the tap land elsewhere.
  let pressing = false;
  let pressingSubmit = false;
  let held: boolean | undefined; // a refresh held back during a press, and whether it was to settle the corrections
  const refresh = (settling: boolean) => {
    if (pressing) {
      held = held === true || settling;
      return;
    }
    const settlingNow = settling || held === true;
    held = undefined;
    steady(() => update(settlingNow));
  };
  const release = () => {
    if (!pressing) return;
    pressing = false;
    // After 提交 the page is leaving: nothing is inserted under the button on the way.
    const submitting = pressingSubmit;
    pressingSubmit = false;
    if (held !== undefined && !submitting) setTimeout(() => refresh(false));
  };
  let presses = 0;
  document.addEventListener('pointerdown', (event) => {
    presses += 1;
    pressing = true;
    pressingSubmit = (event.target as Element).closest('form.citizen-form [type=submit]') !== null;
  });
  document.addEventListener('click', release, true);
  document.addEventListener('pointercancel', release);
  // A press that ends without a click (another button, a drag off) still lets the page catch up.
  document.addEventListener('pointerup', () => {
    const press = presses;
    setTimeout(() => press === presses && release(), 400);
  });

  // 列表就地添加、删除 / List buttons work in place; the answers then change like any input.
  const changed = () => {
    localStorage.setItem(rules.draftKey, JSON.stringify(posted(form)));
    refresh(false);
  };
  form.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[name="_action"]');
    if (button && listButton(form, button)) {
      event.preventDefault();
      changed();
    }
  });

  // Unsent answers stay on this device (files cannot be kept by the browser).
  const saved = localStorage.getItem(rules.draftKey);
  const fresh = !corrections;
  if (saved && fresh) {
    const draft = JSON.parse(saved) as PostedFields;
    // As many entries as the draft has, before its answers go back in.
    for (const list of form.querySelectorAll<HTMLElement>('[data-list]')) {
      const prefix = `${listNames(list.dataset.list!).bracket}[`;
      const last = Math.max(-1, ...Object.keys(draft).filter((k) => k.startsWith(prefix)).map((k) => parseInt(k.slice(prefix.length), 10)));
      while (listEntries(list).length > 0 && listEntries(list).length <= last && listEntries(list).length < 500) addEntry(list);
      listSync(list);
    }
    for (const [name, value] of Object.entries(draft)) {
      for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`)) {
        const values = Array.isArray(value) ? value : [value];
        if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) input.checked = values.includes(input.value);
        // Hidden inputs are the page's markers, not answers.
        else if (!(input instanceof HTMLInputElement && (input.type === 'file' || input.type === 'hidden'))) input.value = values[0] ?? '';
      }
    }
  }

  // A field changed or left is judged by our checks from then on (its note replaces the server's).
  const touch = (target: EventTarget | null) => {
    const path = pathOf((target as HTMLElement | null)?.id ?? '');
    if (path !== undefined) touched.add(path);
  };
  form.addEventListener('input', () => {
    localStorage.setItem(rules.draftKey, JSON.stringify(posted(form)));
    refresh(false);
  });
  form.addEventListener('change', (event) => {
    if (!pressingSubmit) touch(event.target);
    refresh(true);
  });
  // On the way to the submit button a note appearing above it would move the button from under
  // the finger and lose the tap; the post answers with every mistake anyway. The press is seen
  // before the field loses focus (and Safari never focuses a button).
  form.addEventListener('focusout', (event) => {
    if (pressingSubmit || (event.relatedTarget as Element | null)?.matches('[type=submit]')) return;
    touch(event.target);
    refresh(true);
  });
  form.addEventListener('submit', () => localStorage.removeItem(rules.draftKey));
  const uploaded = (materialId: string, choice: number) => {
    goodUpload.set(materialId, Math.max(choice, goodUpload.get(materialId) ?? 0));
    refresh(true);
  };
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type=file][name^="material["]')) uploadOnChoice(input, rules, t, uploaded);
  refresh(false);

  // After a failed post, take the applicant straight to what needs correcting.
  corrections?.focus();
}

/**
 * Files go up as soon as they are chosen, with their progress shown; the form then carries only
 * their keys, as it does after a post that needed correcting.
 */
function uploadOnChoice(input: HTMLInputElement, rules: Rules, t: (zh: string, en: string) => string, uploaded: (materialId: string, choice: number) => void): void {
  const materialId = /^material\[([\w-]+)\]$/.exec(input.name)?.[1];
  if (!materialId) return;
  let choices = 0;
  input.addEventListener('change', () => {
    const choice = ++choices;
    // A failure says which choice it belongs to: a good file chosen later makes it moot.
    const failed = (row: HTMLElement, message: HTMLElement) => {
      row.className = 'upload-failed';
      row.dataset.choice = String(choice);
      row.replaceChildren(message);
    };
    for (const file of [...(input.files ?? [])]) {
      const row = document.createElement('div');
      const progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute('aria-label', t(`正在上传 ${file.name}`, `Uploading ${file.name}`));
      row.append(file.name, ' ', progress);
      input.before(row);
      const body = new FormData();
      body.set('materialId', materialId);
      body.set('file', file);
      const request = new XMLHttpRequest();
      request.open('POST', rules.uploadUrl);
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
      });
      request.addEventListener('load', () => {
        const answer = JSON.parse(request.responseText || '{}') as { key?: string; message?: string; message_en?: string };
        if (request.status === 201 && answer.key) {
          const hidden = (name: string, value: string) => Object.assign(document.createElement('input'), { type: 'hidden', name, value });
          // The name travels with the key, so the page shows it again after a post that needs correcting.
          row.className = 'kept-file';
          row.replaceChildren(hidden(`uploaded[${materialId}]`, answer.key), hidden(`fileName[${answer.key}]`, file.name), `${file.name} `, Object.assign(document.createElement('span'), { className: 'tag shared', textContent: t('已上传', 'uploaded') }));
          uploaded(materialId, choice);
        } else {
          failed(row, Object.assign(document.createElement('p'), { className: 'field-error', role: 'alert', textContent: (rules.lang === 'zh' ? answer.message : answer.message_en) ?? t('上传失败', 'upload failed') }));
        }
      });
      request.addEventListener('error', () => failed(row, Object.assign(document.createElement('p'), { className: 'field-error', textContent: t('上传失败，请重试', 'upload failed; try again') })));
      request.send(body);
    }
    // The files are on their way; the form itself no longer needs to carry them.
    input.value = '';
  });
}
