import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { templates } from '@onevisit/item-schemas/templates';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/** An item id from its name, in pinyin: 劳务派遣行政许可 → lao-wu-pai-qian-xing-zheng-xu-ke (editable). */
async function idFromName(name: string): Promise<string> {
  const { pinyin } = await import('pinyin-pro');
  const words = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((w) => w.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    if ((id ? id.length + 1 : 0) + word.length > 60) break;
    id = id ? `${id}-${word}` : word;
  }
  return id.length >= 2 ? id : '';
}

type NewItem = { source: 'blank' | 'template' | 'copy'; templateId?: string; copyOf?: string; name?: string; itemId: string; department?: string };

/** A new item, from blank, from a seed template or as a copy of an item here (复制), in one of the jurisdiction's departments. */
export function CreateItemDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewItem>();
  const source = Form.useWatch('source', form);
  const departments = useQuery({ queryKey: ['departments', session.jurisdiction], queryFn: () => api.departments(session.jurisdiction), enabled: open });
  const items = useQuery({ queryKey: ['items', session.jurisdiction], queryFn: () => api.items(session.jurisdiction), enabled: open && source === 'copy' });
  // The id follows the name until the official edits it.
  const [idEdited, setIdEdited] = useState(false);
  const follow = (name: string | undefined) => {
    if (idEdited || !name) return;
    void idFromName(name).then((itemId) => form.setFieldValue('itemId', itemId));
  };
  const create = useMutation({
    mutationFn: (values: NewItem) => {
      const picked = departments.data?.find((d) => d.id === values.department);
      const department = picked ? { department: { name: picked.name, creditCode: picked.id, nature: picked.nature } } : {};
      if (values.source === 'template') {
        const template = templates.find((x) => x.id === values.templateId)!;
        return api.createItem(session.jurisdiction, { itemId: values.itemId, definition: { ...structuredClone(template), id: values.itemId, ...department } });
      }
      if (values.source === 'copy') return api.createItem(session.jurisdiction, { itemId: values.itemId, copyOf: values.copyOf, definition: { name: values.name, ...department } });
      return api.createItem(session.jurisdiction, { itemId: values.itemId, definition: { name: values.name, ...department } });
    },
    onSuccess: async ({ head }) => {
      await queries.invalidateQueries({ queryKey: ['items', session.jurisdiction] });
      onClose();
      navigate(`/items/${head.itemId}`);
    },
    onError: (error) => {
      // A taken id is the id field's problem: say it there, where it is fixed.
      if (error instanceof ApiError && error.code === 'ITEM_EXISTS') form.setFields([{ name: 'itemId', errors: [t('这个事项标识已被使用，请换一个', 'This id is taken; choose another')] }]);
      else message.error(error instanceof ApiError ? pick(error) : String(error));
    },
  });
  return (
    <Modal open={open} title={t('新建事项', 'New item')} okText={t('创建', 'Create')} cancelText={t('取消', 'Cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden afterClose={() => setIdEdited(false)}>
      <Form form={form} layout="vertical" initialValues={{ source: 'blank' }} onFinish={(values) => create.mutate(values)}>
        <Form.Item name="source" label={t('从哪里开始', 'Start from')}>
          <Radio.Group
            options={[
              { value: 'blank', label: t('空白事项', 'A blank item') },
              { value: 'template', label: t('模板', 'A template') },
              { value: 'copy', label: t('复制本级已有事项', 'A copy of an item here') },
            ]}
          />
        </Form.Item>
        {source === 'copy' && (
          <Form.Item
            name="copyOf"
            label={t('复制哪个事项', 'Item to copy')}
            extra={t('复制其材料、环节、表单和时限；基本编码和实施编码需重新填写。', 'Its materials, steps, form and limits are copied; give the new item its own codes.')}
            rules={[{ required: true, message: t('请选择要复制的事项', 'Choose the item to copy') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={items.isLoading}
              options={(items.data ?? []).map((i) => ({ value: i.itemId, label: i.published?.name ?? i.draftName }))}
              onChange={(id: string) => {
                const item = items.data?.find((i) => i.itemId === id);
                if (!item) return;
                const name = t(`${item.published?.name ?? item.draftName}(副本)`, `${item.published?.name ?? item.draftName} (copy)`);
                form.setFieldValue('name', name);
                follow(name);
                const from = item.published?.department.creditCode ?? item.draftSummary?.department?.creditCode;
                if (from && departments.data?.some((d) => d.id === from)) form.setFieldValue('department', from);
              }}
            />
          </Form.Item>
        )}
        {source === 'template' ? (
          <Form.Item name="templateId" label={t('模板', 'Template')} rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              onChange={(id: string) => {
                const template = templates.find((x) => x.id === id);
                follow(template?.name);
                if (template && departments.data?.some((d) => d.id === template.department.creditCode)) form.setFieldValue('department', template.department.creditCode);
              }}
            />
          </Form.Item>
        ) : (
          <Form.Item name="name" label={t('事项名称', 'Item name')} rules={[{ required: true, message: t('请填写事项名称', 'Enter the item name') }]}>
            <Input maxLength={200} onChange={(e) => follow(e.target.value)} />
          </Form.Item>
        )}
        <Form.Item name="department" label={t('实施主体(办理部门)', 'Implementing department')} extra={t('申请将送到该部门的工作人员办理。', 'Applications go to this department’s officers.')} rules={[{ required: true, message: t('请选择部门', 'Choose a department') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={departments.isLoading}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.officers.length ? d.name : t(`${d.name}(无工作人员)`, `${d.name} (no officers)`) }))}
          />
        </Form.Item>
        <Form.Item
          name="itemId"
          label={t('事项标识(网址中使用)', 'Item id (used in addresses)')}
          extra={t('按名称自动生成，可修改：小写字母、数字和 -', 'made from the name; you may change it: lowercase letters, digits and -')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,79}$/, message: t('仅含小写字母、数字和 -，2 至 80 个字符', '2–80 lowercase letters, digits or -') }]}
        >
          <Input onChange={() => setIdEdited(true)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
