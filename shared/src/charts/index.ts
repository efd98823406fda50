// Chart builders: pure functions data → ECharts option, shared by the web app and the
// server's PDF export. They import only types from echarts; the caller registers the
// chart types and components (see CHART_PARTS) and renders.
export * from './theme.js';
export * from './bars.js';
export * from './heatmap.js';
export * from './spread.js';
export * from './history.js';

/** The ECharts parts each builder needs, by name, for `echarts/core`'s `use` (tree shaking). */
export const CHART_PARTS = {
  rankedBars: ['BarChart', 'GridComponent', 'TooltipComponent', 'TitleComponent', 'MarkLineComponent', 'AriaComponent'],
  groupedBars: ['BarChart', 'GridComponent', 'TooltipComponent', 'TitleComponent', 'LegendComponent', 'AriaComponent'],
  heatmap: ['HeatmapChart', 'GridComponent', 'TooltipComponent', 'TitleComponent', 'VisualMapComponent', 'AriaComponent'],
  spread: ['BoxplotChart', 'ScatterChart', 'GridComponent', 'TooltipComponent', 'TitleComponent', 'LegendComponent', 'AriaComponent'],
  history: ['LineChart', 'GridComponent', 'TooltipComponent', 'TitleComponent', 'LegendComponent', 'AriaComponent'],
} as const;
