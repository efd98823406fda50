import type { CustomSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import { formatGap, formatNumber, formatPercent } from '../format/number.js';
import { base, escapeHtml, gridTop, MEAN_COLOUR, OTHER_COLOUR, OWN_COLOUR, type ChartText } from './theme.js';

// The insight chapter's charts (issue 19): key-driver weights with their intervals, and
// importance against performance. Weights are shares of the outcome's variance (0–1) and are
// drawn as percentages of it; gaps are own score − class figure in percentage points.

export interface DriverBar {
  label: string;
  /** Share of the outcome's variance (0–1). */
  weight: number;
  /** The bootstrap interval (0–1); null where there is none. */
  low: number | null;
  high: number | null;
}

export interface KeyDriversText extends ChartText {
  valueAxis: string;
  /** The tooltip's name of the interval, e.g. "95 % intervall". */
  intervalLabel: string;
}

const asPercent = (share: number) => 100 * share;

/**
 * The end of the weight axis: the longest whisker rounded up to a whole 1 % (up to 10 %), 2 % (up
 * to 20 %) or 5 %. Rounded to fives, the weights on one channel (most under 5 %) filled half of
 * a 0–10 % axis and the bars were short.
 */
export function driversAxisMax(top: number): number {
  const step = top <= 10 ? 1 : top <= 20 ? 2 : 5;
  return Math.ceil(top / step) * step || 1;
}

/** Where a driver's value label starts (percent of the variance): past the whisker's end, or the bar's where there is no interval. */
export const driverLabelAt = (d: DriverBar) => asPercent(Math.max(d.weight, d.high ?? d.weight));

/** The chart width (px) up to which a chart of the insight page is laid out for a phone. */
const NARROW = 420;

/**
 * Horizontal bars of the key-driver weights, largest on top, each with its 95 % interval as a
 * whisker (a custom series: ECharts has no error bar of its own). The value is written past the
 * whisker's end, not at the bar's: there it sat on the whisker and neither could be read.
 */
export function keyDriversOption(drivers: readonly DriverBar[], text: KeyDriversText): EChartsOption {
  const format = (v: number | null | undefined) => formatPercent(v, 1, text.locale);
  // ECharts draws the first category at the bottom: reverse so the largest is on top.
  const rows = [...drivers].sort((a, b) => b.weight - a.weight).reverse();
  const top = Math.max(0, ...rows.map((d) => asPercent(d.high ?? d.weight)));
  const whiskers: CustomSeriesOption = {
    type: 'custom',
    name: text.intervalLabel,
    silent: true,
    z: 3,
    // [row, low, high, where the label starts]; low and high null without an interval.
    data: rows.map((d, i) =>
      d.low === null || d.high === null ? [i, null, null, driverLabelAt(d)] : [i, asPercent(d.low), asPercent(d.high), driverLabelAt(d)],
    ),
    renderItem: (params, api) => {
      const y = api.value(0) as number;
      const [labelX, yc] = api.coord([api.value(3) as number, y]) as [number, number];
      const label = {
        type: 'text' as const,
        style: {
          text: format(rows[params.dataIndex] ? asPercent(rows[params.dataIndex]!.weight) : null),
          x: labelX + 6,
          y: yc,
          align: 'left' as const,
          verticalAlign: 'middle' as const,
          fill: MEAN_COLOUR,
          fontSize: 11,
        },
      };
      const low = api.value(1);
      const high = api.value(2);
      if (typeof low !== 'number' || typeof high !== 'number' || Number.isNaN(low) || Number.isNaN(high)) {
        return { type: 'group', children: [label] };
      }
      const [x0] = api.coord([low, y]) as [number, number];
      const [x1] = api.coord([high, y]) as [number, number];
      const cap = 5;
      const style = { stroke: MEAN_COLOUR, lineWidth: 1.5 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: x0, y1: yc, x2: x1, y2: yc }, style },
          { type: 'line', shape: { x1: x0, y1: yc - cap, x2: x0, y2: yc + cap }, style },
          { type: 'line', shape: { x1: x1, y1: yc - cap, x2: x1, y2: yc + cap }, style },
          label,
        ],
      };
    },
  };
  return {
    ...base(text),
    // Right: room for the label past the longest whisker ("21,4 %").
    grid: { left: 8, right: 56, top: gridTop(text), bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const d = rows[first?.dataIndex ?? -1];
        if (!d) return '';
        const interval =
          d.low === null || d.high === null
            ? ''
            : `<br/>${escapeHtml(text.intervalLabel)}: ${format(asPercent(d.low))} – ${format(asPercent(d.high))}`;
        return `<b>${escapeHtml(d.label)}</b><br/>${escapeHtml(text.valueAxis)}: <b>${format(asPercent(d.weight))}</b>${interval}`;
      },
    },
    xAxis: {
      type: 'value',
      name: text.valueAxis,
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max: driversAxisMax(top),
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatPercent(v, 0, text.locale) },
    },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.label),
      axisLabel: { interval: 0, width: 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: text.valueAxis,
        barMaxWidth: 18,
        itemStyle: { color: OWN_COLOUR },
        data: rows.map((d) => asPercent(d.weight)),
      },
      whiskers,
    ],
    // On a phone the performance names take a narrower column (wrapped in two lines, smaller),
    // so the bars keep most of the width. The entry without a query restores the wide layout.
    media: [
      { option: { yAxis: { axisLabel: { width: 200, overflow: 'truncate', fontSize: 12 } } } },
      {
        query: { maxWidth: NARROW },
        option: { yAxis: { axisLabel: { width: 112, overflow: 'break', fontSize: 10, lineHeight: 12 } } },
      },
    ],
  };
}

