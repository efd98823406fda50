import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import type { ChartExtensions } from '../Chart';

/** What rankedBarsOption and groupedBarsOption need (shared/src/charts/bars.ts). */
export const BARS: ChartExtensions = [
  BarChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
];
