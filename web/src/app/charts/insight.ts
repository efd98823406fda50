import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import type { ChartExtensions } from '../Chart';

/** What keyDriversOption (bars with whiskers) and importanceQuadrantOption need (shared/src/charts/insight.ts). */
export const INSIGHT_CHARTS: ChartExtensions = [
  BarChart,
  CustomChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  // The quadrant's labelLayout (names moved apart where points crowd): without it ECharts ignores it.
  LabelLayout,
];
