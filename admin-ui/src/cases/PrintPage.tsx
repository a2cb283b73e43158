import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import type { CaseDetail } from '@onevisit/functions/cases';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { useI18n } from '../i18n';
import { documentDate } from './format';

/**
 * The written notices the law requires (行政许可法 第32条, 第38条): 受理通知书, 补正告知书,
 * 不予受理决定书 and the 准予 / 不予行政许可决定书, laid out for A4 and printed from the browser.
 * Documents are in Chinese.
 */
export function PrintPage() {
  const { trackingNumber = '', kind = '' } = useParams();
  const { t } = useI18n();
  const detail = useQuery({ queryKey: ['case', trackingNumber], queryFn: () => api.caseDetail(trackingNumber) });
  if (!detail.data) return null;
  const body = documentFor(kind, detail.data);
  return (
    <div className="print-page">
      <style>{`
        .print-page { max-width: 210mm; margin: 0 auto; padding: 16px; font-family: "SimSun", "Songti SC", serif; font-size: 16px; line-height: 2; color: #000; }
        .print-page h1 { text-align: center; font-size: 24px; letter-spacing: 4px; margin: 24px 0 4px; }
        .print-page .number { text-align: center; margin-bottom: 24px; }
        .print-page .seal { text-align: right; margin-top: 48px; }
        .print-page p { text-indent: 2em; margin: 0; }
        .print-page ol { margin: 0 0 0 2em; }
        @media print { .no-print { display: none !important; } .print-page { padding: 0; } }
      `}</style>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Link to={`/cases/${trackingNumber}`}>{t('← 返回办件', '← Back to the case')}</Link>
        <Button type="primary" onClick={() => window.print()}>
          {t('打印', 'Print')}
        </Button>
      </Space>
      {body ?? <Alert type="warning" showIcon message={t('本件没有这份文书', 'This case has no such document')} />}
    </div>
  );
}

function Letter({ title, d, date, children }: { title: string; d: CaseDetail; date: string; children: ReactNode }) {
  return (
    <article>
      <h1>{d.departmentName}</h1>
      <h1>{title}</h1>
      <div className="number">编号：{d.case.trackingNumber}</div>
      <div>申请人：{d.case.applicant?.name ?? '________________'}{d.case.applicant?.idNumber ? `(证件号码 ${d.case.applicant.idNumber})` : ''}</div>
      {children}
      <div className="seal">
        <div>{d.departmentName}(印章)</div>
        <div>{documentDate(date)}</div>
      </div>
    </article>
  );
}

function documentFor(kind: string, d: CaseDetail): ReactNode {
  const c = d.case;
  const applied = `你(单位)于${documentDate(c.receivedOn)}提出的「${c.itemName}」申请`;
  if (kind === 'acceptance' && c.acceptedOn) {
    const deferred = c.materials.filter((m) => m.status === 'deferred' || m.supplementedOn);
    const missed = d.supplementOnMissed === 'reject' ? '本机关将决定不予受理' : '本件将中止办理，补交后恢复办理';
    return (
      <Letter title="受理通知书" d={d} date={c.acceptedOn}>
        {deferred.length > 0 ? (
          <p>{applied}，经审查，申请材料主要内容齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定和容缺受理的有关规定，本机关决定予以受理(容缺受理)。</p>
        ) : (
          <p>{applied}，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。</p>
        )}
        <p>本机关承诺于{documentDate(c.due.promised.due)}前作出决定{c.due.legal ? `(法定期限届满日为${documentDate(c.due.legal.due)})` : ''}。</p>
        {deferred.length > 0 && <p>请于{documentDate(c.due.supplement?.due ?? deferred[0]!.supplementDue ?? c.acceptedOn)}前补交：{deferred.map((m) => m.name).join('、')}。逾期未补交的，{missed}。</p>}
        <p>可凭受理编号和申请时取得的查询码，在网上或办事窗口查询办理进度。</p>
      </Letter>
    );
  }
  if (kind === 'correction' && c.correction) {
    return (
      <Letter title="补正告知书" d={d} date={c.correction.requestedOn}>
        <p>{applied}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知你(单位)需要补正的全部内容：</p>
        <ol>
          {c.correction.items.map((item, i) => (
            <li key={i}>{item.materialId ? `${c.materials.find((m) => m.materialId === item.materialId)?.name ?? item.materialId}：` : ''}{item.note}</li>
          ))}
        </ol>
        <p>请补正后重新提交。补正材料收到之日起，本机关将在五个工作日内作出是否受理的决定。</p>
      </Letter>
    );
  }
  // 行政许可法 第38条: a grant is decided in writing; a denial states its reasons and the rights to challenge it.
  if (kind === 'decision' && c.decision?.outcome === 'approved') {
    const licence = d.itemType === '01';
    const r = c.decision.result;
    return (
      <Letter title={licence ? '准予行政许可决定书' : '办结通知书'} d={d} date={c.decision.on}>
        <p>{applied}，经审查，符合法定条件、标准，根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定{licence ? '准予行政许可' : '予以办理'}。</p>
        {r && (
          <p>
            办理结果：{r.name}
            {r.number ? `，编号：${r.number}` : ''}
            {r.validUntil ? `，有效期至${documentDate(r.validUntil)}` : ''}。
          </p>
        )}
        <p>{c.due.delivery ? `本机关将于${documentDate(c.due.delivery.due)}前向你(单位)颁发、送达办理结果。` : ''}</p>
      </Letter>
    );
  }
  if (kind === 'decision' && c.decision?.outcome === 'denied') {
    return (
      <Letter title={d.itemType === '01' ? '不予行政许可决定书' : '不予办理决定书'} d={d} date={c.decision.on}>
        <p>{applied}，经审查，根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予{d.itemType === '01' ? '行政许可' : '办理'}。理由如下：</p>
        <p>{c.decision.reasons}</p>
        <p>{c.decision.rights}</p>
      </Letter>
    );
  }
  if (kind === 'refusal' && c.notAccepted) {
    return (
      <Letter title="不予受理决定书" d={d} date={c.notAccepted.on}>
        <p>{applied}，经审查，决定不予受理。理由如下：</p>
        <p>{c.notAccepted.reason}。</p>
        <p>{c.notAccepted.rights}</p>
      </Letter>
    );
  }
  return undefined;
}
