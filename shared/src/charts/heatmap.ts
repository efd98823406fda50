import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import { base, escapeHtml, gridTop, NO_VALUE, percentFormat, SEQUENTIAL, type ChartText, type ValueFormat } from './theme.js';

/** The value of a cell without a figure: below the colour scale, so drawn in the out-of-range grey. */
const MISSING = -1;

/**
 * One cell: a score; null where there is no figure at all (the question does not apply to the
 * channel, or has no answers there); or a string, the words for a figure the viewer may not see
 * (e.g. "for få henvendelser" for a competitor's cell over too few inquiries). The two must stay
 * apart: a cell that was never there is not a withheld one.
 */
export type HeatmapCell = number | null | string;

export interface HeatmapText extends ChartText {
  /** The legend of the colour scale, e.g. "Score". */
  valueLabel: string;
  /** Printed in a cell without a figure (null); "–" unless given. */
  missingLabel?: string;
  format?: ValueFormat;
}

/**
 * Rows × columns (performances × channels) coloured light to dark blue by value, every
 * cell printed with its number so the colour is never the only carrier.
 */
export function heatmapOption(rows: readonly string[], columns: readonly string[], values: readonly (readonly HeatmapCell[])[], text: HeatmapText): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  // ECharts puts row 0 at the bottom: flip so the first row is on top, as in a table.
  // A cell without a figure, or withheld, is drawn pale grey below the scale (-1) and labelled
  // ("–" or the reason in words) rather than left blank; its label is kept by data index.
  const cells = values.flatMap((row, r) => row.map((v, c) => ({ value: [c, rows.length - 1 - r, typeof v === 'number' ? v : MISSING] as [number, number, number],
    label: typeof v === 'number' ? format(v) : (v ?? text.missingLabel ?? NO_VALUE) })));
  const data = cells.map((cell) => cell.value);
  const labelOf = (p: { dataIndex: number }) => cells[p.dataIndex]?.label ?? '';
  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: text.valueLabel,
    data,
    label: {
      show: true,
      fontSize: 11,
      formatter: labelOf,
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
        const point = p as unknown as { value: [number, number, number]; dataIndex: number };
        const [c, r] = point.value;
        const row = rows[rows.length - 1 - r] ?? '';
        return `${escapeHtml(row)}<br>${escapeHtml(columns[c] ?? '')}: <b>${escapeHtml(labelOf(point))}</b>`;
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
