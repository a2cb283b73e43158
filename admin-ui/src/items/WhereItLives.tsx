import { Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * Where a published item is found: the citizen page to apply on, the printable 一次告知
 * checklist, and a QR code to print for the window, all at this site's own address.
 */
export function WhereItLives({ jurisdiction, itemId, version, name, department }: { jurisdiction: string; itemId: string; version: number; name: string; department?: string }) {
  const { t } = useI18n();
  const apply = `${location.origin}/apply/${jurisdiction}/${itemId}`;
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    // The QR encoder loads only when a published item is opened.
    void import('qrcode').then((QRCode) => QRCode.toString(apply, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).then(setQr);
  }, [apply]);
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
    lines[1]!.textContent = t('扫码在手机上办理', 'Scan to apply on your phone');
    lines[2]!.textContent = apply;
    page.print();
  };
  return (
    <Card size="small" title={t(`已发布第 ${version} 版：申请人在这里办理`, `Version ${version} is live: where applicants find it`)} style={{ marginBottom: 12 }}>
      <Space align="start" wrap size="large">
        <Space direction="vertical" size={4}>
          <Typography.Text>
            {t('网上申请：', 'Apply online: ')}
            <Typography.Link href={apply} target="_blank" copyable={{ text: apply }}>
              {apply}
            </Typography.Link>
          </Typography.Text>
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
        {qr && <div role="img" aria-label={t('网上申请二维码', 'QR code of the application page')} style={{ width: 112, height: 112 }} dangerouslySetInnerHTML={{ __html: qr }} />}
      </Space>
    </Card>
  );
}
