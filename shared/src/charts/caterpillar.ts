import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import {
  base,
  escapeHtml,
  gridTop,
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

/** The chart width (px) up to which a caterpillar chart is laid out for a phone. */
const NARROW = 420;

/**
 * The value axis of a caterpillar chart: from the lowest interval end (or total) to the highest,
 * out to whole tens, within 0–100. On a 0–100 axis a class's intervals (most lie within 20–30
 * points) were short bars crowded in one corner, and which overlap could hardly be seen.
 */
export function caterpillarRange(points: readonly CaterpillarPoint[], mean?: number | null): { min: number; max: number } {
  const values = points.flatMap((p) => [p.total, p.low, p.high]).filter((v): v is number => typeof v === 'number');
  if (typeof mean === 'number') values.push(mean);
  if (values.length === 0) return { min: 0, max: 100 };
  const min = Math.max(0, Math.floor(Math.min(...values) / 10) * 10);
  const max = Math.min(100, Math.ceil(Math.max(...values) / 10) * 10);
  return max > min ? { min, max } : max >= 10 ? { min: max - 10, max } : { min, max: min + 10 };
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
  const range = caterpillarRange(points, mean);
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
    // The series' own colour is what the legend shows: the others' grey, as drawn (the own bar is blue by item).
    itemStyle: { color: OTHER_COLOUR, opacity: 0.45 },
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
    itemStyle: { color: MEAN_COLOUR },
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
    // The legend under the plot: above it, the class mean's label (at the line's top end) could fall on it.
    legend: { bottom: 0, left: 0, data: [text.totalLabel, text.intervalLabel] },
    grid: { left: 8, right: 96, top: gridTop(text) + 8, bottom: 64, containLabel: true },
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
      ...range,
      axisLabel: { hideOverlap: true, formatter: (v: number) => percentFormat(text.locale, 0)(v) },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((p) => ({ value: p.label, textStyle: p.own ? { fontWeight: 'bold', color: OWN_COLOUR } : {} })),
      axisLabel: { interval: 0, width: 180, overflow: 'truncate' },
    },
    series: [offset, interval, totals],
    // On a phone the company names wrap in a narrower column, so the intervals keep some width.
    // The entry without a query restores the wide layout (ECharts only merges a media option in).
    media: [
      { option: { grid: { right: 96 }, yAxis: { axisLabel: { width: 180, overflow: 'truncate', fontSize: 12 } } } },
      {
        query: { maxWidth: NARROW },
        option: { grid: { right: 64 }, yAxis: { axisLabel: { width: 96, overflow: 'break', fontSize: 10, lineHeight: 12 } } },
      },
    ],
  };
}
