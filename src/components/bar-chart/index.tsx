import { Text, View } from '@tarojs/components';
import SampleBadge from '../sample-badge';
import './index.scss';

/** One bar. */
export interface BarDatum {
  /** Stable key (a school or 学区 id); also passed to onSelect. */
  id: string;
  label: string;
  /** null: no figure (e.g. 未登记教师人数): shows missingText and no bar. */
  value: number | null;
  /** Text shown for the value; defaults to format(value). */
  valueText?: string;
  /** Marks the row's figure as sample data (示例数据). */
  sample?: boolean;
}

export interface BarChartProps {
  /** Heading above the bars. */
  title?: string;
  /** Marks the whole chart as sample data (a 示例数据 badge by the title instead of one per row). */
  sample?: boolean;
  data: readonly BarDatum[];
  /** Value of a full-width bar; defaults to the largest value, but at least the target / 0.8 (target line at 80%). */
  max?: number;
  /** Draws a target line across every bar at this value (same unit as the values). */
  target?: number;
  /** Legend of the target line, e.g. 目标 30%. */
  targetLabel?: string;
  /** With a target, bars at or above it are green, below it orange. Default true. */
  higherIsBetter?: boolean;
  /** Formats values and the default target label. Default: the number as is. */
  format?: (value: number) => string;
  /** Shown instead of the value when value is null. Default 无数据. */
  missingText?: string;
  /** Shown when data is empty. Default 暂无数据. */
  emptyText?: string;
  /** data-testid of the chart (rows get `${testId}-row`). Default bar-chart. */
  testId?: string;
  /** Makes rows tappable. */
  onSelect?: (id: string) => void;
}

const pct = (value: number, max: number) => Math.max(0, Math.min(100, (value / max) * 100));
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Horizontal bars made of Views (no canvas, no library), so it renders the same on weapp and H5: a
 * label and value per row, the bar below, and an optional target line drawn through every track.
 */
export default function BarChart({
  title,
  sample,
  data,
  max,
  target,
  targetLabel,
  higherIsBetter = true,
  format = String,
  missingText = '无数据',
  emptyText = '暂无数据',
  testId = 'bar-chart',
  onSelect,
}: BarChartProps) {
  const largest = Math.max(0, target === undefined ? 0 : target / 0.8, ...data.map((d) => d.value ?? 0));
  const full = max !== undefined && max > 0 ? max : largest > 0 ? largest : 1;
  const targetPct = target === undefined ? null : round(pct(target, full));
  const tone = (v: number) => (target === undefined ? 'plain' : v >= target === higherIsBetter ? 'good' : 'short');
  return (
    <View className="bar-chart" data-testid={testId}>
      {(title || targetPct !== null) && (
        <View className="bar-chart__head">
          {title && (
            <Text className="bar-chart__title">
              {title}
              {sample && <SampleBadge />}
            </Text>
          )}
          {targetPct !== null && (
            <Text className="bar-chart__legend" data-testid={`${testId}-target`}>
              <Text className="bar-chart__legend-mark" />
              {targetLabel ?? `目标 ${format(target!)}`}
            </Text>
          )}
        </View>
      )}
      {data.length === 0 && <Text className="bar-chart__empty">{emptyText}</Text>}
      {data.map((d) => {
        const width = d.value === null ? 0 : round(pct(d.value, full));
        return (
          <View
            key={d.id}
            className="bar-chart__row"
            data-testid={`${testId}-row`}
            onClick={onSelect ? () => onSelect(d.id) : undefined}
          >
            <View className="bar-chart__line">
              <Text className="bar-chart__label">{d.label}</Text>
              {d.sample && !sample && <SampleBadge />}
              <Text className={`bar-chart__value${d.value === null ? ' bar-chart__value--missing' : ''}`}>
                {d.value === null ? missingText : (d.valueText ?? format(d.value))}
              </Text>
            </View>
            <View className="bar-chart__track">
              {d.value !== null && (
                <View
                  className={`bar-chart__bar bar-chart__bar--${tone(d.value)}`}
                  style={{ width: `${width}%` }}
                  data-pct={width}
                />
              )}
              {targetPct !== null && (
                <View className="bar-chart__target" style={{ left: `${targetPct}%` }} data-pct={targetPct} />
              )}
            </View>
          </View>
        );
      })}
    </View>
  );
}
