import { applicantFieldPaths, formFields, valueAt, type IntakeForm } from '@onevisit/item-schemas';
import type { PersonDraft } from './PersonFields';

type Answers = Record<string, unknown>;

/**
 * What 2.申请人 says for the item's own applicant fields: the name, the ID number and the phone.
 * Only fields the item marks as its applicant's, or found at the top of the form: one inside a
 * group belongs to a party the form names (转让方, 受让方), which the person at the window may not
 * be. A name only where a person's is asked (姓名), a number only where this document's fits.
 */
function applicantValues(form: IntakeForm, person: PersonDraft): Array<[path: string, value: string]> {
  const paths = applicantFieldPaths(form);
  const marked = form.applicantFields ?? {};
  const fields = new Map(formFields(form.schema).map((f) => [f.path, f]));
  const ours = (key: keyof typeof paths) => {
    const path = paths[key];
    return path !== undefined && (marked[key] !== undefined || !path.includes('.')) ? path : undefined;
  };
  const name = ours('name');
  const idNumber = ours('idNumber');
  const idFormat = idNumber === undefined ? undefined : fields.get(idNumber)?.format;
  const residentCard = person.idType === '111' || person.idType === '112';
  const values: Array<[string | undefined, string]> = [
    [name !== undefined && (marked.name !== undefined || fields.get(name)?.title.includes('姓名')) ? name : undefined, person.name.trim()],
    [idFormat === 'cn-uscc' || (idFormat === 'cn-id-card' && !residentCard) ? undefined : idNumber, person.idNumber.trim().toUpperCase()],
    [ours('mobile'), person.phone.trim()],
  ];
  return values.filter((v): v is [string, string] => v[0] !== undefined);
}

function withValueAt(answers: Answers, path: string, value: string): Answers {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) {
    const { [head]: _, ...others } = answers;
    return value ? { ...others, [head]: value } : others;
  }
  const inner = answers[head];
  return { ...answers, [head]: withValueAt(typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Answers) : {}, rest.join('.'), value) };
}

/**
 * The answers with the applicant's fields filled from 2.申请人, so the officer types them once;
 * a field stays as it is once answered otherwise than filled here (`filled`: what was filled
 * before, by path). Undefined when nothing changes.
 */
export function withApplicant(form: IntakeForm, answers: Answers, person: PersonDraft, filled: Record<string, string>): { answers: Answers; filled: Record<string, string> } | undefined {
  let next = answers;
  const now: Record<string, string> = {};
  for (const [path, value] of applicantValues(form, person)) {
    const current = valueAt(next, path);
    if (current !== undefined && current !== '' && current !== filled[path]) continue;
    now[path] = value;
    if ((current ?? '') !== value) next = withValueAt(next, path, value);
  }
  return next === answers ? undefined : { answers: next, filled: now };
}
