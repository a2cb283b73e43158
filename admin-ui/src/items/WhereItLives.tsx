import { Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * Where a published item is found: its 办事指南 on the public portal, the citizen page to apply
 * on (when the item is taken online), the printable 一次告知 checklist, and a QR code to print
 * for the window (to the application page, else to the guide), all at this site's own address.
 */
export function WhereItLives({ jurisdiction, itemId, version, name, department, online }: { jurisdiction: string; itemId: string; version: number; name: string; department?: string; online: boolean }) {
  const { t } = useI18n();
  const apply = `${location.origin}/apply/${jurisdiction}/${itemId}`;
  const guide = `${location.origin}/guide/${jurisdiction}/${itemId}`;
  const scanned = online ? apply : guide;
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    // The QR encoder loads only when a published item is opened.
    void import('qrcode').then((QRCode) => QRCode.toString(scanned, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).then(setQr);
  }, [scanned]);
  const printQr = () => {
    const page = window.open('', '_blank');
    if (!page || !qr) return;
    // A poster for the window: what it is for and who handles it, above the code. Text goes in as text.
    page.document.title = name;
    page.document.body.innerHTML = `<div style="text-align:center;font-family:sans-serif"><h1 style="font-size:32px;margin-top:48px"></h1><p style="font-size:20px"></p><div style="width:320px;margin:24px auto">${qr}</div><p style="font-size:22px"></p><p style="font-size:14px;color:#444"></p></div>`;
    const [title] = page.document.getElementsByTagName('h1');
    const lines = page.document.getElementsByTagName('p');
    title!.textContent = name;
    lines[0]!.textContent = department ?? '';
    lines[1]!.textContent = online ? t('扫码在手机上办理', 'Scan to apply on your phone') : t('扫码查看办事指南', 'Scan for the service guide');
    lines[2]!.textContent = scanned;
    page.print();
  };
  return (
    <Card size="small" title={t(`已发布第 ${version} 版：申请人在这里办理`, `Version ${version} is live: where applicants find it`)} style={{ marginBottom: 12 }}>
      <Space align="start" wrap size="large">
        <Space direction="vertical" size={4}>
          <Typography.Text>
            {t('办事指南：', 'Service guide: ')}
            <Typography.Link href={guide} target="_blank" copyable={{ text: guide }}>
              {guide}
            </Typography.Link>
          </Typography.Text>
          {online ? (
            <Typography.Text>
              {t('网上申请：', 'Apply online: ')}
              <Typography.Link href={apply} target="_blank" copyable={{ text: apply }}>
                {apply}
              </Typography.Link>
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('办理形式不含网上办理：申请人到窗口办理，不提供网上申请页。', 'Not taken online (see 办理形式): applicants apply at the window; there is no application page.')}</Typography.Text>
          )}
          <Typography.Text>
            {t('一次告知清单(可打印)：', 'Printable checklist: ')}
            <Typography.Link href={`${apply}/checklist`} target="_blank">
              {`${apply}/checklist`}
            </Typography.Link>
          </Typography.Text>
          <Button size="small" onClick={printQr} disabled={!qr}>
            {t('打印窗口二维码', 'Print the QR code for the window')}
          </Button>
        </Space>
        {qr && <div role="img" aria-label={online ? t('网上申请二维码', 'QR code of the application page') : t('办事指南二维码', 'QR code of the service guide')} style={{ width: 112, height: 112 }} dangerouslySetInnerHTML={{ __html: qr }} />}
      </Space>
    </Card>
  );
}
