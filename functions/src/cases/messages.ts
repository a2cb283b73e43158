import { randomUUID } from 'node:crypto';
import { formFields, valueAt, type ItemDefinition } from '@onevisit/item-schemas';
import type { PendingMessage } from '../records';
import { withInvitation } from '../ratings/sms-invitations';
import type { NoticeIntent } from './lifecycle';
import type { CaseRecord, StoredCase } from './record';

/**
 * The messages a change to a case sends, as written into the case's own outbox with the change
 * (notifier.ts delivers them): the lifecycle's notices addressed to channels and recipients.
 */

/** The first answer in a field of this format: where the applicant asked to be reached. */
function contact(item: ItemDefinition, c: CaseRecord, format: 'cn-mobile' | 'email'): string | undefined {
  const field = formFields(item.form.schema).find((f) => f.format === format && typeof valueAt(c.answers, f.path) === 'string');
  return field ? (valueAt(c.answers, field.path) as string) : undefined;
}

/**
 * Notices as messages: to the department's or the administrators' in-site inbox, and to the
 * applicant by SMS and e-mail, whichever the form asked for (a form with neither leaves the
 * tracking page).
 */
export function messagesFor(c: CaseRecord, item: ItemDefinition, notices: readonly NoticeIntent[], at: Date): PendingMessage[] {
  const mobile = contact(item, c, 'cn-mobile');
  const email = contact(item, c, 'email');
  return notices.flatMap((notice) => {
    const base = { jurisdiction: c.jurisdiction, at: at.toISOString(), topic: notice.topic, text: notice.text, text_en: notice.text_en, trackingNumber: c.trackingNumber };
    const addressed =
      notice.to === 'applicant'
        ? [...(mobile ? [{ channel: 'sms' as const, to: mobile }] : []), ...(email ? [{ channel: 'email' as const, to: email }] : [])]
        : [{ channel: 'inSite' as const, to: notice.to === 'department' ? `dept:${c.departmentId}` : 'admins' }];
    return addressed.map((address) => withInvitation({ id: randomUUID(), ...base, ...address }));
  });
}

/** The case with these messages added to those it still has to send. */
export function withMessages<T extends StoredCase>(c: T, messages: readonly PendingMessage[]): T {
  if (messages.length === 0) return c;
  return { ...c, outbox: { ...c.outbox, ...Object.fromEntries(messages.map((m) => [m.id, m])) } };
}
