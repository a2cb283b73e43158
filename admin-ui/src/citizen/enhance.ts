import type { ItemDefinition } from '@onevisit/item-schemas';
import { answersFromPost, materialsFor, validateAnswers, visibleAnswers, type PostedFields } from '@onevisit/item-schemas/rules';

/**
 * The small script that improves the server-rendered application page: the materials follow the
 * answers as they are given, fields show and hide with their conditions, mistakes are pointed out
 * as soon as a field is left, and unsent answers are kept on this device. Without it the page
 * still works; the server stays the validator of record.
 */

type Rules = Pick<ItemDefinition, 'form' | 'materials' | 'deficiencyAcceptance' | 'notifyPromise'> & { lang: 'zh' | 'en'; draftKey: string };

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
  const list = document.getElementById('materials-list');
  const touched = new Set<string>();

  const refresh = () => {
    const answers = answersFromPost(rules.form.schema, posted(form));
    // Fields hidden by their conditions.
    const hidden = new Set(visibleAnswers(rules.form, answers).hidden);
    for (const path of Object.keys(rules.form.visibleWhen)) {
      fieldGroup(path)?.classList.toggle('is-hidden', hidden.has(path));
    }
    // The materials for these answers, and only their uploads.
    const byStatus = materialsFor(rules, answers);
    const asked = new Map([...byStatus.required.map((m) => [m.id, ''] as const), ...byStatus.deferrable.map((m) => [m.id, t('可容缺后补', 'may come later')] as const), ...byStatus.optional.map((m) => [m.id, t('选择提交', 'optional')] as const)]);
    if (list) {
      list.replaceChildren(
        ...[...asked].map(([id, tag]) => {
          const item = document.createElement('li');
          item.textContent = rules.materials.find((m) => m.id === id)!.name;
          if (tag) {
            const span = document.createElement('span');
            span.className = `tag ${tag ? 'later' : ''}`;
            span.textContent = tag;
            item.append(span);
          }
          return item;
        }),
      );
    }
    for (const material of rules.materials) {
      const group = document.getElementById(`material-${material.id}`);
      if (group) group.hidden = !asked.has(material.id);
    }
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
  form.addEventListener('focusout', (event) => {
    const id = (event.target as HTMLElement).id;
    if (id.startsWith('root_')) touched.add(id.slice(5).replace(/-\d+$/, '').replace(/_/g, '.'));
    refresh();
  });
  form.addEventListener('submit', () => localStorage.removeItem(rules.draftKey));
  refresh();

  // After a failed post, take the applicant straight to what needs correcting.
  document.getElementById('error-summary')?.focus();
}
