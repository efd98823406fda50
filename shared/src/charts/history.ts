import type { EChartsOption, LineSeriesOption } from 'echarts';
import {
  base,
  legendTop,
  gridTop,
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

/** Lines over the editions (total and areas): each point labelled, a legend, gaps where no value. */
export function historyOption(years: readonly number[], series: readonly HistorySeries[], text: HistoryText): EChartsOption {
  const format = text.format ?? percentFormat(text.locale);
  const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
  return {
    ...base(text),
    color: series.map((s, i) => (s.own ? OWN_COLOUR : SERIES_COLOURS[(i + 1) % SERIES_COLOURS.length]!)),
    legend: { top: legendTop(text), left: 0, data: series.map((s) => s.name) },
    grid: { left: 36, right: 24, top: gridTop(text, true), bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue(format) },
    xAxis: { type: 'category', name: text.yearAxis, nameLocation: 'middle', nameGap: 28, data: years.map(String) },
    yAxis: { type: 'value', name: text.valueAxis, nameLocation: 'middle', nameGap: 40, nameRotate: 90, min: 0, max: 100 },
    series: series.map((s, i): LineSeriesOption => ({
      type: 'line',
      name: s.name,
      // Different marks per line, so lines stay apart without colour.
      symbol: symbols[i % symbols.length]!,
      symbolSize: 9,
      connectNulls: false,
      lineStyle: { width: s.own ? 3 : 2, type: i === 0 || s.own ? 'solid' : i % 2 ? 'dashed' : 'dotted' },
      data: [...s.values],
      label: { show: series.length <= 2, position: 'top', formatter: (p) => format(typeof p.value === 'number' ? p.value : null) },
    })),
  };
}
