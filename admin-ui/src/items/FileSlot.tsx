import { App, Button, Space } from 'antd';
import type { FileRef } from '@onevisit/item-schemas';
import { useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/** A blank form or a sample for a material: upload, download, replace, remove. */
export function FileSlot({ id, label, value, onChange }: { id: string; label: string; value: FileRef | undefined; onChange: (next: FileRef | undefined) => void }) {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      <input
        ref={input}
        id={id}
        type="file"
        aria-label={label}
        accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
        style={{ display: 'none' }}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            onChange(await api.uploadPublicFile(session.jurisdiction, file));
          } catch (error) {
            message.error(error instanceof ApiError ? pick(error) : String(error));
          } finally {
            setBusy(false);
          }
        }}
      />
      {value && (
        <a href={`/api/files/${value.key}`} download={value.name}>
          {value.name}
        </a>
      )}
      <Button size="small" loading={busy} onClick={() => input.current?.click()}>
        {value ? t(`更换${label}`, `Replace the ${label}`) : t(`上传${label}`, `Upload a ${label}`)}
      </Button>
      {value && (
        <Button size="small" onClick={() => onChange(undefined)}>
          {t(`移除${label}`, `Remove the ${label}`)}
        </Button>
      )}
    </Space>
  );
}
