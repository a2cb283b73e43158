import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ZCalendarDay, type CalendarDay } from '@onevisit/item-schemas';
import { useState } from 'react';
import { z } from 'zod';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { canConfigure } from '../session';
import { useSignedIn } from '../session-context';
import { shanghaiToday } from '../shanghai-today';

/** The year at a glance, the jurisdiction's own days over its parent's, and next year's notice. */
export function CalendarPage() {
  const { t, pick } = useI18n();
  const { session } = useSignedIn();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const j = session.jurisdiction;
  const [year, setYear] = useState(() => shanghaiToday().year());
  const calendar = useQuery({ queryKey: ['calendar', j, year], queryFn: () => api.calendar(j, year) });
  const [adding, setAdding] = useState<{ date?: Dayjs; kind: CalendarDay['kind']; name: string }>({ kind: 'holiday', name: '' });
  const [importing, setImporting] = useState(false);
  const own = calendar.data?.own;
  const save = useMutation({
    mutationFn: (overlay: NonNullable<typeof own>['overlay']) => api.saveCalendar(j, own!.revision, overlay),
    onSuccess: () => {
      message.success(t('日历已保存', 'Calendar saved'));
      return queries.invalidateQueries({ queryKey: ['calendar', j] });
    },
    onError: (error) => message.error(error instanceof ApiError ? pick(error) : String(error)),
  });
  const days = new Map((calendar.data?.effective.days ?? []).map((d) => [d.date, d]));
  const ownDays = own?.overlay.days ?? [];
  const editable = canConfigure(session);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('工作日历', 'Working-day calendar')}
        </Typography.Title>
        <Space>
          <label htmlFor="calendar-year">{t('年份', 'Year')}</label>
          <InputNumber id="calendar-year" min={2004} max={2100} value={year} onChange={(y) => y && setYear(y)} />
        </Space>
      </Space>
      {calendar.data && year > calendar.data.effective.lastOfficialYear && (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t(`${year} 年的放假安排尚未公布：按周末计算的日期均为暂定。`, `${year}'s holiday notice is not out yet: dates counted into it are provisional.`)} />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="red">{t('放假', 'Holiday')}</Tag>
        <Tag color="blue">{t('调休上班', 'Make-up working day')}</Tag>
        <Tag>{t('周末', 'Weekend')}</Tag>
      </Space>
      <Row gutter={[12, 12]}>
        {Array.from({ length: 12 }, (_, month) => (
          <Col key={month} xs={24} sm={12} md={8} lg={6}>
            <Month year={year} month={month} days={days} />
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('本区划的调整(在上级日历基础上)', 'This jurisdiction’s own days (over its parent’s)')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={ownDays}
          locale={{ emptyText: <Typography.Text type="secondary">{t('没有调整，沿用上级日历', 'None: the parent’s calendar applies')}</Typography.Text> }}
          columns={[
            { title: t('日期', 'Date'), dataIndex: 'date' },
            { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: CalendarDay['kind']) => (k === 'holiday' ? <Tag color="red">{t('放假', 'Holiday')}</Tag> : <Tag color="blue">{t('上班', 'Working day')}</Tag>) },
            { title: t('名称', 'Name'), dataIndex: 'name' },
            ...(editable
              ? [{ title: t('操作', 'Action'), render: (_: unknown, day: CalendarDay) => <Button size="small" onClick={() => save.mutate({ ...own!.overlay, days: ownDays.filter((d) => d.date !== day.date) })}>{t('删除', 'Remove')}</Button> }]
              : []),
          ]}
        />
        {editable && (
          <Space wrap style={{ marginTop: 12 }}>
            <DatePicker aria-label={t('日期', 'Date')} value={adding.date} onChange={(date) => setAdding({ ...adding, date: date ?? undefined })} />
            <Select aria-label={t('类型', 'Kind')} style={{ width: 130 }} value={adding.kind} onChange={(kind) => setAdding({ ...adding, kind })} options={[{ value: 'holiday', label: t('放假', 'Holiday') }, { value: 'workday', label: t('上班', 'Working day') }]} />
            <Input aria-label={t('名称', 'Name')} placeholder={t('名称，如 三月三', 'Name, e.g. 三月三')} style={{ width: 180 }} value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />
            <Button
              type="primary"
              disabled={!adding.date}
              loading={save.isPending}
              onClick={() => {
                const date = adding.date!.format('YYYY-MM-DD');
                const day: CalendarDay = { date, kind: adding.kind, ...(adding.name.trim() ? { name: adding.name.trim() } : {}) };
                save.mutate({ ...own!.overlay, days: [...ownDays.filter((d) => d.date !== date), day].sort((a, b) => a.date.localeCompare(b.date)) });
                setAdding({ kind: adding.kind, name: '' });
              }}
            >
              {t('添加', 'Add')}
            </Button>
            <Button onClick={() => setImporting(true)}>{t('导入次年放假安排', 'Import next year’s notice')}</Button>
          </Space>
        )}
      </Card>
      <ImportNotice
        open={importing}
        onClose={() => setImporting(false)}
        onImport={(year, imported) => {
          const kept = ownDays.filter((d) => !d.date.startsWith(`${year}-`));
          save.mutate({ days: [...kept, ...imported].sort((a, b) => a.date.localeCompare(b.date)), officialYears: [...new Set([...(own?.overlay.officialYears ?? []), year])] });
          setImporting(false);
        }}
      />
    </>
  );
}

function Month({ year, month, days }: { year: number; month: number; days: Map<string, { kind: string; name?: string }> }) {
  const { t, language } = useI18n();
  const first = new Date(Date.UTC(year, month, 1));
  const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // weeks start on Monday
  const cells: Array<number | undefined> = [...Array(lead).fill(undefined), ...Array.from({ length: count }, (_, i) => i + 1)];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const heads = language === 'zh' ? ['一', '二', '三', '四', '五', '六', '日'] : ['M', 'T', 'W', 'T', 'F', 'S', 'S'];
  return (
    <Card size="small" title={language === 'zh' ? `${month + 1}月` : first.toLocaleString('en', { month: 'long', timeZone: 'UTC' })} styles={{ body: { padding: 8 } }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center', fontSize: 12 }}>
        <caption style={{ position: 'absolute', left: -9999 }}>{`${year}-${String(month + 1).padStart(2, '0')}`}</caption>
        <thead>
          <tr>{heads.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => {
                if (!day) return <td key={i} />;
                const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
                const declared = days.get(date);
                const weekend = i >= 5;
                const background = declared?.kind === 'holiday' ? '#fee2e2' : declared?.kind === 'workday' ? '#dbeafe' : weekend ? '#f3f4f6' : undefined;
                const what = declared ? `${declared.kind === 'holiday' ? t('放假', 'holiday') : t('调休上班', 'make-up working day')}${declared.name ? ` ${declared.name}` : ''}` : weekend ? t('周末', 'weekend') : t('工作日', 'working day');
                return (
                  <td key={i} title={`${date} ${what}`} aria-label={`${date} ${what}`} style={{ background, padding: 2, color: declared?.kind === 'holiday' ? '#991b1b' : undefined }}>
                    {day}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

const noticeDays = z.array(ZCalendarDay).min(1);

/** Next year's notice as soon as it is out: paste the days as JSON, and the year becomes official. */
function ImportNotice({ open, onClose, onImport }: { open: boolean; onClose: () => void; onImport: (year: number, days: CalendarDay[]) => void }) {
  const { t } = useI18n();
  const [year, setYear] = useState(() => shanghaiToday().year() + 1);
  const [text, setText] = useState('');
  let days: CalendarDay[] | undefined;
  let error: string | undefined;
  if (text.trim()) {
    try {
      const parsed = noticeDays.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.every((d) => d.date.startsWith(`${year}-`))) days = parsed.data;
      else error = parsed.success ? t(`所有日期都应在 ${year} 年`, `every date must be in ${year}`) : t('格式应为 [{"date":"YYYY-MM-DD","kind":"holiday"|"workday","name":"…"}]', 'expected [{"date":"YYYY-MM-DD","kind":"holiday"|"workday","name":"…"}]');
    } catch (e) {
      error = (e as Error).message;
    }
  }
  return (
    <Modal open={open} title={t('导入次年放假安排', 'Import next year’s notice')} okText={t('导入', 'Import')} cancelText={t('取消', 'Cancel')} okButtonProps={{ disabled: !days }} onOk={() => days && onImport(year, days)} onCancel={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label htmlFor="notice-year">{t('年份', 'Year')}</label>
        <InputNumber id="notice-year" min={2004} max={2100} value={year} onChange={(y) => y && setYear(y)} />
        <label htmlFor="notice-days">{t('放假和调休上班日(JSON)', 'Holidays and make-up working days (JSON)')}</label>
        <Input.TextArea id="notice-days" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder='[{"date":"2027-01-01","kind":"holiday","name":"元旦"}]' />
        <div role="status" aria-live="polite">
          {error && <Alert type="error" showIcon message={error} />}
          {days && <Alert type="success" showIcon message={t(`将导入 ${days.length} 天，并将 ${year} 年标为已公布`, `${days.length} days will be imported and ${year} marked official`)} />}
        </div>
      </Space>
    </Modal>
  );
}
