import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import { base, escapeHtml, gridTop, percentFormat, SEQUENTIAL, type ChartText, type ValueFormat } from './theme.js';

/** The value of a cell without one: below the colour scale, so drawn in the out-of-range grey. */
const MISSING = -1;

export interface HeatmapText extends ChartText {
  /** The legend of the colour scale, e.g. "Score". */
  valueLabel: string;
  /** Printed in a cell without a value. */
  missingLabel: string;
  format?: ValueFormat;
}

/**
 * Rows × columns (performances × channels) coloured light to dark blue by value, every
 * cell printed with its number so the colour is never the only carrier.
 */
export function heatmapOption(rows: readonly string[], columns: readonly string[], values: readonly (readonly (number | null)[])[], text: HeatmapText): EChartsOption {
  const format = text.format ?? percentFormat(text.locale, 1);
  // ECharts puts row 0 at the bottom: flip so the first row is on top, as in a table.
  // A cell without a value (the question does not apply to the channel) is drawn pale grey
  // below the scale (-1) and labelled in words, rather than left blank.
  const data = values.flatMap((row, r) => row.map((v, c) => [c, rows.length - 1 - r, v ?? MISSING] as [number, number, number]));
  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: text.valueLabel,
    data,
    label: {
      show: true,
      fontSize: 11,
      formatter: (p) => {
        const v = (p.value as [number, number, number])[2];
        return v === MISSING ? text.missingLabel : format(v);
      },
    },
    itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
    emphasis: { itemStyle: { borderColor: '#1b1f24', borderWidth: 2 } },
  };
  return {
    ...base(text),
    grid: { left: 8, right: 16, top: gridTop(text) + 8, bottom: 56, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const [c, r, v] = (p as unknown as { value: [number, number, number] }).value;
        const row = rows[rows.length - 1 - r] ?? '';
        return `${escapeHtml(row)}<br>${escapeHtml(columns[c] ?? '')}: <b>${escapeHtml(v === MISSING ? text.missingLabel : format(v))}</b>`;
      },
    },
    xAxis: { type: 'category', data: [...columns], position: 'top', splitArea: { show: false } },
    yAxis: { type: 'category', data: [...rows].reverse(), axisLabel: { width: 260, overflow: 'truncate' } },
    visualMap: {
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['100', `0 ${text.valueLabel}`],
      inRange: { color: SEQUENTIAL },
      outOfRange: { color: '#eef0f3' },
      // Dark cells get white numbers through ECharts' automatic label contrast.
    },
    series: [series],
  };
}
