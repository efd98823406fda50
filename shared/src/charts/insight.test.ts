import { describe, expect, it } from 'vitest';
import { init, use } from 'echarts/core';
import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { importanceQuadrantOption, keyDriversOption, OTHER_COLOUR, OWN_COLOUR } from './index.js';

type AnyRecord = Record<string, any>;
const series = (o: EChartsOption) => o.series as AnyRecord[];
const axis = (o: EChartsOption, key: 'xAxis' | 'yAxis') => o[key] as AnyRecord;

const render = (option: EChartsOption) => {
  use([
    BarChart,
    CustomChart,
    ScatterChart,
    AriaComponent,
    GridComponent,
    LegendComponent,
    MarkLineComponent,
    TitleComponent,
    TooltipComponent,
    SVGRenderer,
  ]);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
};

/** The x of the SVG text that reads `text` (ECharts writes it as x="…" or in a translate). */
function labelX(svg: string, text: string): number {
  const element = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].find((m) => m[2] === text);
  if (!element) throw new Error(`no label ${text}`);
  const attrs = element[1]!;
  const x = /\bx="([-\d.]+)"/.exec(attrs)?.[1] ?? /translate\(([-\d.]+)/.exec(attrs)?.[1];
  return Number(x);
}

describe('keyDriversOption', () => {
  const option = keyDriversOption(
    [
      { label: 'Svar på alle spørsmål', weight: 0.0812, low: 0.05, high: 0.11 },
      { label: 'Karakter', weight: 0.214, low: 0.17, high: 0.262 },
      { label: 'Ventetid', weight: 0.0123, low: null, high: null },
    ],
    { title: 'Hva driver NPS', valueAxis: 'Andel av variasjonen', intervalLabel: '95 % intervall', locale: 'nb', titleInChart: false },
  );

  it('puts the largest weight on top and draws weights as percent of the variance', () => {
    // ECharts draws the first category at the bottom.
    expect(axis(option, 'yAxis').data).toEqual(['Ventetid', 'Svar på alle spørsmål', 'Karakter']);
    expect(series(option)[0]!.data).toEqual([expect.closeTo(1.23, 10), expect.closeTo(8.12, 10), expect.closeTo(21.4, 10)]);
    // The axis reaches the highest interval end, 26,2 %, rounded up to 30 %.
    expect(axis(option, 'xAxis').max).toBe(30);
  });

  it('carries each interval as a whisker (none where there is no interval), the value written past its end', () => {
    // [row, low, high, label at]: past the whisker's end, or the bar's without an interval.
    expect(series(option)[1]!.data).toEqual([
      [0, null, null, expect.closeTo(1.23, 10)],
      [1, 5, 11, 11],
      [2, 17, expect.closeTo(26.2, 10), expect.closeTo(26.2, 10)],
    ]);
    // The bar draws no label of its own: it sat on the whisker.
    expect(series(option)[0]!.label).toBeUndefined();
    const tip = (option.tooltip as AnyRecord).formatter([{ dataIndex: 2 }]);
    expect(tip).toBe('<b>Karakter</b><br/>Andel av variasjonen: <b>21,4\u00a0%</b><br/>95 % intervall: 17,0\u00a0% – 26,2\u00a0%');
  });

  it('renders to SVG with the bars and the whiskers, each value in Norwegian format to the right of its whisker', () => {
    const svg = render(option);
    expect(svg).toContain('Karakter');
    // 17–26,2 % on an axis of 0–30 %: the whisker ends at 26,2 %, and the label starts past it.
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
    chart.setOption(option);
    const whiskerEnd = chart.convertToPixel({ xAxisIndex: 0 }, 26.2) as number;
    const barEnd = chart.convertToPixel({ xAxisIndex: 0 }, 21.4) as number;
    chart.dispose();
    const label = labelX(svg, '21,4\u00a0%');
    expect(label).toBeGreaterThan(whiskerEnd);
    expect(label).toBeGreaterThan(barEnd);
    // Without an interval: past the bar's end (1,23 %), and in Norwegian format.
    expect(labelX(svg, '1,2\u00a0%')).toBeGreaterThan(0);
  });
});

describe('importanceQuadrantOption', () => {
  const option = importanceQuadrantOption(
    [
      { label: 'Karakter', weight: 0.2, gap: -6.5 },
      { label: 'Behov', weight: 0.1, gap: 3.25 },
      { label: 'Ventetid', weight: 0.03, gap: -12.4 },
    ],
    { title: 'Viktighet og prestasjon', xAxis: 'Vekt', yAxis: 'Mot klassen', below: 'Under klassen', above: 'Over klassen', locale: 'nb' },
  );

  it('places each performance at (weight in %, own − class) and sets those below the class apart by colour and shape', () => {
    const [below, above] = series(option);
    expect(below!.data).toEqual([
      { name: 'Karakter', value: [20, -6.5] },
      { name: 'Ventetid', value: [3, -12.4] },
    ]);
    expect(above!.data).toEqual([{ name: 'Behov', value: [10, 3.25] }]);
    expect(below!.itemStyle.color).toBe(OWN_COLOUR);
    expect(above!.itemStyle.color).toBe(OTHER_COLOUR);
    expect(below!.symbol).not.toBe(above!.symbol);
  });

  it('divides the plane at the class level and at the mean weight, (20 + 10 + 3)/3 = 11 %', () => {
    const lines = series(option)[0]!.markLine.data;
    expect(lines[0]).toEqual({ yAxis: 0 });
    expect(lines[1].xAxis).toBeCloseTo(11, 10);
    // Symmetric around the class level: the largest gap, 12,4, rounded up to 15.
    expect([axis(option, 'yAxis').min, axis(option, 'yAxis').max]).toEqual([-15, 15]);
    expect(axis(option, 'xAxis').max).toBe(20);
  });

  it('says a point in words in the tooltip and renders to SVG', () => {
    const tip = (option.tooltip as AnyRecord).formatter({ name: 'Ventetid', value: [3, -12.4] });
    expect(tip).toBe('<b>Ventetid</b><br/>Vekt: 3,0\u00a0%<br/>Mot klassen: ▼ −12,40\u00a0p.p.');
    expect(render(option)).toContain('Karakter');
  });
});
