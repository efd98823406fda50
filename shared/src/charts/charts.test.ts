import { describe, expect, it } from 'vitest';
import { init, use } from 'echarts/core';
import { BarChart, BoxplotChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import {
  groupedBarsOption,
  heatmapOption,
  heatmapWithFigures,
  historyOption,
  OWN_COLOUR,
  rankedBarsOption,
  spreadOption,
  type SpreadText,
} from './index.js';

// The tests read the options as plain data: a narrow view of what each builder sets.
type AnyRecord = Record<string, any>;
const series = (o: EChartsOption) => o.series as AnyRecord[];
const axis = (o: EChartsOption, key: 'xAxis' | 'yAxis') => o[key] as AnyRecord;

describe('rankedBarsOption (class benchmark)', () => {
  const option = rankedBarsOption(
    [
      { label: 'Beta', value: 61.2 },
      { label: 'Alfa', value: 87.4512, own: true },
      { label: 'Gamma', value: null },
    ],
    74.13,
    {
      title: 'Totalt mot klassen',
      valueAxis: 'Totalt (%)',
      meanLabel: 'Snitt i klassen',
      missingLabel: 'for få henvendelser',
      locale: 'nb',
    },
  );

  it('puts the best on top (ECharts draws the first category at the bottom) and highlights the own bar', () => {
    expect(axis(option, 'yAxis').data.map((d: AnyRecord) => d.value)).toEqual(['Gamma', 'Beta', 'Alfa']);
    const data = series(option)[0]!.data as AnyRecord[];
    expect(data.map((d) => d.value)).toEqual([null, 61.2, 87.4512]);
    expect(data[2]!.itemStyle.color).toBe(OWN_COLOUR);
    expect(data[1]!.itemStyle.color).not.toBe(OWN_COLOUR);
    expect(axis(option, 'yAxis').data[2].textStyle.fontWeight).toBe('bold');
  });

  it('labels values in Norwegian format, says why a value is missing, and draws the class mean', () => {
    const data = series(option)[0]!.data as AnyRecord[];
    expect(data[2]!.label.formatter()).toBe('87,45\u00a0%');
    expect(data[0]!.label.formatter()).toBe('for få henvendelser');
    expect(series(option)[0]!.markLine.data).toEqual([{ xAxis: 74.13 }]);
    expect(series(option)[0]!.markLine.label.formatter).toBe('Snitt i klassen 74,13\u00a0%');
    expect((option.tooltip as AnyRecord).valueFormatter(87.4512)).toBe('87,45\u00a0%');
    expect((option.title as AnyRecord).text).toBe('Totalt mot klassen');
    expect(axis(option, 'xAxis').name).toBe('Totalt (%)');
  });
});

describe('groupedBarsOption', () => {
  it('gives each series its values, a legend, the own series in the own colour, and patterns', () => {
    const option = groupedBarsOption(
      ['Telefon', 'E-post'],
      [
        { name: 'Dere', values: [80, 70], own: true },
        { name: 'Snitt i klassen', values: [75, null] },
      ],
      { title: 'Per kanal', valueAxis: 'Score (%)', locale: 'en' },
    );
    expect(series(option).map((s) => s.data)).toEqual([
      [80, 70],
      [75, null],
    ]);
    expect((option.legend as AnyRecord).data).toEqual(['Dere', 'Snitt i klassen']);
    expect((option.color as string[])[0]).toBe(OWN_COLOUR);
    expect((option.aria as AnyRecord).decal.show).toBe(true);
    // Bar labels keep two decimals, as the tooltip and the tables do.
    expect(series(option)[0]!.label.formatter({ value: 88.04 })).toBe('88.04%');
    expect((option.tooltip as AnyRecord).valueFormatter(80)).toBe('80.00%');
  });

  it('lists horizontal categories top-down like a table', () => {
    const option = groupedBarsOption(['A', 'B', 'C'], [{ name: 'Score', values: [1, 2, 3], own: true }], {
      title: 't',
      valueAxis: 'v',
      locale: 'nb',
      horizontal: true,
    });
    expect(axis(option, 'yAxis').data).toEqual(['C', 'B', 'A']);
    expect(series(option)[0]!.data).toEqual([3, 2, 1]);
    expect(option.legend).toBeUndefined();
  });
});

describe('heatmapOption (performance × channel)', () => {
  const option = heatmapOption(
    ['Behov', 'Navn', 'Kø'],
    ['Telefon', 'Chat'],
    [
      [80, null],
      [50, 25],
      [70, 'for få henvendelser'],
    ],
    { title: 'Prestasjoner per kanal', valueLabel: 'Score', locale: 'nb' },
  );
  const label = (dataIndex: number) => series(option)[0]!.label.formatter({ dataIndex, value: series(option)[0]!.data[dataIndex] });

  it('puts the first row on top and prints every value, the missing ones as "–"', () => {
    expect(axis(option, 'yAxis').data).toEqual(['Kø', 'Navn', 'Behov']);
    const data = series(option)[0]!.data as [number, number, number][];
    // No value: below the scale (drawn pale grey).
    expect(data.slice(0, 4)).toEqual([
      [0, 2, 80],
      [1, 2, -1],
      [0, 1, 50],
      [1, 1, 25],
    ]);
    expect((option.visualMap as AnyRecord).min).toBe(0);
    expect(label(0)).toBe('80,00\u00a0%');
    // A question that does not apply to the channel was never withheld: a dash, not "too few".
    expect(label(1)).toBe('–');
    expect((option.tooltip as AnyRecord).formatter({ dataIndex: 1, value: data[1] })).toBe('Behov<br>Chat: <b>–</b>');
  });

  it('prints a withheld cell in the words it is given, drawn grey like a missing one', () => {
    expect(series(option)[0]!.data[5]).toEqual([1, 0, -1]);
    expect(label(5)).toBe('for få henvendelser');
    expect((option.tooltip as AnyRecord).formatter({ dataIndex: 5, value: [1, 0, -1] })).toBe('Kø<br>Chat: <b>for få henvendelser</b>');
  });

  it('takes another word for a cell without a figure', () => {
    const other = heatmapOption(
      ['Behov', 'Navn'],
      ['Telefon', 'Chat'],
      [
        [80, null],
        [60, 70],
      ],
      { title: 'Prestasjoner per kanal', valueLabel: 'Score', missingLabel: 'ikke spurt', locale: 'nb' },
    );
    expect(series(other)[0]!.label.formatter({ dataIndex: 1, value: [1, 1, -1] })).toBe('ikke spurt');
  });

  it('names a row by its short label on the axis and by its full text in the tooltip', () => {
    const rows = [
      { label: 'Ventetid telefon', full: 'Hvor lang tid tok det før du fikk svar på telefonen?' },
      { label: 'Svar på første forsøk', full: 'Fikk du svar på første forsøk?' },
    ];
    const short = heatmapOption(rows, ['Telefon'], [[90], [75]], { title: 'Prestasjoner per kanal', valueLabel: 'Score', locale: 'nb' });
    expect(axis(short, 'yAxis').data).toEqual(['Svar på første forsøk', 'Ventetid telefon']);
    const data = series(short)[0]!.data as [number, number, number][];
    expect((short.tooltip as AnyRecord).formatter({ dataIndex: 0, value: data[0] })).toBe(
      'Hvor lang tid tok det før du fikk svar på telefonen?<br>Telefon: <b>90,00 %</b>',
    );
  });

  it('leaves out a channel without a single figure, and a question asked only there', () => {
    // Tested on phone and e-mail, not chat: the chat column and the chat-only question would be all "–".
    const rows = ['Ventetid telefon', 'Ventetid chat', 'Svar på e-post innen 1 dag', 'Velkomst'];
    const values = [
      [80, null, null],
      [null, null, null],
      [null, 55, null],
      [70, 'for få henvendelser', null],
    ];
    const pruned = heatmapOption(rows, ['Telefon', 'E-post', 'Chat'], values, {
      title: 'Prestasjoner per kanal',
      valueLabel: 'Score',
      locale: 'nb',
    });
    expect((pruned.xAxis as AnyRecord).data).toEqual(['Telefon', 'E-post']);
    expect(axis(pruned, 'yAxis').data).toEqual(['Velkomst', 'Svar på e-post innen 1 dag', 'Ventetid telefon']);
    expect(series(pruned)[0]!.data).toHaveLength(6);
    // A withheld cell is a figure the viewer may not see: it keeps its column and row.
    expect(heatmapWithFigures(rows, ['Telefon', 'E-post', 'Chat'], values)).toEqual({
      rows: ['Ventetid telefon', 'Svar på e-post innen 1 dag', 'Velkomst'],
      columns: ['Telefon', 'E-post'],
      values: [
        [80, null],
        [null, 55],
        [70, 'for få henvendelser'],
      ],
      kept: [0, 2, 3],
    });
  });
});

const SPREAD_TEXT: SpreadText = {
  title: 'Variasjon per kanal',
  valueAxis: 'Score per henvendelse (%)',
  locale: 'nb',
  labels: {
    min: 'Laveste',
    q1: 'Nedre kvartil',
    median: 'Median',
    q3: 'Øvre kvartil',
    max: 'Høyeste',
    mean: 'Snitt',
    stdDev: 'Standardavvik',
    count: 'Henvendelser',
    inquiry: 'Henvendelse',
    meanSd: 'Snitt ± standardavvik',
  },
};

describe('spreadOption (variation)', () => {
  it('draws a box from the order statistics, the mean as a point and the inquiries as a clickable strip', () => {
    const option = spreadOption(
      [
        {
          label: 'Telefon',
          spread: { min: 40, q1: 60, median: 70, q3: 80, max: 95, mean: 68.5, stdDev: 12.3, count: 3 },
          points: [
            { id: 'I-1', score: 40 },
            { id: 'I-2', score: 95 },
          ],
        },
      ],
      SPREAD_TEXT,
    );
    const [box, mean, strip] = series(option);
    expect(box!.data).toEqual([[40, 60, 70, 80, 95]]);
    expect(mean!.data).toEqual([[0, 68.5]]);
    expect(strip!.data.map((p: AnyRecord) => [p.name, p.value[1]])).toEqual([
      ['I-1', 40],
      ['I-2', 95],
    ]);
    expect(box!.tooltip.formatter({ dataIndex: 0 })).toContain('Median: <b>70,00\u00a0%</b>');
  });

  it('draws no box where the order statistics are withheld (a competitor), and still the mean', () => {
    const option = spreadOption(
      [{ label: 'Telefon', spread: { min: null, q1: null, median: null, q3: null, max: null, mean: 70, stdDev: 9, count: 12 } }],
      SPREAD_TEXT,
    );
    expect(series(option)[0]!.data).toEqual([[]]);
    // Instead, a dashed range of one standard deviation either side of the mean.
    expect(series(option).map((s) => s.name)).toEqual(['Score per henvendelse (%)', 'Snitt', 'Snitt ± standardavvik']);
    expect(series(option)[2]!.data).toEqual([[61, 61, 70, 79, 79]]);
    const tip = series(option)[0]!.tooltip.formatter({ dataIndex: 0 });
    expect(tip).not.toContain('Median');
    expect(tip).toContain('Standardavvik: <b>9,00\u00a0%</b>');
  });
});

describe('historyOption', () => {
  it('keeps a gap where a year has no value and marks lines apart by symbol', () => {
    const option = historyOption(
      [2022, 2023, 2024],
      [
        { name: 'Totalt', values: [70, null, 72.36], own: true },
        { name: 'Kundebehandleren', values: [60, 65, 70] },
      ],
      { title: 'Historikk', valueAxis: 'Score (%)', yearAxis: 'Utgave', locale: 'nb' },
    );
    expect(series(option).map((s) => s.data)).toEqual([
      [70, null, 72.36],
      [60, 65, 70],
    ]);
    expect(series(option).map((s) => s.symbol)).toEqual(['circle', 'rect']);
    // Without like-for-like segments, an area's line may be dashed to stay apart without colour.
    expect(series(option).map((s) => s.lineStyle.type)).toEqual(['solid', 'dashed']);
    expect(axis(option, 'xAxis').data).toEqual(['2022', '2023', '2024']);
    expect(axis(option, 'yAxis').axisLabel.formatter(80)).toBe('80\u00a0%');
  });

  it('moves the plot down a row for each row the legend wraps to at a narrower chart', () => {
    const names = ['Totalt', 'Svar- og ventetid', 'Mottak og velkomst', 'Kundebehandleren', 'Totalinntrykk'];
    const option = historyOption(
      [2023, 2024],
      names.map((name, i) => ({ name, values: [60, 70], own: i === 0 })),
      { title: 'Historikk', valueAxis: 'Score (%)', yearAxis: 'Utgave', locale: 'nb', titleInChart: false },
    );
    const top = (option.grid as AnyRecord).top as number;
    const media = option.media as AnyRecord[];
    // Wide: one row, as the grid says.
    expect(media[0]).toEqual({ option: { grid: { top } } });
    // Narrower and narrower: one more row (24 px) at each step, never fewer rows at a narrower width.
    const steps = media.slice(1).map((m): [number, number] => [m.query.maxWidth, m.option.grid.top]);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    steps.forEach(([width, t], i) => {
      expect(t).toBe(top + 24 * (i + 1));
      if (i > 0) expect(width).toBeLessThan(steps[i - 1]![0]);
    });
    // The five names (about 690 px as estimated) fit in one row at 800 px, not at 600 or on a phone.
    const rowsAt = (width: number) => 1 + steps.filter(([w]) => width <= w).length;
    expect([rowsAt(800), rowsAt(600), rowsAt(290)]).toEqual([1, 2, 4]);
  });
});

describe('historyOption with like-for-like pairs, questionnaire changes and intervals', () => {
  // 2022 → 2023: 60 → 62 on the 30 questions both asked; 2023 → 2024: 63 → 70 on the 28 both
  // asked (2024 changed its questionnaire). The own total has a 95 % interval in 2022 and 2024.
  const option = historyOption(
    [2022, 2023, 2024],
    [
      { name: 'Totalt', values: [61, 64, 72], own: true },
      { name: 'Kundebehandleren', values: [55, 58, 66] },
    ],
    { title: 'Historikk', valueAxis: 'Score (%)', yearAxis: 'Utgave', locale: 'nb' },
    {
      likeForLike: {
        name: 'Likt grunnlag',
        pairs: [
          { fromYear: 2022, toYear: 2023, from: 60, to: 62 },
          { fromYear: 2023, toYear: 2024, from: 63, to: 70 },
          // A pair whose years are not on the axis is left out.
          { fromYear: 2020, toYear: 2021, from: 50, to: 51 },
        ],
      },
      questionnaireChanged: { label: 'Nytt spørreskjema', years: [2024] },
      interval: { name: '95 % intervall', values: [[58.5, 63.5], null, [68.25, 76]] },
    },
  );

  it('draws each pair as a dashed segment over its two years, all under one legend entry', () => {
    const pairs = series(option).filter((s) => s.name === 'Likt grunnlag');
    expect(pairs.map((s) => s.data)).toEqual([
      [60, 62, null],
      [null, 63, 70],
    ]);
    expect(pairs.every((s) => s.lineStyle.type === 'dashed' && s.lineStyle.color === OWN_COLOUR)).toBe(true);
    // The band's legend entry is a patch of the band's colour, as drawn.
    const band = series(option).find((s) => s.name === '95 % intervall')!;
    expect((option.legend as AnyRecord).data).toEqual([
      'Totalt',
      'Kundebehandleren',
      'Likt grunnlag',
      { name: '95 % intervall', icon: 'rect', itemStyle: { color: band.areaStyle.color } },
    ]);
    // The published lines are as they were, and solid: dashed means like for like here.
    expect(
      series(option)
        .slice(0, 2)
        .map((s) => [s.data, s.lineStyle.type]),
    ).toEqual([
      [[61, 64, 72], 'solid'],
      [[55, 58, 66], 'solid'],
    ]);
  });

  it('marks the year the questionnaire changed on the own line', () => {
    const markLine = series(option)[0]!.markLine;
    expect(markLine.data).toEqual([{ xAxis: '2024', name: 'Nytt spørreskjema' }]);
    expect(markLine.label.formatter).toBe('Nytt spørreskjema');
    expect(series(option)[1]!.markLine).toBeUndefined();
  });

  it('draws the interval as a band: the low end, and the width stacked on it (76 − 68,25 = 7,75)', () => {
    const band = series(option).filter((s) => s.stack === 'interval');
    expect(band.map((s) => s.data)).toEqual([
      [58.5, null, 68.25],
      [5, null, 7.75],
    ]);
    expect(band[1]!.areaStyle).toBeDefined();
  });

  it('names in the tooltip each pair a year is part of, the interval as a range and the change', () => {
    const tooltip = (option.tooltip as AnyRecord).formatter;
    const at2024 = tooltip([
      { seriesIndex: 0, dataIndex: 2, name: '2024', value: 72, marker: '' },
      { seriesIndex: 1, dataIndex: 2, name: '2024', value: 66, marker: '' },
      { seriesIndex: 2, dataIndex: 2, name: '2024', value: null, marker: '' },
      { seriesIndex: 3, dataIndex: 2, name: '2024', value: 70, marker: '' },
      { seriesIndex: 4, dataIndex: 2, name: '2024', value: 68.25, marker: '' },
      { seriesIndex: 5, dataIndex: 2, name: '2024', value: 7.75, marker: '' },
    ]);
    expect(at2024).toBe(
      [
        '<b>2024</b>',
        'Totalt: <b>72,00\u00a0%</b>',
        'Kundebehandleren: <b>66,00\u00a0%</b>',
        'Likt grunnlag 2023–2024: <b>70,00\u00a0%</b>',
        '95 % intervall: <b>68,25\u00a0% – 76,00\u00a0%</b>',
        'Nytt spørreskjema',
      ].join('<br>'),
    );
  });

  it('leaves all of it out when not given', () => {
    const plain = historyOption([2023, 2024], [{ name: 'Totalt', values: [70, 72], own: true }], {
      title: 'Historikk',
      valueAxis: 'Score',
      yearAxis: 'År',
      locale: 'nb',
    });
    expect(series(plain)).toHaveLength(1);
    expect(series(plain)[0]!.markLine).toBeUndefined();
  });
});

describe('on the server (the later PDF export)', () => {
  it('renders every builder to SVG with ECharts server-side rendering', () => {
    use([
      BarChart,
      BoxplotChart,
      HeatmapChart,
      LineChart,
      ScatterChart,
      AriaComponent,
      GridComponent,
      LegendComponent,
      MarkLineComponent,
      TitleComponent,
      TooltipComponent,
      VisualMapComponent,
      SVGRenderer,
    ]);
    const options = [
      rankedBarsOption(
        [
          { label: 'Alfa', value: 80, own: true },
          { label: 'Beta', value: 60 },
        ],
        70,
        { title: 'Klassen', valueAxis: 'Totalt', locale: 'nb' },
      ),
      groupedBarsOption(['Telefon'], [{ name: 'Dere', values: [80], own: true }], { title: 'Kanaler', valueAxis: 'Score', locale: 'nb' }),
      heatmapOption(['Behov'], ['Telefon'], [[80]], { title: 'Varmekart', valueLabel: 'Score', missingLabel: '–', locale: 'nb' }),
      spreadOption([{ label: 'Telefon', spread: { min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3, stdDev: 1, count: 5 } }], SPREAD_TEXT),
      historyOption([2023, 2024], [{ name: 'Totalt', values: [70, 72], own: true }], {
        title: 'Historikk',
        valueAxis: 'Score',
        yearAxis: 'År',
        locale: 'nb',
      }),
      historyOption(
        [2023, 2024],
        [{ name: 'Totalt', values: [70, 72], own: true }],
        { title: 'Historikk med likt grunnlag', valueAxis: 'Score', yearAxis: 'År', locale: 'nb' },
        {
          likeForLike: { name: 'Likt grunnlag', pairs: [{ fromYear: 2023, toYear: 2024, from: 69, to: 73 }] },
          questionnaireChanged: { label: 'Nytt spørreskjema', years: [2024] },
          interval: {
            name: '95 % intervall',
            values: [
              [66, 74],
              [68, 76],
            ],
          },
        },
      ),
    ];
    for (const option of options) {
      const chart = init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
      chart.setOption(option);
      const svg = chart.renderToSVGString();
      chart.dispose();
      expect(svg).toContain((option.title as AnyRecord).text);
    }
  });

  it("draws a missing bar as its word, visibly, with a per-bar word where the chart's does not fit", () => {
    use([BarChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);
    // The competitor was not tested on the phone, and its chat cell is withheld.
    const option = groupedBarsOption(
      ['Telefon', 'E-post', 'Chat'],
      [
        { name: 'Dere', values: [80, 70, 60], own: true },
        { name: 'Konkurrent', values: [null, 75, null], missingLabels: ['ikke testet', undefined, undefined] },
      ],
      { title: 'Kanaler', valueAxis: 'Totalt (%)', missingLabel: 'for få', locale: 'nb' },
    );
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    const word = (w: string) => svg.match(new RegExp(`<text[^>]*>${w}</text>`))?.[0];
    expect(word('ikke testet')).toBeDefined();
    expect(word('for få')).toBeDefined();
    // A hidden bar's opacity must not reach its word.
    expect(word('ikke testet')).not.toContain('fill-opacity="0"');
    expect(word('for få')).not.toContain('fill-opacity="0"');
    const tooltip = (option.tooltip as AnyRecord).formatter([
      { axisValueLabel: 'Telefon', seriesName: 'Dere', value: 80, data: 80 },
      { axisValueLabel: 'Telefon', seriesName: 'Konkurrent', value: 0, data: (series(option)[1]!.data as unknown[])[0] },
    ]);
    expect(tooltip).toContain('ikke testet');
    expect(tooltip).not.toContain('for få');
  });
});

describe('groupedBarsOption, stacked', () => {
  it('stacks shares with fixed colours and labels inside', () => {
    const option = groupedBarsOption(
      ['Telefon'],
      [
        { name: 'Kritikere', values: [20], colour: '#D55E00' },
        { name: 'Ambassadører', values: [50], colour: '#0072B2' },
      ],
      { title: 'NPS', valueAxis: 'Andel', locale: 'nb', stacked: true },
    );
    expect(series(option).map((s) => s.stack)).toEqual(['total', 'total']);
    expect(option.color).toEqual(['#D55E00', '#0072B2']);
    expect(series(option)[0]!.label.position).toBe('inside');
  });
});
