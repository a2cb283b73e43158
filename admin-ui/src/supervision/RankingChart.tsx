import { useMemo } from 'react';
import { EChart } from './EChart';

/** A ranking as horizontal bars, the first on top. A group with nothing to rate has no bar. */
export function RankingChart({ rows, unit }: { rows: Array<{ name: string; value: number | null }>; unit: string }) {
  const option = useMemo(() => {
    const ordered = [...rows].reverse();
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}${unit}` },
      xAxis: { type: 'value', max: unit === '%' ? 100 : undefined },
      yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{ type: 'bar', data: ordered.map((r) => r.value ?? '-'), itemStyle: { color: '#1d4ed8' }, label: { show: true, position: 'right', formatter: `{c}${unit}` } }],
    };
  }, [rows, unit]);
  return <EChart option={option} height={Math.max(120, rows.length * 32 + 24)} />;
}
