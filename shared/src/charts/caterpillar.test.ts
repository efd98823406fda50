import { describe, expect, it } from 'vitest';
import { caterpillarOption, caterpillarRange } from './caterpillar.js';
import { MEAN_COLOUR, OTHER_COLOUR, OWN_COLOUR } from './theme.js';

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

  it('gives the legend the colours the chart draws: dark points, grey bars (the own company stands out by item)', () => {
    expect(series[2]!.itemStyle.color).toBe(MEAN_COLOUR);
    expect(series[1]!.itemStyle.color).toBe(OTHER_COLOUR);
    expect((option.legend as AnyRecord).data).toEqual(['Totalt', '95 %-intervall']);
  });

  it('spans the axis over the class, out to whole tens: 64,12 … 90 → 60–90 %, in Norwegian format', () => {
    const x = option.xAxis as AnyRecord;
    expect([x.min, x.max]).toEqual([60, 90]);
    expect(x.axisLabel.formatter(60)).toBe('60\u00a0%');
  });
});

describe('caterpillarRange', () => {
  const p = (total: number, low: number | null = null, high: number | null = null) => ({ label: String(total), total, low, high });

  it('reaches the lowest and highest interval ends, the totals and the mean, out to whole tens', () => {
    expect(caterpillarRange([p(72, 61.5, 82.5), p(90, 85, 95)], 81)).toEqual({ min: 60, max: 100 });
    // A total without an interval counts by itself; the mean too.
    expect(caterpillarRange([p(45), p(52, 47, 57)], 40)).toEqual({ min: 40, max: 60 });
  });

  it('stays within 0–100 and is never empty', () => {
    expect(caterpillarRange([p(3, -1.5, 7.5)])).toEqual({ min: 0, max: 10 });
    expect(caterpillarRange([p(100, 100, 100)])).toEqual({ min: 90, max: 100 });
    expect(caterpillarRange([p(0, 0, 0)])).toEqual({ min: 0, max: 10 });
    expect(caterpillarRange([p(70, 70, 70)])).toEqual({ min: 60, max: 70 });
    expect(caterpillarRange([])).toEqual({ min: 0, max: 100 });
  });
});
