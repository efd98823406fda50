import { describe, expect, it } from 'vitest';
import { init, use } from 'echarts/core';
import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import {
  driversAxisMax,
  importanceQuadrantOption,
  keyDriversOption,
  OTHER_COLOUR,
  OWN_COLOUR,
  QUADRANT_LABELS,
  quadrantLabelled,
} from './index.js';

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
    LabelLayout,
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

  it('ends the axis close to the longest whisker: whole 1 % up to 10 %, 2 % up to 20 %, then 5 %', () => {
    expect([5.7, 10, 10.1, 19.5, 20.5, 0].map(driversAxisMax)).toEqual([6, 10, 12, 20, 25, 1]);
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
  const text = {
    title: 'Viktighet og prestasjon på Telefon',
    xAxis: 'Vekt',
    yAxis: 'Mot klassen',
    below: 'Under klassen',
    above: 'Over klassen',
    meanWeight: 'Snittvekt',
    classLevel: 'Klassen',
    locale: 'nb' as const,
  };
  const option = importanceQuadrantOption(
    [
      { label: 'Karakter', weight: 0.2, gap: -6.5 },
      { label: 'Behov', weight: 0.1, gap: 3.25 },
      { label: 'Ventetid', weight: 0.03, gap: -12.4 },
    ],
    text,
  );
  const points = (o: EChartsOption) => series(o).flatMap((s) => s['data'] as AnyRecord[]);

  it('places each performance at (weight in %, own − class) and sets those below the class apart by colour and shape', () => {
    const [below, above] = series(option);
    expect(below!.data.map((d: AnyRecord) => ({ name: d['name'], value: d['value'] }))).toEqual([
      { name: 'Karakter', value: [20, -6.5] },
      { name: 'Ventetid', value: [3, -12.4] },
    ]);
    expect(above!.data.map((d: AnyRecord) => ({ name: d['name'], value: d['value'] }))).toEqual([{ name: 'Behov', value: [10, 3.25] }]);
    expect(below!.itemStyle.color).toBe(OWN_COLOUR);
    expect(above!.itemStyle.color).toBe(OTHER_COLOUR);
    expect(below!.symbol).not.toBe(above!.symbol);
  });

  it('divides the plane at the class level and at the mean weight, (20 + 10 + 3)/3 = 11 %, each line named', () => {
    const lines = series(option)[0]!.markLine.data;
    expect(lines[0]).toMatchObject({ yAxis: 0, label: { formatter: 'Klassen' } });
    expect(lines[1].xAxis).toBeCloseTo(11, 10);
    expect(lines[1].label.formatter).toBe('Snittvekt 11,0\u00a0%');
    // Symmetric around the class level: the largest gap, 12,4, rounded up to whole tens.
    expect([axis(option, 'yAxis').min, axis(option, 'yAxis').max]).toEqual([-20, 20]);
    expect(axis(option, 'xAxis').max).toBe(20);
  });

  it('writes the gap axis in whole points, signed, the Norwegian way', () => {
    const f = axis(option, 'yAxis').axisLabel.formatter as (v: number) => string;
    expect([f(20), f(0), f(-10)]).toEqual(['+20\u00a0p.p.', '0\u00a0p.p.', '−10\u00a0p.p.']);
  });

  it('names only where to start and what holds up best, so crowded points do not write over each other', () => {
    // Ten below the class with priorities 11 × 1 %, 10 × 2 %, …; four above weighing 3, 6, 7 and 8 %.
    const crowd = [
      ...Array.from({ length: 10 }, (_, i) => ({ label: `Under ${i}`, weight: (i + 1) / 100, gap: -(11 - i) })),
      ...[3, 6, 7, 8].map((w, i) => ({ label: `Over ${i}`, weight: w / 100, gap: 2 })),
    ];
    // Priority (gap × weight in %): 11, 20, 27, 32, 35, 36, 35, 32, 27, 20 → the five largest are 3–7.
    // Above: the mean weight is (55 + 24) / 14 = 5,64 %, so the one at 3 % is left unnamed.
    expect([...quadrantLabelled(crowd)].map((p) => p.label).sort()).toEqual(
      ['Under 3', 'Under 4', 'Under 5', 'Under 6', 'Under 7', 'Over 1', 'Over 2', 'Over 3'].sort(),
    );
    expect(QUADRANT_LABELS).toEqual({ below: 5, above: 3 });
    const crowded = importanceQuadrantOption(crowd, text);
    const named = points(crowded).filter((d) => d['label']?.show);
    expect(named.map((d) => d['name']).sort()).toEqual([...quadrantLabelled(crowd)].map((p) => p.label).sort());
    // The rest stay unnamed on the chart (the tooltip and the table have them), and overlaps are moved apart.
    expect(series(crowded).every((s) => s['label'].show === false && s['labelLayout'].moveOverlap === 'shiftY')).toBe(true);
    // A name in the right part of the chart goes to the left of its point, to stay inside.
    const right = points(crowded).find((d) => d['name'] === 'Under 7')!;
    expect([right['value'][0], axis(crowded, 'xAxis').max, right['label'].position]).toEqual([8, 10, 'left']);
  });

  it('says a point in words in the tooltip and renders to SVG', () => {
    const tip = (option.tooltip as AnyRecord).formatter({ name: 'Ventetid', value: [3, -12.4] });
    expect(tip).toBe('<b>Ventetid</b><br/>Vekt: 3,0\u00a0%<br/>Mot klassen: ▼ −12,40\u00a0p.p.');
    const svg = render(option);
    expect(svg).toContain('Karakter');
    expect(svg).toContain('Snittvekt 11,0');
  });
});
