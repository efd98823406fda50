import { init, use } from 'echarts/core';
import { BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '@ksp/shared/charts/index';

// Every part the shared builders name in CHART_PARTS, and the SVG renderer for server-side rendering.
use([
  BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart,
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
  LegacyGridContainLabel, SVGRenderer,
]);

/** The font family the PDF embeds; SVG text is mapped onto it (svg-to-pdfkit's fontCallback). */
export const CHART_FONT = 'Inter';

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
  return svg.replace(/<text\b[^>]*>/g, (tag) => (tag.includes('paint-order="stroke"')
    ? tag.replace(/ stroke="[^"]*"| stroke-width="[^"]*"| paint-order="[^"]*"| stroke-miterlimit="[^"]*"/g, '')
    : tag));
}
