import { type FormatSettings, formatValue } from '@procmap/analysis';
import type { MetricChange } from '@procmap/compare';
import type { Item } from '../scene';
import { ACCENT, INK, INK_MUTED, LINE, mix, SURFACE } from '../theme';
import { truncate } from '../text';
import type { Chart } from './lead-time-chart';
import { textRun } from './text-run';

/*
 * Before and after as pairs of bars, one pair per figure (lead time, hands-on time, staff cost):
 * the as-is in grey, the scenario in blue, each bar with its value written at its end and the
 * words "As-is" and "To-be" beside it, so the chart reads without colour.
 */

const AS_IS_BAR = mix(INK_MUTED, 0.45, SURFACE);
const TO_BE_BAR = ACCENT;
const SIZE = 9;
const BAR_H = 11;
const ROW_H = 2 * BAR_H + 16;

/** The bars of the `keys` figures both sides have, `width` points wide. */
export function beforeAfterBars(
  metrics: readonly MetricChange[],
  keys: readonly string[],
  width: number,
  formats: FormatSettings,
): Chart {
  const rows = keys
    .map((k) => metrics.find((m) => m.descriptor.key === k))
    .filter((m): m is MetricChange => m !== undefined && m.before !== null && m.after !== null);
  const items: Item[] = [];
  const nameW = width * 0.26;
  const tagX = nameW + 4;
  const barX = tagX + 34;
  const barW = width - barX - 70;
  rows.forEach((m, i) => {
    const top = i * ROW_H;
    const before = m.before as number;
    const after = m.after as number;
    const most = Math.max(before, after, 0) || 1;
    items.push(
      textRun(0, top + BAR_H + 4, truncate(m.descriptor.label, nameW, 10, 'bold'), { size: 10 }),
    );
    const bar = (y: number, value: number, fill: string, tag: string) => {
      const w = Math.max(1, (Math.max(0, value) / most) * barW);
      items.push(
        textRun(tagX, y + SIZE, tag, { size: SIZE - 1, weight: 'normal', fill: INK_MUTED }),
      );
      items.push({ type: 'rect', x: barX, y, w, h: BAR_H, fill });
      items.push(
        textRun(barX + w + 4, y + SIZE, formatValue(m.descriptor.unit, value, formats), {
          size: SIZE,
          fill: INK,
        }),
      );
    };
    bar(top, before, AS_IS_BAR, 'As-is');
    bar(top + BAR_H + 3, after, TO_BE_BAR, 'To-be');
    items.push({
      type: 'path',
      d: `M${barX} ${top - 2}V${top + 2 * BAR_H + 5}`,
      stroke: LINE,
      strokeWidth: 0.8,
    });
  });
  return { items, height: rows.length * ROW_H };
}
