import { Alert, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ImportProblem, ImportRow } from '@onevisit/item-schemas/exchange';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import type { ImportReport } from './exchange-api';

/** What an import does (or did) to each row, and every problem in words, per row and element. */

const actions: Record<ImportRow['action'], { preview: [string, string]; done: [string, string]; color: string }> = {
  create: { preview: ['将新建', 'Will be created'], done: ['已新建', 'Created'], color: 'green' },
  update: { preview: ['将更新', 'Will be updated'], done: ['已更新', 'Updated'], color: 'blue' },
  unchanged: { preview: ['无变化', 'No change'], done: ['无变化', 'No change'], color: 'default' },
  skip: { preview: ['有问题，不导入', 'Has problems: left out'], done: ['有问题，未导入', 'Has problems: left out'], color: 'red' },
  failed: { preview: ['未保存', 'Not saved'], done: ['未保存', 'Not saved'], color: 'red' },
};

function ProblemText({ problem, row }: { problem: ImportProblem; row?: number }) {
  const { t, pick } = useI18n();
  const where = problem.sheet === 'materials' || problem.row !== row ? t(`${problem.sheet === 'materials' ? '申请材料' : '事项'}表第 ${problem.row} 行：`, `${problem.sheet === 'materials' ? 'Materials' : 'Items'} sheet, row ${problem.row}: `) : '';
  return (
    <Typography.Text type="danger">
      {where}
      {pick(problem)}
    </Typography.Text>
  );
}

export function ImportReportTable({ report }: { report: ImportReport }) {
  const { t, pick } = useI18n();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const rows = onlyProblems ? report.rows.filter((r) => r.problems.length > 0) : report.rows;
  const tense = report.dryRun ? 'preview' : 'done';
  const c = report.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t(`共 ${c.rows} 行`, `${c.rows} rows`)}</Typography.Text>
        {(['create', 'update', 'unchanged', 'skip', 'failed'] as const)
          .filter((a) => c[a] > 0)
          .map((a) => (
            <Tag key={a} color={actions[a].color}>
              {t(...actions[a][tense])} {c[a]}
            </Tag>
          ))}
      </Space>
      {report.notes.map((note, i) => (
        <Alert key={i} type="info" showIcon message={pick(note)} />
      ))}
      {report.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('这些申请材料不属于表中任何事项，未导入：', 'These materials belong to no item of the file and were left out:')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {report.problems.map((p, i) => (
                <li key={i}>
                  <ProblemText problem={p} />
                </li>
              ))}
            </ul>
          }
        />
      )}
      {c.skip + c.failed > 0 && (
        <Space>
          <Switch checked={onlyProblems} onChange={setOnlyProblems} aria-label={t('只看有问题的行', 'Only rows with problems')} />
          <span>{t('只看有问题的行', 'Only rows with problems')}</span>
        </Space>
      )}
      <Table<ImportRow>
        rowKey="row"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
          {
            title: t('事项名称', 'Item'),
            key: 'name',
            render: (_, r) => (r.itemId && (r.action !== 'create' || !report.dryRun) && r.action !== 'failed' ? <Link to={`/items/${r.itemId}`}>{r.name || r.itemId}</Link> : r.name || '—'),
          },
          { title: t('基本编码 / 实施编码', 'Codes'), key: 'codes', render: (_, r) => [r.catalogCode, r.taskCode].filter(Boolean).join(' / ') || '—' },
          { title: t('处理', 'Outcome'), key: 'action', width: 150, render: (_, r) => <Tag color={actions[r.action].color}>{t(...actions[r.action][tense])}</Tag> },
          {
            title: t('问题与说明', 'Problems and notes'),
            key: 'problems',
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                {r.problems.map((p, i) => (
                  <ProblemText key={i} problem={p} row={r.row} />
                ))}
                {r.notes.map((n, i) => (
                  <Typography.Text key={`n${i}`} type="secondary">
                    {pick(n)}
                  </Typography.Text>
                ))}
                {r.changed.length > 0 && (
                  <Typography.Text type="secondary">
                    {t(`更新：${r.changed.map((x) => x.column).join('、')}`, `Changes: ${r.changed.map((x) => x.column_en).join(', ')}`)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
