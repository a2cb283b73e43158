import { Input } from 'antd';
import type { Collection } from '@onevisit/functions/window';
import { useI18n } from '../i18n';

/** 领取方式 as the desk types it: the method, and for 邮寄 the recipient, phone and address. */
export interface CollectionDraft {
  method: 'window' | 'post';
  recipient: string;
  phone: string;
  address: string;
}
export const emptyCollection = (method: 'window' | 'post' = 'window'): CollectionDraft => ({ method, recipient: '', phone: '', address: '' });

/** The ways the item's 送达方式 allow the window to hand out a result, window first. */
export function collectionMethods(delivery: ReadonlyArray<{ method: string }>): Array<'window' | 'post'> {
  const offered = new Set(delivery.map((d) => d.method));
  return (['window', 'post'] as const).filter((m) => offered.has(m));
}

/** What is sent; for 邮寄 the fields left empty are refused by the API with the field named. */
export function collectionOf(draft: CollectionDraft): Collection {
  return draft.method === 'post' ? { method: 'post', recipient: draft.recipient.trim(), phone: draft.phone.trim(), address: draft.address.trim() } : { method: 'window' };
}

/** What the desk says before sending, with the field to focus. */
export function collectionProblem(draft: CollectionDraft): { words: [string, string]; field: string } | undefined {
  if (draft.method !== 'post') return undefined;
  if (!draft.recipient.trim()) return { words: ['请填写邮寄的收件人', 'Enter who the post is addressed to'], field: 'collection-recipient' };
  if (!/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(draft.phone.trim())) return { words: ['请填写收件人的手机或固定电话', 'Enter the recipient’s mobile or landline number'], field: 'collection-phone' };
  if (draft.address.trim().length < 5) return { words: ['请填写完整的邮寄地址', 'Enter the full postal address'], field: 'collection-address' };
  return undefined;
}

/**
 * 领取方式: a native select of what the item allows; 邮寄 opens the recipient, phone and address
 * (the recipient and phone start as the applicant's, to be changed when the post goes elsewhere).
 */
export function CollectionFields({ methods, value, onChange, applicant }: { methods: Array<'window' | 'post'>; value: CollectionDraft; onChange: (next: CollectionDraft) => void; applicant: { name: string; phone: string } }) {
  const { t } = useI18n();
  const set = (patch: Partial<CollectionDraft>) => onChange({ ...value, ...patch });
  return (
    <div className="desk-person">
      <label htmlFor="collection-method">{t('领取方式', 'Collection')}</label>
      <select id="collection-method" className="desk-select" value={value.method} onChange={(e) => set({ method: e.target.value as CollectionDraft['method'], recipient: value.recipient || applicant.name.trim(), phone: value.phone || applicant.phone.trim() })}>
        {methods.map((m) => (
          <option key={m} value={m}>
            {m === 'window' ? t('窗口领取', 'Collect at the window') : t('邮寄(邮政速递)', 'By post (EMS)')}
          </option>
        ))}
      </select>
      {value.method === 'post' && (
        <>
          <label htmlFor="collection-recipient">{t('收件人', 'Recipient')}</label>
          <Input id="collection-recipient" autoComplete="off" value={value.recipient} onChange={(e) => set({ recipient: e.target.value })} />
          <label htmlFor="collection-phone">{t('收件人电话', 'Recipient’s phone')}</label>
          <Input id="collection-phone" type="tel" autoComplete="off" value={value.phone} onChange={(e) => set({ phone: e.target.value })} />
          <label htmlFor="collection-address">{t('邮寄地址', 'Postal address')}</label>
          <Input id="collection-address" autoComplete="off" value={value.address} onChange={(e) => set({ address: e.target.value })} />
        </>
      )}
    </div>
  );
}
