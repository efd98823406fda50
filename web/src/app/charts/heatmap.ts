import { HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { ChartExtensions } from '../Chart';

export const HEATMAP: ChartExtensions = [HeatmapChart, GridComponent, TooltipComponent, TitleComponent, VisualMapComponent, AriaComponent];
