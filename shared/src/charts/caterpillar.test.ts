import { describe, expect, it } from 'vitest';
import { caterpillarOption } from './caterpillar.js';
import { OWN_COLOUR } from './theme.js';

type AnyRecord = Record<string, any>;

describe('caterpillarOption (totals with their 95 % intervals, per class)', () => {
  const option = caterpillarOption(
    [
      { label: 'Beta', total: 70, low: 64.12, high: 75.88 },
      { label: 'Alfa', total: 84, low: 81.06, high: 86.94, own: true },
      { label: 'Gamma', total: 90, low: null, high: null },
    ],
    81.333,
    {
      title: 'Totalt med usikkerhet',
      valueAxis: 'Totalt (%)',
      totalLabel: 'Totalt',
      intervalLabel: '95 %-intervall',
      meanLabel: 'Snitt i klassen',
      locale: 'nb',
      titleInChart: false,
    },
  );
  const series = option.series as AnyRecord[];

  it('sorts best on top and draws each interval as a bar from its low end to its high end', () => {
    // ECharts draws the first category at the bottom: Beta (70), Alfa (84), Gamma (90).
    expect((option.yAxis as AnyRecord).data.map((d: AnyRecord) => d.value)).toEqual(['Beta', 'Alfa', 'Gamma']);
    // The transparent offset ends at the low end; the stacked bar is high − low:
    // Beta 75.88 − 64.12 = 11.76, Alfa 86.94 − 81.06 = 5.88, Gamma without an interval: none.
    expect(series[0]!.data).toEqual([64.12, 81.06, null]);
    const widths = series[1]!.data.map((d: AnyRecord) => d.value);
    expect(widths[0]).toBeCloseTo(11.76, 10);
    expect(widths[1]).toBeCloseTo(5.88, 10);
    expect(widths[2]).toBeNull();
    expect(series[0]!.stack).toBe(series[1]!.stack);
    expect(series[2]!.data.map((d: AnyRecord) => d.value)).toEqual([
      [70, 'Beta'],
      [84, 'Alfa'],
      [90, 'Gamma'],
    ]);
    expect(series[2]!.data[1].itemStyle.color).toBe(OWN_COLOUR);
  });

  it('draws the class mean and says the interval in words, Norwegian format', () => {
    expect(series[2]!.markLine.data).toEqual([{ xAxis: 81.333 }]);
    expect(series[2]!.markLine.label.formatter).toBe('Snitt i klassen 81,33\u00a0%');
    const tooltip = (option.tooltip as AnyRecord).formatter([{ dataIndex: 1 }]);
    expect(tooltip).toBe('<b>Alfa</b><br>Totalt: <b>84,00\u00a0%</b><br>95 %-intervall: 81,06\u00a0% – 86,94\u00a0%');
    expect((option.tooltip as AnyRecord).formatter([{ dataIndex: 2 }])).toContain('95 %-intervall: –');
  });
});
