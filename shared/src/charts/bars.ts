import type { BarSeriesOption, EChartsOption } from 'echarts';
import {
  base,
  legendTop,
  escapeHtml,
  gridTop,
  MEAN_COLOUR,
  OTHER_COLOUR,
  OWN_COLOUR,
  percentFormat,
  SERIES_COLOURS,
  tooltipValue,
  type ChartText,
  type ValueFormat,
} from './theme.js';

export interface RankedBar {
  label: string;
  value: number | null;
  /** The own company: dark blue, bold, first in the legend's sense. */
  own?: boolean;
  /** Shown where this bar's value is missing, when it differs from the chart's (e.g. "not tested on this channel"). */
  missingLabel?: string;
}

export interface RankedBarsText extends ChartText {
  valueAxis: string;
  /** The name of the mean line, e.g. "Snitt i klassen". */
  meanLabel?: string;
  /** Shown where a value is missing, e.g. "for få henvendelser". */
  missingLabel?: string;
  format?: ValueFormat;
  max?: number;
}

/**
 * Horizontal bars, best at the top, one per member (class benchmark, totals per channel):
 * the own bar highlighted, an optional mean as a dashed line, each bar labelled with its value.
 */
export function rankedBarsOption(bars: readonly RankedBar[], mean: number | null | undefined, text: RankedBarsText): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  // ECharts draws the first category at the bottom: reverse so the best is on top.
  const sorted = [...bars].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).reverse();
  const series: BarSeriesOption = {
    type: 'bar',
    name: text.valueAxis,
    barMaxWidth: 22,
    data: sorted.map((b) => ({
      value: b.value,
      itemStyle: { color: b.own ? OWN_COLOUR : OTHER_COLOUR },
      label: {
        show: true,
        position: 'right',
        fontWeight: b.own ? 'bold' : 'normal',
        // The mean line passes behind the value, not through its digits.
        backgroundColor: '#ffffff',
        padding: [1, 2],
        formatter: () => (b.value === null ? (b.missingLabel ?? text.missingLabel ?? format(null)) : format(b.value)),
      },
    })),
    ...(mean !== null && mean !== undefined
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            // Under the bars and their value labels (ECharts draws marks on top by default).
            z: 1,
            lineStyle: { color: MEAN_COLOUR, type: 'dashed', width: 1.5 },
            label: { formatter: `${text.meanLabel ?? ''} ${format(mean)}`.trim(), position: 'end' },
            data: [{ xAxis: mean }],
          },
        }
      : {}),
  };
  return {
    ...base(text),
    grid: { left: 8, right: 96, top: gridTop(text), bottom: 36, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: tooltipValue(format),
    },
    // hideOverlap: on a phone the plot is narrow and "20 % 40 % …" would run into each other.
    xAxis: {
      type: 'value',
      name: text.valueAxis,
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
      max: text.max ?? 100,
      axisLabel: { hideOverlap: true, formatter: (v: number) => (text.format ? format(v) : percentFormat(text.locale, 0)(v)) },
    },
    yAxis: {
      type: 'category',
      data: sorted.map((b) => ({ value: b.label, textStyle: b.own ? { fontWeight: 'bold', color: OWN_COLOUR } : {} })),
      // Every member named (no labels skipped where they are dense), a long name cut at its end.
      axisLabel: { interval: 0, width: 180, overflow: 'truncate' },
    },
    series: [series],
  };
}

export interface GroupedSeries {
  name: string;
  values: readonly (number | null)[];
  /** The own company's series: dark blue. */
  own?: boolean;
  /** A fixed colour where the meaning calls for one (e.g. NPS groups); still with a pattern. */
  colour?: string;
  /** Per value, the word where it is missing when it differs from the chart's (e.g. "not tested"). */
  missingLabels?: readonly (string | undefined)[];
}

export interface GroupedBarsText extends ChartText {
  valueAxis: string;
  format?: ValueFormat;
  max?: number;
  /** Horizontal bars suit long category names (performances). */
  horizontal?: boolean;
  /** Stack the series (shares that add up to 100). */
  stacked?: boolean;
  /** Ticks of the value axis; whole percents by default, else `format`. */
  axisFormat?: ValueFormat;
  min?: number;
  /**
   * Where a value is withheld (a competitor's small cell), this word in place of the bar and in
   * the tooltip, e.g. "for få henvendelser"; without it, a null is simply no bar.
   */
  missingLabel?: string;
}

/** A withheld value drawn as its word on the axis, not as a bar of 0. */
interface MissingBar {
  value: 0;
  missing: true;
  word: string;
  itemStyle: { opacity: 0 };
  label: Record<string, unknown>;
}