export interface QuadrantPoint {
  label: string;
  /** Key-driver weight (0–1). */
  weight: number;
  /** Own score − class figure, percentage points. */
  gap: number;
}

export interface QuadrantText extends ChartText {
  xAxis: string;
  yAxis: string;
  /** The legend names of the two groups of points. */
  below: string;
  above: string;
  /** The names of the dividing lines, e.g. "Snittvekt" and "Klassen". */
  meanWeight: string;
  classLevel: string;
}

/** How many points carry their name on the chart: where to start, then what holds up best (the rest: tooltip and table). */
export const QUADRANT_LABELS = { below: 5, above: 3 } as const;

/**
 * The points named on the chart: the largest priorities below the class (gap × weight: where to
 * start) and the heaviest at or above it among those weighing at least the mean (what holds up
 * where it matters; a strength that hardly moves the customer is not news). Named all, they lay
 * on top of each other where performances crowd; the rest are in the tooltip and the table.
 */
export function quadrantLabelled(points: readonly QuadrantPoint[]): Set<QuadrantPoint> {
  const meanWeight = points.reduce((s, p) => s + p.weight, 0) / (points.length || 1);
  const below = points.filter((p) => p.gap < 0).sort((a, b) => b.weight * -b.gap - a.weight * -a.gap);
  const above = points.filter((p) => p.gap >= 0 && p.weight >= meanWeight).sort((a, b) => b.weight - a.weight);
  return new Set([...below.slice(0, QUADRANT_LABELS.below), ...above.slice(0, QUADRANT_LABELS.above)]);
}

/**
 * Importance (key-driver weight) against performance (own score − class figure): the lower
 * right holds what moves customers most and where the participant lags its class, the place to
 * start. The dividing lines are the class level (0) and the mean weight, each named.
 */
export function importanceQuadrantOption(points: readonly QuadrantPoint[], text: QuadrantText): EChartsOption {
  const meanWeight = points.length ? points.reduce((s, p) => s + asPercent(p.weight), 0) / points.length : 0;
  const reach = Math.max(5, ...points.map((p) => Math.abs(p.gap)));
  // Whole tens (or fives when close): the axis then ticks evenly, no 30 beside a crowded 35.
  const yLimit = reach <= 10 ? Math.ceil(reach / 5) * 5 : Math.ceil(reach / 10) * 10;
  const xMax = Math.ceil(Math.max(1, ...points.map((p) => asPercent(p.weight))) / 5) * 5;
  const labelled = quadrantLabelled(points);
  const unit = text.locale === 'nb' ? 'p.p.' : 'pp';
  const group = (below: boolean): ScatterSeriesOption => ({
    type: 'scatter',
    name: below ? text.below : text.above,
    symbol: below ? 'diamond' : 'circle',
    symbolSize: below ? 14 : 10,
    itemStyle: { color: below ? OWN_COLOUR : OTHER_COLOUR },
    label: { show: false, fontSize: 11, color: MEAN_COLOUR, formatter: (p: { name?: string }) => p.name ?? '' },
    // Named points that still meet are moved apart up or down, and hidden only if that fails.
    labelLayout: { moveOverlap: 'shiftY', hideOverlap: true },
    labelLine: { show: true, lineStyle: { color: OTHER_COLOUR } },
    data: points
      .filter((p) => p.gap < 0 === below)
      .map((p) => ({
        name: p.label,
        value: [asPercent(p.weight), p.gap],
        // Right of the point, or left of it in the right part, so the name stays inside the chart.
        ...(labelled.has(p) ? { label: { show: true, position: asPercent(p.weight) > 0.6 * xMax ? 'left' : 'right' } } : {}),
      })),
  });
  return {
    ...base(text),
    legend: { top: text.titleInChart === false ? 0 : 28, left: 0, data: [text.below, text.above] },
    grid: { left: 16, right: 24, top: gridTop(text, true), bottom: 48, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: [number, number] };
        return `<b>${escapeHtml(name)}</b><br/>${escapeHtml(text.xAxis)}: ${formatPercent(value[0], 1, text.locale)}<br/>${escapeHtml(text.yAxis)}: ${formatGap(value[1], text.locale)}`;
      },
    },
    xAxis: {
      type: 'value',
      name: text.xAxis,
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      max: xMax,
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatPercent(v, 0, text.locale) },
    },
    yAxis: {
      type: 'value',
      name: text.yAxis,
      nameLocation: 'middle',
      nameRotate: 90,
      nameGap: 56,
      min: -yLimit,
      max: yLimit,
      // Whole points on the axis ("+10 p.p."); the tooltip and the table give two decimals.
      axisLabel: { formatter: (v: number) => `${v > 0 ? '+' : ''}${formatNumber(v, 0, text.locale)}\u00a0${unit}` },
    },
    series: [
      {
        ...group(true),
        markLine: {
          symbol: 'none',
          silent: true,
          z: 1,
          lineStyle: { color: MEAN_COLOUR, type: 'dashed', width: 1 },
          label: { show: true, color: MEAN_COLOUR, fontSize: 11 },
          data: [
            { yAxis: 0, label: { formatter: text.classLevel, position: 'insideStartTop' } },
            {
              xAxis: meanWeight,
              label: { formatter: `${text.meanWeight} ${formatPercent(meanWeight, 1, text.locale)}`, position: 'end' },
            },
          ],
        },
      },
      group(false),
    ],
  };
}
