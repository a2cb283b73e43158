import { Pagination, Spin, theme } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from './i18n';

export interface PlainColumn<Row> {
  key: string;
  title: string;
  render: (row: Row) => ReactNode;
}

/**
 * A table of rows drawn as antd draws one, without antd's Table: that brings its filter menus,
 * tree, selection and sorters to the screen even where none is used, which on the catalogue (the
 * first screen after signing in) weighs more than the rest of the page. Pages of `pageSize`.
 */
export function PlainTable<Row>({ rows, rowKey, columns, loading, minWidth, pageSize = 20 }: { rows: readonly Row[]; rowKey: (row: Row) => string; columns: PlainColumn<Row>[]; loading?: boolean; minWidth?: number; pageSize?: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [page, setPage] = useState(1);
  const last = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, last);
  const cell = { padding: '12px 8px', borderBottom: `1px solid ${token.colorBorderSecondary}`, textAlign: 'start', verticalAlign: 'top' } as const;
  return (
    <Spin spinning={!!loading}>
      <div style={{ overflowX: 'auto', background: token.colorBgContainer, borderRadius: token.borderRadiusLG }}>
        <table style={{ width: '100%', minWidth, borderCollapse: 'collapse', fontSize: token.fontSize }}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" style={{ ...cell, background: token.colorFillAlter, fontWeight: token.fontWeightStrong, color: token.colorTextHeading }}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice((current - 1) * pageSize, current * pageSize).map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} style={cell}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && !loading && (
              <tr>
                <td colSpan={columns.length} style={{ ...cell, textAlign: 'center', color: token.colorTextDescription }}>
                  {t('暂无数据', 'Nothing here')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {last > 1 && <Pagination style={{ marginTop: 16, justifyContent: 'end' }} current={current} pageSize={pageSize} total={rows.length} showSizeChanger={false} onChange={setPage} />}
    </Spin>
  );
}
