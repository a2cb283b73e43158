import { Card, Form, Input, Radio, Select, Typography } from 'antd';
import type { ItemHead } from '@onevisit/functions/records';
import { denialRules, deliveryRules } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';
import type { BundleDraftDefinition } from './bundle-definition';
import { ItemsAndSteps } from './ItemsAndSteps';

/** The name, the items in their steps, the departments taking part, and the rules for a denial and for delivery. */
export function BasicsTab({ jurisdiction, heads, definition, update }: { jurisdiction: string; heads: readonly ItemHead[]; definition: BundleDraftDefinition; update: (change: (d: BundleDraftDefinition) => BundleDraftDefinition) => void }) {
  const { t } = useI18n();
  const departments = [definition.leadDepartment, ...(definition.cooperatingDepartments ?? [])].filter((d) => d !== undefined);
  return (
    <Form layout="vertical" style={{ maxWidth: 880 }}>
      <Form.Item label={t('一件事名称', 'Name')} htmlFor="bundle-name">
        <Input id="bundle-name" maxLength={200} value={definition.name ?? ''} onChange={(e) => update((d) => ({ ...d, name: e.target.value }))} />
      </Form.Item>
      <Card size="small" title={t('包含哪些事项，按什么顺序办理', 'Which items, in what order')} style={{ marginBottom: 12 }}>
        <ItemsAndSteps jurisdiction={jurisdiction} heads={heads} definition={definition} update={update} />
      </Card>
      {departments.length > 0 && (
        <Form.Item label={t('牵头部门', 'Lead department')} htmlFor="bundle-lead" extra={t(`配合部门(按所选事项自动列出)：${(definition.cooperatingDepartments ?? []).map((d) => d.name).join('、') || '无'}`, `Cooperating (from the items): ${(definition.cooperatingDepartments ?? []).map((d) => d.name).join(', ') || 'none'}`)}>
          <Select
            id="bundle-lead"
            style={{ maxWidth: 400 }}
            value={definition.leadDepartment?.creditCode}
            onChange={(code: string) => update((d) => ({ ...d, leadDepartment: departments.find((x) => x.creditCode === code)! }))}
            options={departments.map((d) => ({ value: d.creditCode, label: d.name }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('某一事项不予办理时', 'When one item is not granted')}>
        <Radio.Group aria-label={t('某一事项不予办理时', 'When one item is not granted')} value={definition.onChildDenied ?? 'continue'} onChange={(e) => update((d) => ({ ...d, onChildDenied: e.target.value as keyof typeof denialRules }))} options={Object.entries(denialRules).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
      </Form.Item>
      <Form.Item label={t('出件方式', 'Delivery')}>
        <Radio.Group aria-label={t('出件方式', 'Delivery')} value={definition.delivery ?? 'together'} onChange={(e) => update((d) => ({ ...d, delivery: e.target.value as keyof typeof deliveryRules }))} options={Object.entries(deliveryRules).map(([value, [zh, en]]) => ({ value, label: t(zh, en) }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('申请人会一次收到各事项的结果和理由。', 'The applicant is told once, with every item’s outcome and reasons.')}</Typography.Paragraph>
    </Form>
  );
}
