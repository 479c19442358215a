import { MAX_LABEL_LENGTH, shortLabel } from '@procmap/model';
import type { Cell } from './cells';
import { labelLines, labelText } from './html-label';
import { isHtml } from './style';

/*
 * The words procmap keeps from a cell, and ids that stay unique. draw.io's own cell ids are
 * kept (a step is found again by the id draw.io gave it), made unique where a damaged file
 * repeats one.
 */

/** A cell's label on one line, HTML stripped. */
export const cellText = (cell: Cell) => labelText(cell.value, isHtml(cell.style));

/** A cell's label with its line breaks, HTML stripped. */
export const cellLines = (cell: Cell) => labelLines(cell.value, isHtml(cell.style)).join('\n');

/** A name within procmap's cap, and the full text when it had to be cut. */
export function capped(text: string): { readonly name: string; readonly full?: string } {
  if (text.length <= MAX_LABEL_LENGTH) return { name: text };
  return { name: shortLabel(text, MAX_LABEL_LENGTH), full: text };
}

/** Hands out ids: the wanted one when free, else the wanted one with a number. */
export function idMaker(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let id = wanted === '' ? 'cell' : wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
    used.add(id);
    return id;
  };
}
