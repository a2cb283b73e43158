import { useMemo } from 'react';
import { EChart } from './EChart';

export interface TrendSeries {
  months: string[];
  received: number[];
  decided: number[];
  /** 按时办结率 in percent per line (the whole, then each county when shown), null where nothing was decided. */
  onTime: Array<{ name: string; values: Array<number | null> }>;
}

const palette = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c'];

/** Month by month: received and 办结 as bars, 按时办结率 as lines on a second axis. */
export function TrendChart({ series, labels }: { series: TrendSeries; labels: { received: string; decided: string } }) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: series.months },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: labels.received, type: 'bar', data: series.received, itemStyle: { color: '#93c5fd' } },
        { name: labels.decided, type: 'bar', data: series.decided, itemStyle: { color: '#1e3a8a' } },
        ...series.onTime.map((line, i) => ({ name: line.name, type: 'line', yAxisIndex: 1, connectNulls: false, data: line.values.map((v) => v ?? '-'), itemStyle: { color: palette[i % palette.length] } })),
      ],
    }),
    [series, labels],
  );
  return <EChart option={option} height={300} />;
}
