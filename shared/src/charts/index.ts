// Chart builders: pure functions data → ECharts option, shared by the web app and the
// server's PDF export. They import only types from echarts; the caller registers the
// chart types and components each builder uses (web/src/app/charts, the PDF's charts.ts) and renders.
export * from './theme.js';
export * from './bars.js';
export * from './heatmap.js';
export * from './spread.js';
export * from './history.js';
export * from './caterpillar.js';
export * from './insight.js';
