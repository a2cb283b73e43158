import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/**
 * A ranking as horizontal bars (ECharts, as government dashboards draw them), drawn as SVG. The
 * same figures are in the table beside it, which is what screen readers and printouts use: the
 * chart itself is hidden from assistive technology. A group with nothing to rate has no bar.
 */
export function RankingChart({ rows, unit }: { rows: Array<{ name: string; value: number | null }>; unit: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = init(box.current, undefined, { renderer: 'svg' });
    const ordered = [...rows].reverse();
    chart.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}${unit}` },
      xAxis: { type: 'value', max: unit === '%' ? 100 : undefined },
      yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{ type: 'bar', data: ordered.map((r) => r.value ?? '-'), itemStyle: { color: '#1d4ed8' }, label: { show: true, position: 'right', formatter: `{c}${unit}` } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, unit]);
  return <div ref={box} aria-hidden="true" style={{ width: '100%', height: Math.max(120, rows.length * 32 + 24) }} />;
}
