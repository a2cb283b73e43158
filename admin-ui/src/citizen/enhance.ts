import type { ItemDefinition } from '@onevisit/item-schemas';
import { answersFromPost, materialNeeds, needMark, needsSummary, validateAnswers, visibleAnswers, type PostedFields } from '@onevisit/item-schemas/rules';

/**
 * The small script that improves the server-rendered application page: the material list marks
 * what the answers require as they are given (every material stays listed: 一次告知), uploads
 * the answers do not call for are put away, fields show and hide with their conditions, mistakes are pointed out
 * as soon as a field is left, and unsent answers are kept on this device. Without it the page
 * still works; the server stays the validator of record.
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

/** The container rjsf draws for a field (label, input, help), found from the input's id. */
function fieldGroup(path: string): HTMLElement | null {
  const id = `root_${path.replace(/\./g, '_')}`;
  const control = document.getElementById(id) ?? document.querySelector(`[id^="${id}-"]`);
  return control?.closest<HTMLElement>('.rjsf-field') ?? null;
}

function enhance(form: HTMLFormElement, rules: Rules): void {
  const t = (zh: string, en: string) => (rules.lang === 'zh' ? zh : en);
  const summary = document.getElementById('materials-summary');
  const touched = new Set<string>();

  const refresh = () => {
    const answers = answersFromPost(rules.form.schema, posted(form));
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
    // Mistakes in the fields already left, said next to them.
    const errors = validateAnswers(rules.form, answers).errors;
    for (const path of touched) {
      const group = fieldGroup(path);
      if (!group) continue;
      const message = errors.find((e) => e.field === path);
      let note = group.querySelector<HTMLElement>('.field-error[data-live]');
      if (!message) {
        note?.remove();
        continue;
      }
      if (!note) {
        note = document.createElement('p');
        note.className = 'field-error';
        note.dataset.live = '';
        note.setAttribute('role', 'alert');
        group.append(note);
      }
      note.textContent = rules.lang === 'zh' ? message.message : message.message_en;
    }
  };

  // Unsent answers stay on this device (files cannot be kept by the browser).
  const saved = localStorage.getItem(rules.draftKey);
  const fresh = !document.getElementById('error-summary');
  if (saved && fresh) {
    for (const [name, value] of Object.entries(JSON.parse(saved) as PostedFields)) {
      for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`)) {
        const values = Array.isArray(value) ? value : [value];
        if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) input.checked = values.includes(input.value);
        else if (!(input instanceof HTMLInputElement && input.type === 'file')) input.value = values[0] ?? '';
      }
    }
  }

  form.addEventListener('input', () => {
    localStorage.setItem(rules.draftKey, JSON.stringify(posted(form)));
    refresh();
  });
  form.addEventListener('change', refresh);
  // On the way to the submit button a note appearing above it would move the button from under
  // the finger and lose the tap; the post answers with every mistake anyway. The press is seen
  // before the field loses focus (and Safari never focuses a button).
  let pressingSubmit = false;
  document.addEventListener('pointerdown', (event) => {
    pressingSubmit = (event.target as Element).closest('form.citizen-form [type=submit]') !== null;
  });
  form.addEventListener('focusout', (event) => {
    if (pressingSubmit || (event.relatedTarget as Element | null)?.matches('[type=submit]')) return;
    const id = (event.target as HTMLElement).id;
    if (id.startsWith('root_')) touched.add(id.slice(5).replace(/-\d+$/, '').replace(/_/g, '.'));
    refresh();
  });
  form.addEventListener('submit', () => localStorage.removeItem(rules.draftKey));
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type=file][name^="material["]')) uploadOnChoice(input, rules, t);
  refresh();

  // After a failed post, take the applicant straight to what needs correcting.
  document.getElementById('error-summary')?.focus();
}

/**
 * Files go up as soon as they are chosen, with their progress shown; the form then carries only
 * their keys, as it does after a post that needed correcting.
 */
function uploadOnChoice(input: HTMLInputElement, rules: Rules, t: (zh: string, en: string) => string): void {
  const materialId = /^material\[([\w-]+)\]$/.exec(input.name)?.[1];
  if (!materialId) return;
  input.addEventListener('change', () => {
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
        } else {
          row.replaceChildren(Object.assign(document.createElement('p'), { className: 'field-error', role: 'alert', textContent: (rules.lang === 'zh' ? answer.message : answer.message_en) ?? t('上传失败', 'upload failed') }));
        }
      });
      request.addEventListener('error', () => row.replaceChildren(Object.assign(document.createElement('p'), { className: 'field-error', textContent: t('上传失败，请重试', 'upload failed; try again') })));
      request.send(body);
    }
    // The files are on their way; the form itself no longer needs to carry them.
    input.value = '';
  });
}
