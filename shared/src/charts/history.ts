import type { EChartsOption, LineSeriesOption } from 'echarts';
import {
  base,
  escapeHtml,
  legendTop,
  gridTop,
  legendRowsMedia,
  MEAN_COLOUR,
  OWN_COLOUR,
  percentFormat,
  SERIES_COLOURS,
  tooltipValue,
  type ChartText,
  type ValueFormat,
} from './theme.js';

export interface HistorySeries {
  name: string;
  /** One value per year, in the order of `years`; null where it took no part or is withheld. */
  values: readonly (number | null)[];
  own?: boolean;
}

export interface HistoryText extends ChartText {
  valueAxis: string;
  yearAxis: string;
  format?: ValueFormat;
}

/** Two consecutive editions' totals on only the scored questions they share (domain.md "Across editions"). */
export interface LikeForLikePair {
  fromYear: number;
  toYear: number;
  /** The earlier edition's total on the common questions. */
  from: number | null;
  /** The later edition's total on the common questions. */
  to: number | null;
}

/** What the history chart may show beside the published lines; each part is left out when absent. */
export interface HistoryComparison {
  /** Dashed segments, one a pair of editions, under one legend entry `name`. */
  likeForLike?: { name: string; pairs: readonly LikeForLikePair[] };
  /** A vertical mark labelled `label` at each year whose scored questions differ from the edition before. */
  questionnaireChanged?: { label: string; years: readonly number[] };
  /** A band around the own line: each year's [low, high] (e.g. the 95 % interval of the total), null where none. */
  interval?: { name: string; values: readonly (readonly [number, number] | null)[] };
}

const LIKE_FOR_LIKE_SYMBOL = 'emptyCircle';
/** The interval band: the own colour, light (#0b4f8a at 15 %), in the plot and in the legend alike. */
const BAND_COLOUR = 'rgba(11, 79, 138, 0.15)';

/**
 * Lines over the editions (total and areas): each point labelled, a legend, gaps where no value.
 * Beside them, where given (`comparison`): the like-for-like pairs, the years the questionnaire
 * changed, and an interval band around the own line.
 */
