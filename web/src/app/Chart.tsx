import { useEffect, useRef, type CSSProperties } from 'react';
import { init, use as registerExtensions, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '@ksp/shared/charts/index';

/** What `echarts/core`'s `use` takes: chart types and components, e.g. `[BarChart, GridComponent]`. */
export type ChartExtensions = Parameters<typeof registerExtensions>[0];

interface Props {
  /** Built by a pure `toChartOption(data, options)` in the feature's `charts/`. */
  option: ChartOption;
  /** Only the charts and components this chart needs, so the bundle stays small (tree shaking). */
  use: ChartExtensions;
  /** What the chart shows, for screen readers; give the numbers in a table or text nearby too. */
  label: string;
  className?: string;
  style?: CSSProperties;
  /** A click on a data point: its series index and its `name` (e.g. an inquiry id). */
  onPointClick?: (point: { seriesIndex: number; name: string; dataIndex: number }) => void;
}

registerExtensions([SVGRenderer]);

/** Renders any ECharts option; follows its container's size; disposed on unmount. */
export function Chart({ option, use, label, className, style, onPointClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onPointClick);
  // The latest handler, read when a click comes: a new handler must not re-create the chart.
  // eslint-disable-next-line react-hooks/refs
  clickRef.current = onPointClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    registerExtensions(use); // idempotent: ECharts installs each extension once
    const instance = init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { seriesIndex?: number; name?: string; dataIndex?: number };
      clickRef.current?.({ seriesIndex: p.seriesIndex ?? 0, name: p.name ?? '', dataIndex: p.dataIndex ?? 0 });
    });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
    // The extensions are fixed per chart; a new list does not need a new instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // Same option type, seen through a second copy of the echarts typings (see ChartOption).
    // A shallow copy: ECharts takes `media` (layouts by chart width) off the object it is given,
    // and the same option may be set again (React's development double effects).
    chart.current?.setOption({ ...option } as Parameters<EChartsType['setOption']>[0], { notMerge: true });
  }, [option]);

  return <div ref={ref} className={className ?? 'chart'} style={style} role="img" aria-label={label} />;
}