/**
 * Bars grouped by category (areas, channels, performances), one series each (own, class
 * mean, competitors): a legend, labels with the values, tooltips with every series.
 */
export function groupedBarsOption(categories: readonly string[], series: readonly GroupedSeries[], text: GroupedBarsText): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  const legend = series.length > 1;
  const colours = series.map((s, i) => s.colour ?? (s.own ? OWN_COLOUR : SERIES_COLOURS[(i + 1) % SERIES_COLOURS.length]!));
  const valueAxis = {
    type: 'value' as const,
    name: text.valueAxis,
    nameLocation: 'middle' as const,
    nameGap: text.horizontal ? 26 : 50, // upright: past "100 %", not through it
    ...(text.horizontal ? {} : { nameRotate: 90 }),
    min: text.min ?? 0,
    max: text.max ?? 100,
    axisLabel: {
      hideOverlap: true,
      formatter: (v: number) => (text.axisFormat ?? (text.format ? text.format : percentFormat(text.locale, 0)))(v),
    },
  };
  // Labels keep two decimals, as tooltips and tables do: a reader comparing a bar with its
  // table row should see the same number (88,04 %, not 88,0 %).
  const labelFormat = format;
  // Horizontal bars list the first category at the top: the axis runs bottom-up.
  const inAxisOrder = <T>(list: readonly T[]): T[] => (text.horizontal ? [...list].reverse() : [...list]);
  const anyMissingWord = text.missingLabel !== undefined || series.some((s) => s.missingLabels?.some((w) => w !== undefined));
  const categoryAxis = {
    type: 'category' as const,
    data: inAxisOrder(categories),
    axisLabel: text.horizontal
      ? { interval: 0, width: 240, overflow: 'truncate' as const }
      : { interval: 0, width: 110, overflow: 'break' as const },
  };
  return {
    ...base(text),
    color: colours,
    ...(legend ? { legend: { top: legendTop(text), left: 0, data: series.map((s) => s.name) } } : {}),
    // Patterns besides colour, so series stay apart in greyscale and for colour-blind readers.
    aria: { enabled: true, label: { enabled: false }, decal: { show: legend } },
    grid: { left: text.horizontal ? 8 : 46, right: 72, top: gridTop(text, legend), bottom: text.horizontal ? 36 : 48, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: tooltipValue(format),
      ...(anyMissingWord
        ? {
            formatter: (params: unknown) => {
              const list = (Array.isArray(params) ? params : [params]) as {
                axisValueLabel?: string;
                marker?: string;
                seriesName?: string;
                value?: unknown;
                data?: unknown;
              }[];
              const rows = list.map(
                (p) =>
                  `${p.marker ?? ''}${tooltipLine(p.seriesName ?? '', (p.data as MissingBar | null)?.missing ? (p.data as MissingBar).word : tooltipValue(format)(p.value))}`,
              );
              return [escapeHtml(list[0]?.axisValueLabel ?? ''), ...rows].join('<br/>');
            },
          }
        : {}),
    },
    xAxis: text.horizontal ? valueAxis : categoryAxis,
    yAxis: text.horizontal ? categoryAxis : valueAxis,
    series: series.map((s): BarSeriesOption => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 28,
      ...(text.stacked ? { stack: 'total' } : {}),
      data: inAxisOrder(
        s.values.map((v, i) => {
          const word = s.missingLabels?.[i] ?? text.missingLabel;
          return v === null && word !== undefined ? missingBar(word, text.horizontal) : v;
        }),
      ),
      label: {
        show: series.length <= 3 && categories.length <= 12,
        position: text.stacked ? 'inside' : text.horizontal ? 'right' : 'top',
        fontSize: 11,
        // Inside a stack, a slim segment has no room for its label: the tooltip and table still give it.
        formatter: (p) =>
          text.stacked && typeof p.value === 'number' && p.value < 6 ? '' : labelFormat(typeof p.value === 'number' ? p.value : null),
      },
    })),
  };
}

function missingBar(word: string, horizontal = false): MissingBar {
  // Upright bars are narrow: the word stands up from the axis where the bar would be.
  const place = horizontal ? { position: 'insideLeft' } : { position: 'insideBottom', rotate: 90, align: 'left', verticalAlign: 'middle' };
  // The label's own opacity: it would otherwise inherit the hidden bar's 0 and never show.
  return {
    value: 0,
    missing: true,
    word,
    itemStyle: { opacity: 0 },
    label: { show: true, ...place, formatter: word, color: '#5a6270', fontStyle: 'italic', opacity: 1 },
  };
}

/** A tooltip line as HTML: the series name and its value. */
export function tooltipLine(name: string, value: string): string {
  return `${escapeHtml(name)}: <b>${escapeHtml(value)}</b>`;
}
