import type { BoxplotSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import type { Spread } from '../scoring/spread.js';
import {
  base,
  legendTop,
  escapeHtml,
  gridTop,
  OTHER_COLOUR,
  OWN_COLOUR,
  percentFormat,
  type ChartText,
  type ValueFormat,
} from './theme.js';

/** The spread of a set of inquiry scores; order statistics may be withheld (a competitor): null. */
export type SpreadValues = Spread<number | null>;

export interface SpreadGroup {
  label: string;
  spread: SpreadValues;
  /** Single inquiries shown as a strip of points beside the box, each with its id (to open it). */
  points?: readonly { id: string; score: number | null }[];
}

export interface SpreadText extends ChartText {
  valueAxis: string;
  labels: {
    min: string;
    q1: string;
    median: string;
    q3: string;
    max: string;
    mean: string;
    stdDev: string;
    count: string;
    inquiry: string;
    meanSd: string;
  };
  format?: ValueFormat;
}

const hasBox = (s: SpreadValues) => [s.min, s.q1, s.median, s.q3, s.max].every((v) => typeof v === 'number');

/** A small deterministic offset so points with equal scores stay visible side by side. */
export function jitter(index: number): number {
  return (((index * 7919) % 13) / 13 - 0.5) * 0.36;
}

/**
 * Box plots of inquiry scores per group (channel or area): minimum, quartiles, maximum; the
 * mean as a diamond; the single inquiries as a strip of points that can be clicked open
 * (the series `inquiries` carries each point's id as its `name`).
 */
export function spreadOption(groups: readonly SpreadGroup[], text: SpreadText): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  const l = text.labels;
  const box: BoxplotSeriesOption = {
    type: 'boxplot',
    name: text.valueAxis,
    itemStyle: { color: '#dbe7f3', borderColor: OWN_COLOUR, borderWidth: 1.5 },
    boxWidth: [14, 48],
    data: groups.map((g) => (hasBox(g.spread) ? [g.spread.min!, g.spread.q1!, g.spread.median!, g.spread.q3!, g.spread.max!] : [])),
    tooltip: {
      formatter: (p) => {
        const g = groups[(p as { dataIndex: number }).dataIndex];
        if (!g) return '';
        const s = g.spread;
        const line = (k: string, v: string) => `${escapeHtml(k)}: <b>${escapeHtml(v)}</b>`;
        return [
          `<b>${escapeHtml(g.label)}</b>`,
          ...(hasBox(s)
            ? [
                line(l.max, format(s.max)),
                line(l.q3, format(s.q3)),
                line(l.median, format(s.median)),
                line(l.q1, format(s.q1)),
                line(l.min, format(s.min)),
              ]
            : []),
          line(l.mean, format(s.mean)),
          line(l.stdDev, format(s.stdDev)),
          line(l.count, s.count === null ? format(null) : String(s.count)),
        ].join('<br>');
      },
    },
  };
  const mean: ScatterSeriesOption = {
    type: 'scatter',
    name: l.mean,
    symbol: 'diamond',
    symbolSize: 12,
    itemStyle: { color: '#E69F00', borderColor: '#1b1f24', borderWidth: 1 },
    data: groups.map((g, i) => [i, g.spread.mean ?? '-']),
    tooltip: {
      formatter: (p) =>
        `${escapeHtml(groups[(p as { dataIndex: number }).dataIndex]?.label ?? '')}<br>${escapeHtml(l.mean)}: <b>${escapeHtml(format((p as unknown as { value: [number, number] }).value[1]))}</b>`,
    },
  };
  // Without order statistics (a competitor), a dashed range of one standard deviation either side of the mean.
  const sdRange = groups.map((g) => {
    const { mean: m, stdDev: sd } = g.spread;
    return !hasBox(g.spread) && typeof m === 'number' && typeof sd === 'number'
      ? [Math.max(0, m - sd), Math.max(0, m - sd), m, Math.min(100, m + sd), Math.min(100, m + sd)]
      : [];
  });
  const range: BoxplotSeriesOption = {
    type: 'boxplot',
    name: l.meanSd,
    itemStyle: { color: 'rgba(0,0,0,0)', borderColor: OWN_COLOUR, borderWidth: 1.5, borderType: 'dashed' },
    boxWidth: [2, 2],
    data: sdRange,
    tooltip: box.tooltip!,
  };
  const hasRange = sdRange.some((r) => r.length > 0);
  const points = groups.flatMap((g, gi) =>
    (g.points ?? []).map((p, pi) => ({ name: p.id, value: [gi + 0.3 + jitter(pi) * 0.3, p.score ?? 0] })),
  );
  const strip: ScatterSeriesOption = {
    type: 'scatter',
    name: l.inquiry,
    symbolSize: 8,
    itemStyle: { color: OTHER_COLOUR, opacity: 0.85, borderColor: '#3d4550', borderWidth: 0.5 },
    cursor: 'pointer',
    data: points,
    tooltip: {
      formatter: (p) =>
        `${escapeHtml(l.inquiry)} ${escapeHtml(String((p as { name: string }).name))}: <b>${escapeHtml(format((p as unknown as { value: [number, number] }).value[1]))}</b>`,
    },
  };
  return {
    ...base(text),
    legend: { top: legendTop(text), left: 0, data: [l.mean, ...(hasRange ? [l.meanSd] : []), ...(points.length ? [l.inquiry] : [])] },
    grid: { left: 36, right: 16, top: gridTop(text, true), bottom: 36, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: [
      // Every group named: a long area name wraps under its box rather than being skipped.
      { type: 'category', data: groups.map((g) => g.label), boundaryGap: true, axisLabel: { interval: 0, width: 110, overflow: 'break' } },
      // The strip sits beside each box: a hidden value axis over the same width places it.
      { type: 'value', min: -0.5, max: groups.length - 0.5, show: false },
    ],
    yAxis: {
      type: 'value',
      name: text.valueAxis,
      nameLocation: 'middle',
      nameGap: 40,
      nameRotate: 90,
      min: 0,
      max: 100,
      axisLine: { onZero: false },
    },
    // The strip stays the third series (index 2), so a click on it can be told apart.
    series: [box, mean, ...(points.length ? [{ ...strip, xAxisIndex: 1 }] : []), ...(hasRange ? [range] : [])],
  };
}
