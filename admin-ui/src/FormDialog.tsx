import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';

/**
 * A form in a dialog that acts once on what is shown: `send` gets the answers and a key made when
 * the dialog opened, so a double click or a retried request is applied once. Done, it says so;
 * refused, it says why in the reader's language, and on a conflict (someone acted meanwhile)
 * hands over as done, so the page shows things as they are now.
 */
export function FormDialog({ label, danger, initialValues, send, onClose, onDone, children }: {
  label: readonly [string, string];
  danger?: boolean;
  initialValues?: Record<string, unknown>;
  send: (values: Record<string, unknown>, key: string) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [key] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);

  async function finish(values: Record<string, unknown>) {
    setSending(true);
    try {
      await send(values, key);
      message.success(t(`已${label[0]}`, `${label[1]}: done`));
      onDone();
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
      if (error instanceof ApiError && error.status === 409) onDone();
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal open title={t(...label)} onCancel={onClose} okText={t('确定', 'Confirm')} cancelText={t('取消', 'Cancel')} okButtonProps={{ danger, loading: sending }} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={finish} initialValues={initialValues ?? {}}>
        {children}
      </Form>
    </Modal>
  );
}
