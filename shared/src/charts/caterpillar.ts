import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import {
  base,
  escapeHtml,
  gridTop,
  legendTop,
  MEAN_COLOUR,
  OTHER_COLOUR,
  OWN_COLOUR,
  percentFormat,
  type ChartText,
  type ValueFormat,
} from './theme.js';

export interface CaterpillarPoint {
  label: string;
  total: number;
  /** The 95 % interval of the total; null without one (fewer than 2 inquiries): the point alone. */
  low: number | null;
  high: number | null;
  own?: boolean;
}

export interface CaterpillarText extends ChartText {
  valueAxis: string;
  /** The series of the totals, e.g. "Totalt". */
  totalLabel: string;
  /** The series of the bars, e.g. "95 %-intervall". */
  intervalLabel: string;
  /** The class mean line, e.g. "Snitt i klassen". */
  meanLabel: string;
  format?: ValueFormat;
}

/**
 * A caterpillar chart of a class: every member's total as a point with its 95 % interval as a
 * bar, best at the top, and the class mean as a dashed line. Overlapping bars read as "these
 * cannot be told apart". The bar is a transparent bar up to the low end with the interval
 * stacked on it, so only the bar and scatter series are needed.
 */
export function caterpillarOption(
  points: readonly CaterpillarPoint[],
  mean: number | null | undefined,
  text: CaterpillarText,
): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  // ECharts draws the first category at the bottom: reverse so the best is on top.
  const sorted = [...points].sort((a, b) => b.total - a.total).reverse();
  const hasInterval = (p: CaterpillarPoint) => p.low !== null && p.high !== null;
  const stack = 'interval';
  const offset: BarSeriesOption = {
    type: 'bar',
    stack,
    silent: true,
    itemStyle: { color: 'transparent' },
    barWidth: 6,
    data: sorted.map((p) => (hasInterval(p) ? p.low : null)),
    tooltip: { show: false },
  };
  const interval: BarSeriesOption = {
    type: 'bar',
    stack,
    name: text.intervalLabel,
    barWidth: 6,
    data: sorted.map((p) => ({
      value: hasInterval(p) ? p.high! - p.low! : null,
      itemStyle: { color: p.own ? OWN_COLOUR : OTHER_COLOUR, opacity: p.own ? 0.55 : 0.45 },
    })),
  };
  const totals: ScatterSeriesOption = {
    type: 'scatter',
    name: text.totalLabel,
    symbolSize: 10,
    z: 3,
    data: sorted.map((p) => ({
      value: [p.total, p.label],
      itemStyle: { color: p.own ? OWN_COLOUR : MEAN_COLOUR, borderColor: '#ffffff', borderWidth: 1 },
    })),
    ...(mean !== null && mean !== undefined
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: MEAN_COLOUR, type: 'dashed', width: 1.5 },
            label: { formatter: `${text.meanLabel} ${format(mean)}`, position: 'end' },
            data: [{ xAxis: mean }],
          },
        }
      : {}),
  };
  return {
    ...base(text),
    legend: { top: legendTop(text), left: 0, data: [text.totalLabel, text.intervalLabel] },
    grid: { left: 8, right: 96, top: gridTop(text, true), bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
        const p = sorted[index];
        if (!p) return '';
        const interval = hasInterval(p) ? `${format(p.low)} – ${format(p.high)}` : format(null);
        return `<b>${escapeHtml(p.label)}</b><br>${escapeHtml(text.totalLabel)}: <b>${escapeHtml(format(p.total))}</b><br>${escapeHtml(
          text.intervalLabel,
        )}: ${escapeHtml(interval)}`;
      },
    },
    xAxis: {
      type: 'value',
      name: text.valueAxis,
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max: 100,
      axisLabel: { hideOverlap: true, formatter: (v: number) => percentFormat(text.locale, 0)(v) },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((p) => ({ value: p.label, textStyle: p.own ? { fontWeight: 'bold', color: OWN_COLOUR } : {} })),
      axisLabel: { interval: 0, width: 180, overflow: 'truncate' },
    },
    series: [offset, interval, totals],
  };
}
