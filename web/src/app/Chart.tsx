import { useEffect, useRef, type CSSProperties } from 'react';
import { init, use as registerExtensions, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

/** What `echarts/core`'s `use` takes: chart types and components, e.g. `[BarChart, GridComponent]`. */
export type ChartExtensions = Parameters<typeof registerExtensions>[0];

interface Props {
  /** Built by a pure `toChartOption(data, options)` in the feature's `charts/`. */
  option: EChartsOption;
  /** Only the charts and components this chart needs, so the bundle stays small (tree shaking). */
  use: ChartExtensions;
  /** What the chart shows, for screen readers; give the numbers in a table or text nearby too. */
  label: string;
  className?: string;
  style?: CSSProperties;
}

registerExtensions([SVGRenderer]);

/** Renders any ECharts option; follows its container's size; disposed on unmount. */
export function Chart({ option, use, label, className, style }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    registerExtensions(use); // idempotent: ECharts installs each extension once
    const instance = init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
    // The extensions are fixed per chart; a new list does not need a new instance.
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className={className ?? 'chart'} style={style} role="img" aria-label={label} />;
}
