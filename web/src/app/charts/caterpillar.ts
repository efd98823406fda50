import { BarChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import type { ChartExtensions } from '../Chart';

/** What caterpillarOption needs (shared/src/charts/caterpillar.ts). */
export const CATERPILLAR: ChartExtensions = [
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
];
