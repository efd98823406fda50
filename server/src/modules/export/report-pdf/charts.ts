import { init, setPlatformAPI, use } from 'echarts/core';
import { BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '@ksp/shared/charts/index';
import { sharedFonts } from './layout.js';

// Every chart type and component the shared builders use, and the SVG renderer for server-side rendering.
use([
  BarChart,
  BoxplotChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

/** The font family the PDF embeds; SVG text is mapped onto it (svg-to-pdfkit's fontCallback). */
export const CHART_FONT = 'Inter';

/**
 * The width of a label as the PDF will print it. Without a canvas ECharts guesses widths from a
 * table of another font's letters, narrower than Inter: a long right-aligned axis label then got
 * less room than it takes and its first letters fell off the page's edge ("yttet" for "Nyttet").
 * Measured with the embedded font, ECharts truncates at the end with "…" and sizes the grid to fit.
 */
export function measureChartText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  // svg-to-pdfkit prints bold SVG text in Inter SemiBold (layout.ts).
  const bold = /\bbold\b|\b[6-9]00\b/.test(font ?? '');
  const face = bold ? sharedFonts().semibold : sharedFonts().regular;
  const ascii = asciiUnits();
  const units =
    text?.length === 1 && text.charCodeAt(0) < 128
      ? (bold ? ascii.semibold : ascii.regular)[text.charCodeAt(0)]!
      : unitsOf(face, text ?? '');
  return { width: (units * size) / face.unitsPerEm };
}
setPlatformAPI({ measureText: measureChartText });

/** A text's advance in font units. */
function unitsOf(face: ReturnType<typeof sharedFonts>['regular'], text: string): number {
  const run = face.layout(text);
  // A letter Inter lacks counts a full em, as a browser's fallback would: ECharts takes the width
  // of "国" as its line height (label backgrounds, wrapping).
  let units = 0;
  run.glyphs.forEach((g, i) => {
    units += g.id === 0 ? face.unitsPerEm : (run.positions[i] as { xAdvance: number }).xAdvance;
  });
  return units;
}

/**
 * The advance of each ASCII character, in both faces, worked out on the first measurement. zrender
 * wraps labels (`overflow: 'break'`) letter by letter from a table of the 128 ASCII widths that it
 * measures itself, timing the work: if that took over 16 ms (or over 2 ms five times) it gives up
 * for the rest of the process and counts every letter as wide as "a". Shaping 128 letters cold
 * took that long now and then (a busy machine, a fresh worker), and the same report then wrapped
 * some axis labels differently ("Svar- og ventetid" in two lines). Read from this table, zrender's
 * 128 measurements take microseconds, far under its limits, so it keeps its table and a report wraps
 * the same way in every run (the table is made on the first measurement, which zrender does not time).
 */
let ascii: { regular: number[]; semibold: number[] } | undefined;
function asciiUnits(): { regular: number[]; semibold: number[] } {
  if (ascii) return ascii;
  const table = (face: ReturnType<typeof sharedFonts>['regular']) =>
    Array.from({ length: 128 }, (_, c) => unitsOf(face, String.fromCharCode(c)));
  ascii = { regular: table(sharedFonts().regular), semibold: table(sharedFonts().semibold) };
  return ascii;
}

/**
 * A label shortened from its end to fit `width` px of a chart (12 px axis labels): whole words and
 * "…", so a reader sees where it goes on; the table under the chart has the full text.
 */
export function fitLabel(text: string, width: number, fontSize = 12): string {
  const fits = (s: string) => measureChartText(s, `${fontSize}px ${CHART_FONT}`).width <= width;
  if (fits(text)) return text;
  const words = text.split(/\s+/);
  for (let n = words.length - 1; n > 0; n--) {
    const head = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s,;:.–-]+$/, '');
    if (fits(`${head}…`)) return `${head}…`;
  }
  // One word longer than the room: cut it by letters.
  let head = text;
  while (head.length > 1 && !fits(`${head}…`)) head = head.slice(0, -1);
  return `${head}…`;
}

/**
 * A label wrapped at word boundaries into at most `lines` lines of `width` px, the last one
 * shortened from its end where the text goes on ("\n" between lines, as ECharts takes them).
 */
export function wrapLabel(text: string, width: number, lines = 2, fontSize = 12): string {
  const fits = (s: string) => measureChartText(s, `${fontSize}px ${CHART_FONT}`).width <= width;
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  while (words.length && out.length < lines - 1) {
    let n = 1;
    while (n < words.length && fits(words.slice(0, n + 1).join(' '))) n++;
    if (!fits(words.slice(0, n).join(' '))) break;
    out.push(words.splice(0, n).join(' '));
  }
  if (words.length) out.push(fitLabel(words.join(' '), width, fontSize));
  return out.join('\n');
}

/**
 * Renders a shared chart builder's option to an SVG string, without a browser (ECharts' server-side
 * rendering): fixed size in PDF points, no animation, the embedded font, no tooltips (paper).
 */
export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const base = option.textStyle && !Array.isArray(option.textStyle) ? option.textStyle : {};
    chart.setOption({ ...option, animation: false, tooltip: { show: false }, textStyle: { ...base, fontFamily: CHART_FONT } });
    return forPdf(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts outlines labels with a white halo drawn under the fill (`paint-order="stroke"`), which
 * svg-to-pdfkit does not know: it would paint the halo over the letters. Paper needs no halo.
 */
export function forPdf(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) =>
    tag.includes('paint-order="stroke"')
      ? tag.replace(/ stroke="[^"]*"| stroke-width="[^"]*"| paint-order="[^"]*"| stroke-miterlimit="[^"]*"/g, '')
      : tag,
  );
}
