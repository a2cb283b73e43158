import { formFields, valueAt, type FormField } from './form-fields';
import type { IntakeForm } from './model/form';

/**
 * Who applied: the fields of the intake form that name the applicant, their ID number and
 * their mobile. The item may mark them; where it does not, they are found by kind (身份证号 or
 * 统一社会信用代码, mobile) and by title (姓名, 名称), so notices and searches name the applicant.
 */

export interface ApplicantFieldPaths {
  name?: string;
  idNumber?: string;
  mobile?: string;
}

export interface Applicant {
  name?: string;
  idNumber?: string;
  mobile?: string;
}

const NAME_TITLE = /姓名|名称|申请人|申请单位/;

/** Outer fields come first: the applicant is named at the top of a form, not inside a group about someone else. */
const byDepth = (fields: FormField[]) => [...fields].sort((a, b) => a.path.split('.').length - b.path.split('.').length);

export function applicantFieldPaths(form: Pick<IntakeForm, 'schema' | 'applicantFields'>): ApplicantFieldPaths {
  const fields = byDepth(formFields(form.schema).filter((f) => f.type === 'string'));
  const marked = form.applicantFields ?? {};
  const found = {
    name: marked.name ?? fields.find((f) => !f.format && !f.options && NAME_TITLE.test(f.title))?.path,
    idNumber: marked.idNumber ?? fields.find((f) => f.format === 'cn-id-card' || f.format === 'cn-uscc')?.path,
    mobile: marked.mobile ?? fields.find((f) => f.format === 'cn-mobile')?.path,
  };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

export function applicantOf(form: Pick<IntakeForm, 'schema' | 'applicantFields'>, answers: Record<string, unknown>): Applicant {
  const read = (path: string | undefined) => {
    const value = path ? valueAt(answers, path) : undefined;
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const paths = applicantFieldPaths(form);
  const found = { name: read(paths.name), idNumber: read(paths.idNumber), mobile: read(paths.mobile) };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}
