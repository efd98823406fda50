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

/**
 * A row's name: a short label on the axis (a question's `shortLabel`), with the full wording
 * in the tooltip; a plain string is both.
 */
export type HeatmapRow = string | { label: string; full: string };

const rowLabel = (row: HeatmapRow) => (typeof row === 'string' ? row : row.label);
const rowFull = (row: HeatmapRow) => (typeof row === 'string' ? row : row.full);

/**
 * Leaves out the rows and columns without a single figure (every cell null): a channel the
 * company was not tested on, and a question that applies only to such channels, would be
 * nothing but "–". A withheld cell (a string) is a figure the viewer may not see, so it keeps
 * its row and column. `kept` are the indexes of the rows kept, for a table of the same rows.
 */
export function heatmapWithFigures<R, C>(
  rows: readonly R[],
  columns: readonly C[],
  values: readonly (readonly HeatmapCell[])[],
): { rows: R[]; columns: C[]; values: HeatmapCell[][]; kept: number[] } {
  const has = (v: HeatmapCell | undefined) => v !== null && v !== undefined;
  const cols = columns.map((_, c) => c).filter((c) => values.some((row) => has(row[c])));
  const kept = rows.map((_, r) => r).filter((r) => cols.some((c) => has(values[r]?.[c])));
  return {
    rows: kept.map((r) => rows[r]!),
    columns: cols.map((c) => columns[c]!),
    values: kept.map((r) => cols.map((c) => values[r]?.[c] ?? null)),
    kept,
  };
}

export interface HeatmapText extends ChartText {
  /** The legend of the colour scale, e.g. "Score". */
  valueLabel: string;
  /** Printed in a cell without a figure (null); "–" unless given. */
  missingLabel?: string;
  format?: ValueFormat;
}

/**
 * Rows × columns (performances × channels) coloured light to dark blue by value, every
 * cell printed with its number so the colour is never the only carrier. Rows and columns
 * without any figure are left out (heatmapWithFigures).
 */
export function heatmapOption(
  allRows: readonly HeatmapRow[],
  allColumns: readonly string[],
  allValues: readonly (readonly HeatmapCell[])[],
  text: HeatmapText,
): EChartsOption {
  const { rows, columns, values } = heatmapWithFigures(allRows, allColumns, allValues);
  const format = text.format ?? percentFormat(text.locale);
  // ECharts puts row 0 at the bottom: flip so the first row is on top, as in a table.
  // A cell without a figure, or withheld, is drawn pale grey below the scale (-1) and labelled
  // ("–" or the reason in words) rather than left blank; its label is kept by data index.
  const cells = values.flatMap((row, r) =>
    row.map((v, c) => ({
      value: [c, rows.length - 1 - r, typeof v === 'number' ? v : MISSING] as [number, number, number],
      label: typeof v === 'number' ? format(v) : (v ?? text.missingLabel ?? NO_VALUE),
    })),
  );
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
        const row = rows[rows.length - 1 - r];
        return `${escapeHtml(row === undefined ? '' : rowFull(row))}<br>${escapeHtml(columns[c] ?? '')}: <b>${escapeHtml(labelOf(point))}</b>`;
      },
    },
    xAxis: { type: 'category', data: [...columns], position: 'top', splitArea: { show: false }, axisLabel: { interval: 0 } },
    yAxis: { type: 'category', data: rows.map(rowLabel).reverse(), axisLabel: { interval: 0, width: 260, overflow: 'truncate' } },
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
    // In a narrow chart (a phone: the page is 360 px) the row labels wrap in a narrower column
    // and the numbers get smaller, so the cells keep room for "100,0 %" and every channel is named.
    // The entry without a query is what a wider chart goes back to: ECharts only merges a media
    // option in, so leaving the narrow layout (a phone turned) needs the wide values restated.
    media: [
      {
        option: {
          yAxis: { axisLabel: { width: 260, overflow: 'truncate', fontSize: 12, lineHeight: 14 } },
          xAxis: { axisLabel: { interval: 'auto', fontSize: 12 } },
          series: [{ label: { fontSize: 11 } }],
        },
      },
      {
        query: { maxWidth: NARROW },
        option: {
          yAxis: { axisLabel: { width: 100, overflow: 'break', fontSize: 11, lineHeight: 13 } },
          xAxis: { axisLabel: { interval: 0, fontSize: 10 } },
          series: [{ label: { fontSize: 10 } }],
        },
      },
    ],
  };
}

/** The chart width (px) up to which a heatmap is laid out for a phone. */
const NARROW = 420;
