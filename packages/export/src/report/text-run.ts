import type { TextItem } from '../scene';
import { INK } from '../theme';

/** One line of text for `PageFlow.items` (`y` is its baseline): bold, in ink, unless told. */
export function textRun(
  x: number,
  y: number,
  text: string,
  style: { size: number } & Partial<Pick<TextItem, 'weight' | 'fill' | 'anchor'>>,
): TextItem {
  const { size, weight = 'bold', fill = INK, anchor = 'start' } = style;
  return { type: 'text', x, y, text, size, weight, fill, anchor };
}
