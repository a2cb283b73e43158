import { Form } from 'antd';
import type { CheckIssue } from '@onevisit/item-schemas';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { fieldId, issuesAt } from './paths';

/** A labelled control for the field at `path`, with the publish-time issues found there. */
export function FieldRow({ path, label, issues, children, extra, exact = true }: { path: string; label: string; issues: readonly CheckIssue[]; children: ReactNode; extra?: string; exact?: boolean }) {
  const { pick } = useI18n();
  const here = exact ? issues.filter((i) => i.path === path) : issuesAt(issues, path);
  return (
    <Form.Item label={label} htmlFor={fieldId(path)} extra={extra} validateStatus={here.length ? 'error' : undefined} help={here.length ? here.map(pick).join('；') : undefined} style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  );
}
