import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { denialRules, deliveryRules } from '@onevisit/item-schemas';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { bundleApi } from './bundle-api';
import { departmentsFrom, type BundleDraftDefinition } from './bundle-definition';
import { idFromName } from './id-from-name';
import { ItemsAndSteps } from './ItemsAndSteps';

/** A new 一件事 from published items: its name, its items in steps, what happens when one is not granted. */
export function NewBundlePage() {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const heads = useQuery({ queryKey: ['items', j], queryFn: () => api.items(j) });
  const [definition, setDefinition] = useState<BundleDraftDefinition>({ id: '', onChildDenied: 'continue', delivery: 'together' });
  const [idEdited, setIdEdited] = useState(false);
  const [idProblem, setIdProblem] = useState<string>();
  const set = (change: Partial<BundleDraftDefinition>) => setDefinition((d) => ({ ...d, ...change }));

  const create = useMutation({
    mutationFn: async () => {
      const items = definition.items ?? [];
      const loaded = await Promise.all(items.map(async (i) => [i.key, await bundleApi.itemVersion(i.jurisdiction, i.itemId, i.version)] as const));
      const scenario = { schema: { type: 'object', properties: {} }, uiSchema: {}, visibleWhen: {} };
      return bundleApi.create(j, definition.id, { kind: 'bundle', ...definition, ...departmentsFrom(definition, Object.fromEntries(loaded)), scenario, fields: [], materials: [] });
    },
    onSuccess: async ({ head }) => {
      await queries.invalidateQueries({ queryKey: ['bundles', j] });
      navigate(`/bundles/${head.bundleId}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'BUNDLE_EXISTS' || error.code === 'INVALID_ITEM_ID')) setIdProblem(pick(error));
      else message.error(error instanceof ApiError ? pick(error) : String(error));
    },
  });

  const idValid = /^[a-z0-9][a-z0-9-]{1,79}$/.test(definition.id);
  const ready = !!definition.name?.trim() && idValid && (definition.items?.length ?? 0) >= 2;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('新建一件事', 'New bundle')}
      </Typography.Title>
      <Form layout="vertical" style={{ maxWidth: 880 }} onFinish={() => create.mutate()}>
        <Card title={t('1. 名称', '1. Name')} size="small" style={{ marginBottom: 12 }}>
          <Form.Item label={t('一件事名称', 'Name')} htmlFor="bundle-name" extra={t('申请人在办事指南和申请页上看到的名称，例如“开办餐饮店”。', 'What applicants see on the guide and the application page, e.g. 开办餐饮店.')}>
            <Input
              id="bundle-name"
              maxLength={200}
              value={definition.name ?? ''}
              onChange={(e) => {
                const name = e.target.value;
                set({ name });
                if (!idEdited) void idFromName(name).then((id) => set({ id }));
              }}
            />
          </Form.Item>
          <Form.Item
            label={t('简称(网址中使用)', 'Short name (used in addresses)')}
            htmlFor="bundle-id"
            validateStatus={idProblem || (definition.id && !idValid) ? 'error' : undefined}
            help={idProblem ?? (definition.id && !idValid ? t('仅含小写字母、数字和 -，2 至 80 个字符', '2–80 lowercase letters, digits or -') : undefined)}
            extra={t('按名称的拼音自动生成，可修改。申请页的地址为 /apply/区划代码/简称。', 'Made from the name’s pinyin; you may change it. The application page is at /apply/<jurisdiction>/<short name>.')}
          >
            <Input
              id="bundle-id"
              value={definition.id}
              onChange={(e) => {
                setIdEdited(true);
                setIdProblem(undefined);
                set({ id: e.target.value.trim() });
              }}
            />
          </Form.Item>
        </Card>
        <Card title={t('2. 包含哪些事项，按什么顺序办理', '2. Which items, in what order')} size="small" style={{ marginBottom: 12 }}>
          <ItemsAndSteps jurisdiction={j} heads={heads.data ?? []} definition={definition} update={(change) => setDefinition(change)} />
        </Card>
        <Card title={t('3. 某一事项不予办理时', '3. When one item is not granted')} size="small" style={{ marginBottom: 12 }}>
          <Radio.Group aria-label={t('某一事项不予办理时', 'When one item is not granted')} value={definition.onChildDenied} onChange={(e) => set({ onChildDenied: e.target.value as keyof typeof denialRules })} options={Object.entries(denialRules).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('无论哪种方式，申请人都会一次收到各事项的结果和理由。', 'Either way, the applicant is told once, with every item’s outcome and reasons.')}
          </Typography.Paragraph>
        </Card>
        <Card title={t('4. 结果怎样送达', '4. How results are delivered')} size="small" style={{ marginBottom: 12 }}>
          <Radio.Group aria-label={t('出件方式', 'Delivery')} value={definition.delivery} onChange={(e) => set({ delivery: e.target.value as keyof typeof deliveryRules })} options={Object.entries(deliveryRules).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
        </Card>
        {!ready && <Alert style={{ marginBottom: 12 }} type="info" showIcon message={t('填写名称并选择至少两个事项后即可创建。', 'Enter a name and choose at least two items to create it.')} />}
        <Space>
          <Button type="primary" htmlType="submit" disabled={!ready} loading={create.isPending}>
            {t('创建并设置合并表单', 'Create and set up the one form')}
          </Button>
          <Button onClick={() => navigate('/bundles')}>{t('取消', 'Cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
