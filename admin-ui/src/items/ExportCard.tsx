import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { downloadExport } from './exchange-api';

type Choice = 'xlsx' | 'csv-items' | 'csv-materials' | 'json';

/** The catalogue, all of it or the items picked, in the national layout: Excel, CSV (a sheet a file) or the exchange JSON. */
export function ExportCard({ jurisdiction }: { jurisdiction: string }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const items = useQuery({ queryKey: ['items', jurisdiction], queryFn: () => api.items(jurisdiction) });
  const [which, setWhich] = useState<'all' | 'picked'>('all');
  const [picked, setPicked] = useState<string[]>([]);
  const [format, setFormat] = useState<Choice>('xlsx');
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const [kind, sheet] = format.split('-') as ['xlsx' | 'csv' | 'json', ('items' | 'materials')?];
      await downloadExport(jurisdiction, { format: kind, ...(sheet ? { sheet } : {}), ...(which === 'picked' ? { items: picked } : {}) });
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('导出', 'Export')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('按国家事项要素布局导出草稿(已取消的事项除外)，单元格为国家代码；导出的文件可导入其他区划。', 'Exports the drafts (cancelled items left out) in the national element layout, cells holding national codes; the file imports into another jurisdiction.')}
        </Typography.Paragraph>
        <Radio.Group
          value={which}
          onChange={(e) => setWhich(e.target.value)}
          options={[
            { value: 'all', label: t('全部事项', 'All items') },
            { value: 'picked', label: t('选定的事项', 'Items I pick') },
          ]}
        />
        {which === 'picked' && (
          <Select
            mode="multiple"
            aria-label={t('要导出的事项', 'Items to export')}
            placeholder={t('选择事项', 'Pick items')}
            style={{ width: '100%' }}
            optionFilterProp="label"
            value={picked}
            onChange={setPicked}
            loading={items.isLoading}
            options={(items.data ?? []).filter((i) => i.state !== 'cancelled').map((i) => ({ value: i.itemId, label: i.draftName }))}
          />
        )}
        <Radio.Group
          aria-label={t('文件格式', 'File format')}
          value={format}
          onChange={(e) => setFormat(e.target.value)}
          options={[
            { value: 'xlsx', label: t('Excel(事项、申请材料、代码表)', 'Excel (items, materials, codes)') },
            { value: 'csv-items', label: t('CSV：事项', 'CSV: items') },
            { value: 'csv-materials', label: t('CSV：申请材料', 'CSV: materials') },
            { value: 'json', label: t('交换 JSON', 'Exchange JSON') },
          ]}
        />
        <Button onClick={download} loading={busy} disabled={which === 'picked' && picked.length === 0}>
          {t('导出', 'Export')}
        </Button>
      </Space>
    </Card>
  );
}