export function historyOption(
  years: readonly number[],
  series: readonly HistorySeries[],
  text: HistoryText,
  comparison: HistoryComparison = {},
): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
  const categories = years.map(String);
  const ownIndex = Math.max(
    0,
    series.findIndex((s) => s.own),
  );
  // Where like-for-like segments are drawn, dashed means like for like (the chapter's note says
  // so): every published line is then solid, kept apart by its mark and colour. Otherwise the
  // areas are dashed and dotted too, so lines stay apart without colour.
  const dashedMeansLikeForLike = (comparison.likeForLike?.pairs.length ?? 0) > 0;
  const published = series.map((s, i): LineSeriesOption => ({
    type: 'line',
    name: s.name,
    // Different marks per line, so lines stay apart without colour.
    symbol: symbols[i % symbols.length]!,
    symbolSize: 9,
    connectNulls: false,
    lineStyle: {
      width: s.own ? 3 : 2,
      type: i === 0 || s.own || dashedMeansLikeForLike ? 'solid' : i % 2 ? 'dashed' : 'dotted',
    },
    data: [...s.values],
    label: { show: series.length <= 2, position: 'top', formatter: (p) => format(typeof p.value === 'number' ? p.value : null) },
  }));

  const changed = (comparison.questionnaireChanged?.years ?? []).filter((y) => years.includes(y));
  if (comparison.questionnaireChanged && changed.length && published[ownIndex]) {
    const { label } = comparison.questionnaireChanged;
    published[ownIndex] = {
      ...published[ownIndex],
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { type: 'dotted', color: MEAN_COLOUR, width: 1.5 },
        label: { formatter: label, position: 'end', color: MEAN_COLOUR },
        data: changed.map((y) => ({ xAxis: String(y), name: label })),
      },
    };
  }

  // Each pair its own series (values at its two years only), all under one name: the legend
  // shows and hides them together, and a year between two pairs keeps both of its values.
  const pairs = (comparison.likeForLike?.pairs ?? []).filter((p) => years.includes(p.fromYear) && years.includes(p.toYear));
  const likeForLike = pairs.map((p): LineSeriesOption => ({
    type: 'line',
    name: comparison.likeForLike!.name,
    symbol: LIKE_FOR_LIKE_SYMBOL,
    symbolSize: 8,
    // Consecutive editions it took part in need not be next to each other on the axis.
    connectNulls: true,
    lineStyle: { width: 2, type: 'dashed', color: OWN_COLOUR },
    itemStyle: { color: OWN_COLOUR },
    data: years.map((y) => (y === p.fromYear ? p.from : y === p.toYear ? p.to : null)),
    label: { show: false },
    z: 3,
  }));

  // The band: an invisible line at the low end, and the width above it stacked on it and filled.
  const intervals = comparison.interval ? years.map((_, i) => comparison.interval!.values[i] ?? null) : [];
  const band: LineSeriesOption[] = comparison.interval
    ? [
        {
          type: 'line',
          name: `${comparison.interval.name} (low)`,
          stack: 'interval',
          symbol: 'none',
          silent: true,
          lineStyle: { opacity: 0 },
          data: intervals.map((r) => (r ? r[0] : null)),
          label: { show: false },
          z: 1,
        },
        {
          type: 'line',
          name: comparison.interval.name,
          stack: 'interval',
          symbol: 'none',
          silent: true,
          lineStyle: { opacity: 0 },
          itemStyle: { color: OWN_COLOUR },
          areaStyle: { color: BAND_COLOUR },
          data: intervals.map((r) => (r ? r[1] - r[0] : null)),
          label: { show: false },
          z: 1,
        },
      ]
    : [];

  const extra = [...likeForLike, ...band];
  const legendNames = [
    ...series.map((s) => s.name),
    ...(likeForLike.length ? [comparison.likeForLike!.name] : []),
    ...(band.length ? [comparison.interval!.name] : []),
  ];
  // The band's entry is a patch of the band's colour, not a line's dot: that is what is drawn.
  const legend = legendNames.map((name) =>
    band.length && name === comparison.interval!.name ? { name, icon: 'rect', itemStyle: { color: BAND_COLOUR } } : name,
  );
  const top = gridTop(text, true);
  return {
    ...base(text),
    color: series.map((s, i) => (s.own ? OWN_COLOUR : SERIES_COLOURS[(i + 1) % SERIES_COLOURS.length]!)),
    legend: { top: legendTop(text), left: 0, data: legend },
    grid: { left: 36, right: 24, top, bottom: 40, containLabel: true },
    tooltip: extra.length
      ? { trigger: 'axis', formatter: (params) => historyTooltip(params, { series, pairs, intervals, comparison, format }) }
      : { trigger: 'axis', valueFormatter: tooltipValue(format) },
    xAxis: { type: 'category', name: text.yearAxis, nameLocation: 'middle', nameGap: 28, data: categories },
    yAxis: {
      type: 'value',
      name: text.valueAxis,
      nameLocation: 'middle',
      nameGap: 44,
      nameRotate: 90,
      min: 0,
      max: 100,
      axisLabel: { formatter: (v: number) => percentFormat(text.locale, 0)(v) },
    },
    series: [...published, ...extra],
    media: legendRowsMedia(legendNames, top),
  };
}

interface TooltipContext {
  series: readonly HistorySeries[];
  pairs: readonly LikeForLikePair[];
  intervals: readonly (readonly [number, number] | null)[];
  comparison: HistoryComparison;
  format: ValueFormat;
}

/**
 * One year's tooltip: the published lines, each like-for-like pair that year is part of (named by
 * its two years, as a year between two pairs has a value in each), and the interval as a range.
 */
function historyTooltip(params: unknown, c: TooltipContext): string {
  const list = (Array.isArray(params) ? params : [params]) as {
    seriesIndex: number;
    dataIndex: number;
    name: string;
    value: unknown;
    marker?: string;
  }[];
  if (!list.length) return '';
  const year = list[0]!.name;
  const dataIndex = list[0]!.dataIndex;
  const line = (marker: string | undefined, name: string, value: string) =>
    `${marker ?? ''}${escapeHtml(name)}: <b>${escapeHtml(value)}</b>`;
  const lines: string[] = [];
  for (const p of list) {
    if (p.seriesIndex < c.series.length) {
      lines.push(line(p.marker, c.series[p.seriesIndex]!.name, c.format(typeof p.value === 'number' ? p.value : null)));
      continue;
    }
    const pair = c.pairs[p.seriesIndex - c.series.length];
    if (pair && typeof p.value === 'number') {
      lines.push(line(p.marker, `${c.comparison.likeForLike!.name} ${pair.fromYear}–${pair.toYear}`, c.format(p.value)));
    }
  }
  const interval = c.intervals[dataIndex];
  if (c.comparison.interval && interval) {
    lines.push(line(undefined, c.comparison.interval.name, `${c.format(interval[0])} – ${c.format(interval[1])}`));
  }
  if (c.comparison.questionnaireChanged?.years.includes(Number(year))) lines.push(escapeHtml(c.comparison.questionnaireChanged.label));
  return [`<b>${escapeHtml(year)}</b>`, ...lines].join('<br>');
}
