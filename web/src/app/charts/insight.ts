import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
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
];
