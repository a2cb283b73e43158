import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import { actionNames, channelNames, statusNames } from '@onevisit/functions/case-names';
import type { CaseDetail, CaseRecord } from '@onevisit/functions/cases';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';
import { CaseOrders } from '../supervision/CaseOrders';
import { ActionDialog } from './ActionDialog';
import { BundleMembership } from './BundleMembership';
import { ReassignDialog } from './ReassignDialog';
import { actionForms, decisionForm, type ActionForm } from './actions';
import { shanghaiTime } from './format';
import { WarningTag } from './WarningTag';
import { WindowRecord } from './WindowRecord';

const clockNames: Array<[keyof CaseRecord['due'], string, string]> = [
  ['acceptance', '受理决定(补正告知)', 'Acceptance decision'],
  ['step', '当前环节', 'Current step'],
  ['promised', '承诺办结', 'Promised'],
  ['legal', '法定办结', 'Legal limit'],
  ['supplement', '容缺材料补交', 'Deferred materials'],
  ['delivery', '结果送达', 'Delivery'],
  ['followUp', '差评回访', 'Rating follow-up'],
];

/** One case: answers, materials, deadlines, history, and the actions it admits now. */
export function CasePage() {
  const { trackingNumber = '' } = useParams();
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const queries = useQueryClient();
  const detail = useQuery({ queryKey: ['case', trackingNumber], queryFn: () => api.caseDetail(trackingNumber) });
  const [acting, setActing] = useState<ActionForm>();
  const admin = canConfigure(session);
  const [moving, setMoving] = useState(false);
  const departments = useQuery({ queryKey: ['departments', session.jurisdiction], queryFn: () => api.departments(session.jurisdiction), enabled: admin });
  const refresh = () => {
    setActing(undefined);
    void queries.invalidateQueries({ queryKey: ['case', trackingNumber] });
    void queries.invalidateQueries({ queryKey: ['queue'] });
  };

  if (detail.error) return <Alert type="error" showIcon message={detail.error instanceof ApiError ? pick(detail.error) : String(detail.error)} />;
  if (!detail.data) return <Card loading />;
  const d = detail.data;
  const c = d.case;
  const mayAct = session.user.role === 'officer';
  const actions = d.allowed.filter((a) => actionForms[a]);
  const documents = [
    c.acceptedOn && !c.deemedAccepted ? (['acceptance', '受理通知书', 'Acceptance notice'] as const) : undefined,
    c.correction ? (['correction', '补正告知书', 'Correction notice'] as const) : undefined,
    c.notAccepted ? (['refusal', '不予受理决定书', 'Decision not to accept'] as const) : undefined,
    c.decision?.outcome === 'approved' ? (['decision', d.itemType === '01' ? '准予行政许可决定书' : '办结通知书', 'Decision'] as const) : undefined,
    c.decision?.outcome === 'denied' ? (['decision', d.itemType === '01' ? '不予行政许可决定书' : '不予办理决定书', 'Denial'] as const) : undefined,
  ].filter((x) => x !== undefined);
  // The last step's 通过 is the decision itself: worded as the grant, and it records what is issued.
  const lastStep = c.step !== undefined && c.step.index === d.steps.length - 1;
  const formFor = (a: string) => (a === 'completeStep:pass' && lastStep ? decisionForm(d.itemType) : actionForms[a]!);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <div>
          {session.user.role === 'officer' ? <Link to="/cases">{t('← 待办件', '← Open cases')}</Link> : <Link to="/cases/search">{t('← 办件查询', '← Find cases')}</Link>}
          <Typography.Title level={1} style={{ fontSize: 22, margin: '4px 0' }}>
            {c.itemName}
          </Typography.Title>
          <Space wrap>
            <Typography.Text copyable>{c.trackingNumber}</Typography.Text>
            <Tag color="blue" data-testid="case-status">
              {t(...statusNames[c.status])}
            </Tag>
            {c.status !== 'delivered' && c.status !== 'withdrawn' && <WarningTag level={d.warning} />}
            {c.deemedAccepted && <Tag>{t('视为受理', 'Deemed accepted')}</Tag>}
            {c.extension && <Tag>{t('已延期', 'Extended')}</Tag>}
          </Space>
        </div>
        <Space wrap>
          {admin && ['received', 'correctionRequested', 'inProcess', 'suspended', 'decided'].includes(c.status) && (
            <Button onClick={() => setMoving(true)}>{t(`移交部门(现为${d.departmentName})`, `Move (now with ${d.departmentName})`)}</Button>
          )}
          {documents.map(([kind, zh, en]) => (
            <Link key={kind} to={`/cases/${c.trackingNumber}/print/${kind}`}>
              {t(`打印${zh}`, `Print: ${en}`)}
            </Link>
          ))}
        </Space>
      </Space>

      <CaseOrders detail={d} />
      {mayAct && (actions.length > 0 || d.blocked.length > 0) && (
        <Card size="small" title={t('办理', 'Act')} style={{ marginBottom: 16 }}>
          <Space wrap>
            {actions.map((a) => {
              const form = formFor(a);
              const stepName = a.startsWith('completeStep') && c.step ? `${c.step.name}：` : '';
              return (
                <Button key={a} type={form.tone === 'primary' ? 'primary' : 'default'} danger={form.tone === 'danger'} onClick={() => setActing(form)}>
                  {t(stepName + form.label[0], (stepName ? `${c.step!.name}: ` : '') + form.label[1])}
                </Button>
              );
            })}
            {d.blocked
              .filter((b) => actionForms[b.action])
              .map((b) => (
                <Tooltip key={b.action} title={pick(b)}>
                  {/* A disabled button takes no pointer events: the wrapper carries the reason. */}
                  <span tabIndex={0} aria-label={`${t(...formFor(b.action).label)}：${pick(b)}`}>
                    <Button disabled style={{ pointerEvents: 'none' }}>
                      {t(...formFor(b.action).label)}
                    </Button>
                  </span>
                </Tooltip>
              ))}
          </Space>
          {d.blocked.filter((b) => actionForms[b.action]).map((b) => (
            <Typography.Paragraph key={b.action} type="secondary" style={{ margin: '8px 0 0' }}>
              {t(`「${formFor(b.action).label[0]}」暂不可用：`, `"${formFor(b.action).label[1]}" is not available yet: `)}
              {pick(b)}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      {acting && <ActionDialog form={acting} detail={d} onClose={() => setActing(undefined)} onDone={refresh} />}
      {d.bundle && <BundleMembership bundle={d.bundle} current={c.trackingNumber} />}
      <WindowRecord record={c} />

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('办理时限', 'Deadlines')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('收件日期', 'Received')}>{c.receivedOn}</Descriptions.Item>
              {c.channel && <Descriptions.Item label={t('申报来源', 'Channel')}>{t(...channelNames[c.channel])}</Descriptions.Item>}
              {c.acceptedOn && <Descriptions.Item label={t('受理日期', 'Accepted')}>{c.acceptedOn}</Descriptions.Item>}
              {clockNames
                .filter(([name]) => c.due[name])
                .map(([name, zh, en]) => (
                  <Descriptions.Item key={name} label={t(zh, en)}>
                    {c.due[name]!.due}
                    {c.due[name]!.provisional && <Tag style={{ marginLeft: 6 }}>{t('暂定', 'provisional')}</Tag>}
                    {c.status === 'suspended' && (name === 'promised' || name === 'legal') && <Tag style={{ marginLeft: 6 }}>{t('暂停计时', 'paused')}</Tag>}
                  </Descriptions.Item>
                ))}
            </Descriptions>
          </Card>
          {c.decision && (
            <Card size="small" title={t('办理结果', 'Decision')} style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('决定', 'Outcome')}>
                  {c.decision.outcome === 'approved' ? t(d.itemType === '01' ? '准予行政许可' : '准予', 'Approved') : c.decision.outcome === 'denied' ? t('不予许可', 'Denied') : t(`转报：${c.decision.transferTo ?? ''}`, `Transferred to ${c.decision.transferTo ?? ''}`)}
                  {c.decision.deemed ? t('(超时默认)', ' (deemed on timeout)') : ''} · {c.decision.on}
                </Descriptions.Item>
                {c.decision.result && <Descriptions.Item label={t('结果名称', 'Issued')}>{c.decision.result.name}</Descriptions.Item>}
                {c.decision.result?.number && <Descriptions.Item label={t('编号', 'Number')}>{c.decision.result.number}</Descriptions.Item>}
                {c.decision.result?.validUntil && <Descriptions.Item label={t('有效期至', 'Valid until')}>{c.decision.result.validUntil}</Descriptions.Item>}
                {c.decision.reasons && <Descriptions.Item label={t('理由', 'Reasons')}>{c.decision.reasons}</Descriptions.Item>}
              </Descriptions>
            </Card>
          )}
          <Card size="small" title={t('办理环节', 'Steps')} style={{ marginBottom: 16 }}>
            <Steps
              direction="vertical"
              size="small"
              current={c.step?.index ?? (c.decision ? d.steps.length : -1)}
              items={d.steps.map((s) => ({ title: s.name, description: `${s.role} · ${t(`${s.limitDays}个工作日`, `${s.limitDays} WD`)}${s.onTimeout === 'autoApprove' ? t(' · 超时默认', ' · deemed approved on timeout') : ''}` }))}
            />
          </Card>
          <Card size="small" title={t('申请内容', 'Answers')}>
            <Descriptions size="small" column={1}>
              {d.answers.map((a) => (
                <Descriptions.Item key={a.path} label={a.title}>
                  {a.value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('申请材料', 'Materials')} style={{ marginBottom: 16 }}>
            <Materials c={c} mayAct={mayAct} detail={d} onDone={refresh} />
          </Card>
          <Card size="small" title={t('办理记录', 'History')}>
            <Timeline
              items={c.history.map((h) => ({
                color: h.action === 'warning' ? 'red' : 'blue',
                children: (
                  <>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {shanghaiTime(h.at)} · {h.actorName ?? (h.actor === 'system' ? t('系统', 'system') : h.actor === 'applicant' ? t('申请人', 'applicant') : h.actor)}
                    </Typography.Text>
                    <div>
                      {t(...(actionNames[h.action] ?? [h.action, h.action]))}
                      {h.note ? `：${h.note}` : ''}
                    </div>
                    {h.internalNote && (
                      <div>
                        <Tag>{t('内部意见', 'Internal note')}</Tag>
                        {h.internalNote}
                      </div>
                    )}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {moving && departments.data && <ReassignDialog jurisdiction={session.jurisdiction} reassigning={{ trackingNumber: c.trackingNumber, revision: c.revision, departmentId: c.departmentId }} departments={departments.data} onClose={() => setMoving(false)} />}
    </>
  );
}

const fileKind = (contentType: string) => contentType.split('/').at(-1)!.toUpperCase();

function Materials({ c, mayAct, detail, onDone }: { c: CaseRecord; mayAct: boolean; detail: CaseDetail; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [reviewKey] = useState(() => crypto.randomUUID());
  const open = async (key: string) => {
    try {
      const blob = await api.caseFile(c.trackingNumber, key);
      window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
    }
  };
  const review = async (materialId: string, accepted: boolean) => {
    try {
      await api.act(c.trackingNumber, { type: 'reviewSupplement', expectedRevision: c.revision, materialId, accepted }, `${reviewKey}-${materialId}-${accepted}`);
      message.success(accepted ? t('补交材料已通过', 'Supplement accepted') : t('已退回，申请人将收到通知', 'Returned; the applicant is told'));
    } catch (error) {
      message.error(error instanceof ApiError ? pick(error) : String(error));
    }
    onDone();
  };
  if (c.materials.length === 0) return <Empty description={t('无需提交材料', 'No materials')} />;
  const statusLabel: Record<CaseRecord['materials'][number]['status'], readonly [string, string]> = { supplied: ['已提交', 'supplied'], deferred: ['容缺待补', 'to supply later'], promised: ['告知承诺', 'replaced by a promise'] };
  return (
    <List
      size="small"
      dataSource={c.materials}
      renderItem={(m) => (
        <List.Item>
          <div style={{ width: '100%' }}>
            <Space wrap>
              <span>{m.name}</span>
              <Tag color={m.status === 'deferred' ? 'orange' : m.status === 'promised' ? 'purple' : 'green'}>{t(...statusLabel[m.status])}</Tag>
              {m.review === 'pending' && <Tag color="orange">{t('补交待审核', 'supplement to review')}</Tag>}
              {m.status === 'deferred' && m.supplementDue && <Typography.Text type="secondary">{t(`${m.supplementDue}前补交`, `due ${m.supplementDue}`)}</Typography.Text>}
            </Space>
            <div>
              {m.files.map((f, i) => (
                <Button key={f.key} type="link" size="small" onClick={() => void open(f.key)}>
                  {t(`查看${m.files.length > 1 ? `第${i + 1}份` : '文件'}`, `Open${m.files.length > 1 ? ` file ${i + 1}` : ''}`)} ({fileKind(f.contentType)}, {Math.max(1, Math.round(f.size / 1024))} KB)
                </Button>
              ))}
            </div>
            {mayAct && m.review === 'pending' && detail.allowed.includes('reviewSupplement') && (
              <Space>
                <Button size="small" type="primary" onClick={() => void review(m.materialId, true)}>
                  {t(`「${m.name}」审核通过`, `Accept "${m.name}"`)}
                </Button>
                <Button size="small" danger onClick={() => void review(m.materialId, false)}>
                  {t('退回重交', 'Return')}
                </Button>
              </Space>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
