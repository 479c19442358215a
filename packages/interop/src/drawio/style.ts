/*
 * A draw.io cell's style: `ellipse;whiteSpace=wrap;html=1;shape=mxgraph.flowchart.start_1;`.
 * Bare words name a style (ellipse, rhombus, swimlane, text, edgeLabel, group); key=value pairs
 * set properties, `shape` the most telling of them.
 */

export interface CellStyle {
  /** The bare words, such as `ellipse` or `swimlane`. */
  readonly names: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
}

export function parseStyle(style: string | undefined): CellStyle {
  const names = new Set<string>();
  const values = new Map<string, string>();
  for (const part of (style ?? '').split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) names.add(item);
    else values.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  return { names, values };
}

/** The style's shape name, lower case: its `shape=` value, else its first bare word. */
export function shapeOf(style: CellStyle): string {
  const shape = style.values.get('shape');
  if (shape) return shape.toLowerCase();
  const [first] = style.names;
  return (first ?? '').toLowerCase();
}

/** Whether the style names a word (a bare word or the shape), ignoring case. */
export function hasName(style: CellStyle, word: string): boolean {
  const lower = word.toLowerCase();
  for (const name of style.names) if (name.toLowerCase() === lower) return true;
  return style.values.get('shape')?.toLowerCase() === lower;
}

/** A swimlane: a lane, or a pool holding lanes. */
export const isSwimlane = (style: CellStyle) => hasName(style, 'swimlane');

/** A text box: words on the canvas with no shape around them. */
export const isText = (style: CellStyle) => hasName(style, 'text');

/** A connector's label drawn as a cell of its own. */
export const isEdgeLabel = (style: CellStyle) => hasName(style, 'edgeLabel');

/** A group: an invisible box holding shapes together. */
export const isGroup = (style: CellStyle) => hasName(style, 'group');

/** Whether the value is HTML (draw.io's `html=1`), not plain text. */
export const isHtml = (style: CellStyle) => style.values.get('html') === '1';
