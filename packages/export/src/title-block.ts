import type { Item, SceneFrame } from './scene';
import { INK, INK_MUTED, LINE } from './theme';
import { textWidth, truncate } from './text';

/** Two decimals: a path's numbers are written as they are, so no 595.1826000000001. */
const round2 = (v: number) => Math.round(v * 100) / 100;

/** The items of a title block and how tall it is. */
export interface TitleBlock {
  readonly items: readonly Item[];
  readonly height: number;
}

/**
 * The block above a map: title (left), date and page label (right), then the legend — the
 * roles' colours and what the lines and markers mean — wrapped to `width`. `unit` is the body
 * text size; everything scales with it. Origin at (0, 0).
 */
export function titleBlock(
  scene: SceneFrame,
  width: number,
  unit: number,
  pageLabel?: string,
): TitleBlock {
  const items: Item[] = [];
  const titleSize = unit * 1.6;
  const right = [scene.date, pageLabel].filter((s): s is string => Boolean(s)).join('  ·  ');
  const rightWidth = right ? textWidth(right, unit) + unit : 0;
  const title = truncate(scene.title, Math.max(unit * 4, width - rightWidth), titleSize, 'bold');
  items.push({
    type: 'text',
    x: 0,
    y: titleSize,
    text: title,
    size: titleSize,
    weight: 'bold',
    fill: INK,
    anchor: 'start',
  });
  if (right) {
    items.push({
      type: 'text',
      x: width,
      y: titleSize,
      text: right,
      size: unit,
      weight: 'normal',
      fill: INK_MUTED,
      anchor: 'end',
    });
  }
  const size = unit * 0.85;
  const row = unit * 1.5;
  let x = 0;
  let y = titleSize + unit * 0.9;
  for (const entry of scene.legend) {
    const label = truncate(entry.label, width / 3, size);
    const need = size * 1.6 + textWidth(label, size) + unit * 1.2;
    if (x > 0 && x + need > width) {
      x = 0;
      y += row;
    }
    const mid = y + row / 2;
    if (entry.kind === 'role') {
      items.push({
        type: 'rect',
        x,
        y: mid - size / 2,
        w: size,
        h: size,
        rx: 2,
        fill: entry.color,
      });
    } else if (entry.kind === 'marker') {
      items.push({
        type: 'rect',
        x,
        y: mid - size / 2,
        w: size,
        h: size,
        rx: size / 2,
        fill: entry.color,
      });
    } else {
      items.push({
        type: 'path',
        d: `M${round2(x)} ${round2(mid)}H${round2(x + size * 1.3)}`,
        stroke: entry.color,
        strokeWidth: Math.max(1, unit / 8),
        ...(entry.dash ? { dash: entry.dash.map((d) => (d * unit) / 14) } : {}),
      });
    }
    const tx = x + size * 1.6;
    items.push({
      type: 'text',
      x: tx,
      y: mid + size * 0.35,
      text: label,
      size,
      weight: 'normal',
      fill: INK,
      anchor: 'start',
    });
    x = tx + textWidth(label, size) + unit * 1.2;
  }
  const height = y + row + unit * 0.5;
  items.push({
    type: 'path',
    d: `M0 ${round2(height - unit * 0.25)}H${round2(width)}`,
    stroke: LINE,
    strokeWidth: Math.max(0.5, unit / 14),
  });
  return { items, height };
}
