import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { getInstanceByDom } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import type { ChartOption as EChartsOption } from '@ksp/shared/charts/index';
import { Chart } from './Chart';

// jsdom has no layout and no canvas: give elements a size, and let ECharts estimate text widths.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const option = (values: number[]): EChartsOption => ({
  xAxis: { type: 'category', data: values.map((_, i) => `K${i + 1}`) },
  yAxis: { type: 'value', max: 100 },
  series: [{ type: 'bar', data: values }],
});

describe('<Chart>', () => {
  it('renders the option into an instance, updates it, and disposes it on unmount', () => {
    const { rerender, unmount } = render(<Chart option={option([80, 60])} use={[BarChart, GridComponent]} label="Totalt per kanal" />);
    const el = screen.getByRole('img', { name: 'Totalt per kanal' });
    const instance = getInstanceByDom(el);
    expect(instance).toBeDefined();
    const data = () => (instance?.getOption() as { series: { data: number[] }[] }).series[0]?.data;
    expect(data()).toEqual([80, 60]);

    rerender(<Chart option={option([70, 50, 40])} use={[BarChart, GridComponent]} label="Totalt per kanal" />);
    expect(data()).toEqual([70, 50, 40]);

    unmount();
    expect(instance?.isDisposed()).toBe(true);
  });
});
