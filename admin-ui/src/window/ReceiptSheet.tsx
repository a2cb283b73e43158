import { displayTrackingCode, type CaseRecord } from '@onevisit/functions/cases';
import { idTypes, postingAddress } from '@onevisit/functions/window';
import { useEffect, useState } from 'react';
import { documentDate } from '../cases/format';

/** A document number as a receipt handed over prints it: the middle masked (440524********0014). */
export function maskedIdNumber(n: string): string {
  const [head, tail] = n.length >= 15 ? [6, 4] : [1, 2];
  return n.length <= head + tail ? '*'.repeat(n.length) : `${n.slice(0, head)}${'*'.repeat(n.length - head - tail)}${n.slice(-tail)}`;
}

/**
 * 收件回执, printed at the window and handed to the applicant: the tracking number and its 查询码,
 * what was received and how, what is owed (容缺) and by when, the promised date, the window and
 * the officer, and a QR code to the tracking page (which asks for the 查询码: a secret stays out
 * of addresses). Documents are in Chinese.
 */
export function ReceiptSheet({ filed, secret, departmentName }: { filed: CaseRecord; secret: string; departmentName: string }) {
  const desk = filed.window!;
  const trackUrl = `${location.origin}/track?number=${encodeURIComponent(filed.trackingNumber)}`;
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    // The QR encoder loads with the first receipt.
    void import('qrcode').then((QRCode) => QRCode.toString(trackUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })).then(setQr);
  }, [trackUrl]);
  const how = (materialId: string) => {
    const r = desk.materials.find((m) => m.materialId === materialId);
    if (!r) return '';
    if (r.form === 'scan') return '扫描件';
    if (r.form === 'online') return `网上已提交${r.reference ? `(${r.reference})` : ''}`;
    return [r.original ? '原件已核验' : '', r.copies ? `复印件 ${r.copies} 份` : ''].filter(Boolean).join('，') || '纸质';
  };
  const deferred = filed.materials.filter((m) => m.status === 'deferred');
  const person = (p: NonNullable<typeof desk.agent>) => `${p.name}(${idTypes[p.idType].zh} ${maskedIdNumber(p.idNumber)}${p.phone ? `，电话 ${p.phone}` : ''})`;
  return (
    <article className="window-print" data-testid="receipt">
      <h1>{departmentName}</h1>
      <h1>收件回执</h1>
      <div className="number">
        受理编号：<span data-testid="tracking-number">{filed.trackingNumber}</span>
      </div>
      <div className="receipt-top">
        <div>
          <p>事项：{filed.itemName}</p>
          <p>申请人：{person(desk.applicant)}</p>
          {desk.agent && <p>代理人：{person(desk.agent)}，已收取授权委托书</p>}
          <p>收件日期：{documentDate(filed.receivedOn)}</p>
          {desk.collection && <p>领取方式：{desk.collection.method === 'post' ? `邮寄至 ${postingAddress(desk.collection)}` : '窗口领取'}</p>}
          <p>承诺办结日期：{documentDate(filed.due.promised.due)}</p>
          <p>
            查询码：<strong data-testid="secret">{displayTrackingCode(secret)}</strong>(请妥善保管，凭受理编号和查询码查询办理进度)
          </p>
        </div>
        <figure>
          {qr ? <div className="qr" role="img" aria-label="办理进度查询二维码" data-url={trackUrl} dangerouslySetInnerHTML={{ __html: qr }} /> : <div className="qr" />}
          <figcaption>扫码查询办理进度</figcaption>
        </figure>
      </div>
      <table>
        <thead>
          <tr>
            <th>收取的材料</th>
            <th>收取方式</th>
          </tr>
        </thead>
        <tbody>
          {filed.materials
            .filter((m) => m.status === 'supplied')
            .map((m) => (
              <tr key={m.materialId}>
                <td>{m.name}</td>
                <td>{how(m.materialId)}</td>
              </tr>
            ))}
          {desk.agent && (
            <tr>
              <td>授权委托书</td>
              <td>{desk.authorization?.form === 'online' ? '网上已提交' : desk.authorization?.original ? '原件' : '纸质'}</td>
            </tr>
          )}
        </tbody>
      </table>
      {deferred.length > 0 && (
        <p>
          容缺受理：以下材料请于{documentDate(filed.due.supplement?.due ?? deferred[0]!.supplementDue ?? filed.receivedOn)}前补交，可在网上(办理进度页面)或到窗口补交：{deferred.map((m) => m.name).join('、')}。
        </p>
      )}
      <p>本回执仅证明已收到上述材料；是否受理，将于法定期限内告知，并出具受理通知书。</p>
      <p>查询网址：{location.origin}/track</p>
      <div className="seal">
        <div>
          收件窗口：{desk.window.name} {desk.window.number} 号窗口
        </div>
        <div>收件人：{desk.officer.name}</div>
        <div>{documentDate(filed.receivedOn)}</div>
      </div>
    </article>
  );
}
