import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts.ts';

/**
 * An ECharts chart that fills its box and follows its size (laptop or phone). `label` is the accessible name;
 * the data is also always shown in a table beside the chart, so the chart itself is decorative for screen readers.
 */
export function Chart({
  option,
  label,
  height = 280,
}: {
  option: EChartsOption;
  label: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // ECharts' own description of the chart is English ("This is a chart..."): it says the translated label.
    chart.current?.setOption(
      { aria: { enabled: true, label: { description: label } }, animation: false, ...option },
      true,
    );
  }, [option, label]);
  return (
    <div ref={box} className="chart" dir="ltr" role="img" aria-label={label} style={{ blockSize: height }} />
  );
}
