import { useMemo } from 'react';
import { EChart } from './EChart';

const palette = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c'];

/** How many decisions used how much of their allowed working days: a bar per share, a series per jurisdiction when side by side. */
export function DistributionChart({ buckets, series }: { buckets: string[]; series: Array<{ name: string; values: number[] }> }) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: buckets, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s, i) => ({ name: s.name, type: 'bar', data: s.values, itemStyle: { color: palette[i % palette.length] }, label: { show: series.length === 1, position: 'top' } })),
    }),
    [buckets, series],
  );
  return <EChart option={option} height={280} />;
}
