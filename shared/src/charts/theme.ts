import type { EChartsOption } from 'echarts';
import { formatNumber, formatPercent, NO_VALUE, type Locale } from '../format/number.js';

/**
 * Colours that survive colour blindness (Okabe–Ito, without the pale yellow). The own
 * company is always dark blue *and* named in bold; others are a grey with 3:1 contrast
 * on white. Meaning never rests on red against green.
 */
export const OWN_COLOUR = '#0b4f8a';
export const OTHER_COLOUR = '#8a94a3';
export const MEAN_COLOUR = '#1b1f24';
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];
/** Light to dark blue, for heatmaps: read with the numbers printed in each cell. */
export const SEQUENTIAL = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
export const TEXT_COLOUR = '#1b1f24';
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** What every chart shows in words: its title and, where it has axes, what they measure. */
export interface ChartText {
  title: string;
  /** Under the title, e.g. the channel a chart is narrowed to. */
  subtitle?: string;
  locale: Locale;
  /** False where the page prints the title above the chart itself (the web app); the PDF keeps it in. */
  titleInChart?: boolean;
}

/** Formats a value for labels and tooltips: percent with 2 decimals unless told otherwise. */
export type ValueFormat = (value: number | null | undefined) => string;
export const percentFormat =
  (locale: Locale, decimals = 2): ValueFormat =>
  (v) =>
    formatPercent(v, decimals, locale);
export const numberFormat =
  (locale: Locale, decimals = 2): ValueFormat =>
  (v) =>
    formatNumber(v, decimals, locale);
export { NO_VALUE };

/** Title, text style and the ARIA description every chart shares. */
export function base(text: ChartText): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: TEXT_COLOUR },
    title: {
      show: text.titleInChart !== false,
      text: text.title,
      ...(text.subtitle ? { subtext: text.subtitle } : {}),
      left: 0,
      top: 0,
      textStyle: { fontSize: 15, fontWeight: 600, color: TEXT_COLOUR },
      subtextStyle: { color: '#4a5260' },
    },
    // The page labels each chart itself (and offers a table): ECharts' own generated English
    // description would replace that label, so only its decal patterns are used.
    aria: { enabled: true, label: { enabled: false } },
  };
}

/** Where a legend goes: under the title (and subtitle), or at the top without one. */
export const legendTop = (text: ChartText) => (text.titleInChart === false ? 0 : text.subtitle ? 48 : 28);

/** Room for the title (and subtitle) and a legend above the plot. */
export const gridTop = (text: ChartText, legend = false) =>
  (text.titleInChart === false ? 16 : text.subtitle ? 56 : 36) + (legend ? 28 : 0);

/** Estimated width (px) of a legend entry: the icon (25), the gap to its name, the name at 12 px (generously), the gap to the next. */
const legendItemWidth = (name: string) => 25 + 5 + 7 * name.length + 10;
/** What one more row of legend takes (the icon's 14 px and the 10 px between rows). */
const LEGEND_ROW = 24;

/**
 * Media rules that move the plot down a legend row for each row the legend needs at the chart's
 * width (ECharts lays a legend out left to right and wraps it, but leaves the plot where it was,
 * so a wrapped legend lay over the lines at tablet and phone width). The widths are estimated
 * from the names; the rule without a query is the one-row layout a wider chart goes back to.
 */
export function legendRowsMedia(names: readonly string[], top: number): NonNullable<EChartsOption['media']> {
  const rowsAt = (width: number) => {
    let rows = 1;
    let x = 0;
    for (const name of names) {
      const w = legendItemWidth(name);
      if (x > 0 && x + w > width) {
        rows += 1;
        x = 0;
      }
      x += w;
    }
    return rows;
  };
  const media: NonNullable<EChartsOption['media']> = [{ option: { grid: { top } } }];
  let rows = 1;
  for (let width = 2400; width >= 160; width -= 10) {
    // The legend's own padding, 5 px a side.
    const needed = rowsAt(width - 10);
    if (needed > rows) {
      media.push({ query: { maxWidth: width + 10 }, option: { grid: { top: top + (needed - 1) * LEGEND_ROW } } });
      rows = needed;
    }
  }
  return media;
}

/** A tooltip value: a number formatted, or the dash for no value. */
export function tooltipValue(format: ValueFormat) {
  return (value: unknown): string => (typeof value === 'number' ? format(value) : format(null));
}

/** Escapes text placed in an HTML tooltip. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The option type as the builders produce it. Web code takes it from here: `echarts` types
 * resolve to a second copy under the web's bundler resolution, and the two do not mix.
 */
export type { EChartsOption as ChartOption } from 'echarts';
