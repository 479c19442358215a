import type { Item, Scene } from './scene';
import { GEOMETRY } from '@procmap/layout';
import { textWidth } from './text';
import { titleBlock } from './title-block';

/*
 * Pages of a map: one page with the map fitted to it, or tiles at a readable scale, the lane
 * headers repeated on the left of every tile. By default a map gets one page when its smallest
 * text still prints at a readable size there, and tiles when it would not.
 *
 * Tiles follow the map, not a grid of equal cells: a row of tiles holds whole lanes, and a
 * column ends where no step (nor its time tag, badge, marker or a flow's label) crosses its
 * edge, so every step is whole on some page. A tile that would show nothing but empty lane is
 * left out.
 */

export type PageSizeName = 'A4' | 'A3' | 'Letter';

/** Portrait page sizes in PDF points (1/72 inch). */
export const PAGE_SIZES: Readonly<Record<PageSizeName, readonly [number, number]>> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
  Letter: [612, 792],
};

/** Page measures in points, and tile settings in scene units. */
export const PAGE_LAYOUT = {
  /** White margin round every page. */
  margin: 28,
  /** Body text size of the title block on a page (its legend prints at 0.85 of it: 8.1 pt). */
  titleUnit: 9.5,
  /** Space between the title block and the map. */
  gap: 8,
  /**
   * The smallest a name — a step's label, a flow's label, a lane's name — prints in the default
   * (`auto`) layout, in points.
   */
  minTextPt: 8,
  /** The smallest any other text (a time tag, a count on a marker) prints there, in points. */
  minDetailPt: 6,
  /** Texts drawn at this size or larger (scene units) are names; smaller ones are details. */
  nameUnits: 12,
  /** Scale of compact tiles (`tile`): 14 px labels print at 7.7 pt, in fewer pages. */
  tileScale: 0.55,
  /** Scene units shown again at the left edge of the next column of tiles. */
  overlap: 40,
  /** Room kept between a tile's edge and a step it does not cut (scene units). */
  edgeRoom: 6,
  /** A fitted map is never drawn larger than this. */
  maxFitScale: 1,
} as const;

/**
 * How a map is spread over pages. `auto` (the default): one page when every text of the map
 * prints there at `PAGE_LAYOUT.minTextPt` or larger, else tiles at the scale that keeps it.
 * `fit`: the whole map on one page however small; `tile`: compact tiles at
 * `PAGE_LAYOUT.tileScale`, fewer pages with smaller text.
 */
export type PageMode = 'auto' | 'fit' | 'tile';

export interface PageOptions {
  readonly size?: PageSizeName;
  readonly landscape?: boolean;
  readonly mode?: PageMode;
}

/** The part of the scene one page shows, where, and at what scale. */
export interface MapPage {
  /** Page size in points. */
  readonly width: number;
  readonly height: number;
  /** "Page 2 of 6 — row 1, column 2"; empty for a fitted map. */
  readonly label: string;
  readonly row: number;
  readonly column: number;
  /** How many rows and columns of tiles the map takes (1 × 1 for a fitted map). */
  readonly rows: number;
  readonly columns: number;
  readonly scale: number;
  /** The scene region shown (scene units). For tiles, x is within the body (after the headers). */
  readonly region: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
  /**
   * Scene units at this tile's right and bottom edges that the next tile shows again (0 when
   * none: rows of whole lanes meet at a lane's edge). The dashed line is drawn where it begins.
   */
  readonly overlap: { readonly right: number; readonly below: number };
  /** Page numbers of the tiles that join this one; absent on a side without one. */
  readonly joins: {
    readonly above?: number;
    readonly left?: number;
    readonly right?: number;
    readonly below?: number;
  };
  /** Tiles draw the lane headers pinned at their left edge; a fitted map draws them in place. */
  readonly pinnedHeaders: boolean;
  /** Top-left corner of the map on the page (points from the page's top-left). */
  readonly left: number;
  readonly top: number;
}

/** Page size in points for the options. */
export function pageSize(options: PageOptions): readonly [number, number] {
  const [w, h] = PAGE_SIZES[options.size ?? 'A4'];
  return options.landscape ? [h, w] : [w, h];
}

const smallest = new WeakMap<Scene, number>();

/** The size of the smallest text the map draws (scene units); 14 when it draws none. */
export function smallestText(scene: Scene): number {
  let min = smallest.get(scene);
  if (min === undefined) {
    min = Number.POSITIVE_INFINITY;
    for (const list of [scene.body, scene.header]) {
      for (const it of list) if (it.type === 'text' && it.size < min) min = it.size;
    }
    if (!Number.isFinite(min)) min = 14;
    smallest.set(scene, min);
  }
  return min;
}

const smallestNames = new WeakMap<Scene, number>();

/** The size of the smallest name the map draws (scene units); 14 when it draws none. */
export function smallestName(scene: Scene): number {
  let min = smallestNames.get(scene);
  if (min === undefined) {
    min = Number.POSITIVE_INFINITY;
    for (const list of [scene.body, scene.header]) {
      for (const it of list) {
        if (it.type === 'text' && it.size >= PAGE_LAYOUT.nameUnits && it.size < min) min = it.size;
      }
    }
    if (!Number.isFinite(min)) min = 14;
    smallestNames.set(scene, min);
  }
  return min;
}

/**
 * The scale at which the map's names print at `PAGE_LAYOUT.minTextPt` or larger and its other
 * text at `PAGE_LAYOUT.minDetailPt` or larger: names must be read from across a table, a time
 * tag only by whoever holds the page.
 */
export function readableScale(scene: Scene): number {
  const L = PAGE_LAYOUT;
  const scale = Math.max(L.minTextPt / smallestName(scene), L.minDetailPt / smallestText(scene));
  return Math.ceil(scale * 1000) / 1000;
}

/** How many tiles cover `length` with tiles of `tile` that overlap by `overlap`. */
export function tileCount(length: number, tile: number, overlap: number): number {
  if (length <= tile) return 1;
  return 1 + Math.ceil((length - tile) / (tile - overlap));
}

/** Bounds of something drawn: x0, y0, x1, y1 (scene units). */
type Bounds = readonly [number, number, number, number];

/** What tiles are cut round, as bounds, measured once per scene. */
interface Contents {
  /** Steps with what is drawn on them (label, time tag, badge, markers): never cut. */
  readonly steps: readonly Bounds[];
  /** The steps and every other mark (flows' labels): not cut where that can be helped. */
  readonly marks: readonly Bounds[];
  /** Everything drawn over the lanes, flow lines too: a tile showing none of it is left out. */
  readonly drawn: readonly Bounds[];
}

const contentsOf = new WeakMap<Scene, Contents>();

const meets = (a: Bounds, b: Bounds) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Whether a mark belongs to a step it meets: within its width give or take a badge's overhang,
 * or centred on it (a time tag wider than the step). A flow's label beside it does not.
 */
const onStep = (step: Bounds, b: Bounds) =>
  (b[0] >= step[0] - 10 && b[2] <= step[2] + 10) || Math.abs(b[0] + b[2] - step[0] - step[2]) < 2;

/**
 * Sorts a scene's body into what a tile's edge must not cut and what merely shows there. Lane
 * bands and lane lines are neither: they run the width of the map. Flow lines and arrowheads
 * are drawn but may be cut (they run from step to step). A step is its shape (a box, a diamond,
 * a delay's rounded shape, all of the layout's step size) and whatever touches it; other marks
 * — a flow's label — are kept whole where an edge can be found that does.
 */
export function sceneContents(scene: Scene): Contents {
  let contents = contentsOf.get(scene);
  if (contents) return contents;
  const shapes: Bounds[] = [];
  const others: Bounds[] = [];
  const drawn: Bounds[] = [];
  const bodyW = scene.width - scene.headerWidth;
  const across = (x: number, w: number) => x <= scene.headerWidth && w >= bodyW - 1;
  const isStep = (b: Bounds) =>
    Math.abs(b[2] - b[0] - GEOMETRY.stepWidth) < 0.5 &&
    Math.abs(b[3] - b[1] - GEOMETRY.stepHeight) < 0.5;
  for (const it of scene.body) {
    const b = boundsOf(it);
    if (!b) continue;
    if (it.type === 'rect' && across(it.x, it.w)) continue; // a lane's band
    if (it.type === 'path' && it.box && across(it.box[0], it.box[2]) && it.box[3] <= 2) continue;
    drawn.push(b);
    // An open path is a flow line (a closed one a delay step); a triangle, its arrowhead.
    if (it.type === 'path' && !/z\s*$/i.test(it.d)) continue;
    if (it.type === 'polygon' && it.points.length <= 6) continue;
    (it.type !== 'text' && isStep(b) ? shapes : others).push(b);
  }
  const steps = [...shapes];
  const marks = [...shapes];
  for (const b of others) {
    marks.push(b);
    if (shapes.some((shape) => meets(shape, b) && onStep(shape, b))) steps.push(b);
  }
  contents = { steps, marks, drawn };
  contentsOf.set(scene, contents);
  return contents;
}

function boundsOf(it: Item): Bounds | undefined {
  switch (it.type) {
    case 'rect':
      return [it.x, it.y, it.x + it.w, it.y + it.h];
    case 'path':
      return it.box
        ? [it.box[0], it.box[1], it.box[0] + it.box[2], it.box[1] + it.box[3]]
        : undefined;
    case 'polygon': {
      let x0 = Number.POSITIVE_INFINITY;
      let y0 = Number.POSITIVE_INFINITY;
      let x1 = Number.NEGATIVE_INFINITY;
      let y1 = Number.NEGATIVE_INFINITY;
      for (let i = 0; i + 1 < it.points.length; i += 2) {
        const x = it.points[i] as number;
        const y = it.points[i + 1] as number;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
      return Number.isFinite(x0) ? [x0, y0, x1, y1] : undefined;
    }
    case 'text': {
      const w = textWidth(it.text, it.size, it.weight);
      const x0 = it.anchor === 'start' ? it.x : it.anchor === 'end' ? it.x - w : it.x - w / 2;
      return [x0, it.y - it.size, x0 + w, it.y + it.size * 0.3];
    }
  }
}

/**
 * The spans along one axis that an edge must not cross, each widened by `room`, sorted and
 * merged where they overlap. A span wider than `widest` is left out: it cannot be kept whole
 * anyway, so it is cut as before.
 */
function blockedSpans(spans: Iterable<readonly [number, number]>, room: number, widest: number) {
  const sorted = [...spans]
    .filter(([a, b]) => b - a <= widest)
    .map(([a, b]) => [a - room, b + room] as [number, number])
    .sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Spans an edge should not cross, and how much of a tile to keep at least when avoiding them. */
interface Tier {
  readonly blocked: readonly (readonly [number, number])[];
  readonly least: number;
}

/**
 * Where a tile starting at `start` ends: as far as `start + length` when nothing is cut there,
 * else just before the span that edge would cross, if the tile keeps at least `least` so —
 * first avoiding every mark, then only the steps — else cut there as equal tiles would be.
 */
function tileEnd(start: number, length: number, end: number, tiers: readonly Tier[]): number {
  const far = start + length;
  if (far >= end) return end;
  for (const { blocked, least } of tiers) {
    const crossed = blocked.find(([a, b]) => a < far && far < b);
    if (!crossed) return far;
    if (crossed[0] >= start + least) return crossed[0];
  }
  return far;
}

/** The spans along one axis (0: x, 1: y) to keep whole, best first, for tiles of `length`. */
function tiers(scene: Scene, axis: 0 | 1, length: number, overlap: number): Tier[] {
  const { steps, marks } = sceneContents(scene);
  const spans = (list: readonly Bounds[]) =>
    blockedSpans(
      list.map((b) => [b[axis], b[axis + 2] as number] as const),
      PAGE_LAYOUT.edgeRoom,
      length - overlap,
    );
  return [
    // a flow's label kept whole too, when that still fills most of the page
    { blocked: spans(marks), least: length * 0.6 },
    { blocked: spans(steps), least: overlap + length / 4 },
  ];
}

/** The rows of tiles: [top, bottom, units shared with the row below]. */
function rowBreaks(scene: Scene, tileH: number, overlap: number): [number, number, number][] {
  const edges = [...scene.lanes.map((l) => l.y + l.height), scene.height]
    .filter((y) => y > 0)
    .sort((a, b) => a - b);
  const avoid = tiers(scene, 1, tileH, overlap);
  const rows: [number, number, number][] = [];
  let top = 0;
  while (top < scene.height - 0.5) {
    // whole lanes, as many as fit
    let bottom = -1;
    for (const y of edges) if (y > top + 0.5 && y <= top + tileH + 1e-6) bottom = y;
    if (bottom > 0) {
      rows.push([top, bottom, 0]);
      top = bottom;
      continue;
    }
    // a lane taller than a page: cut at a gap between its steps, if there is one
    const laneEnd = edges.find((y) => y > top + 0.5) ?? scene.height;
    const cut = tileEnd(top, tileH, laneEnd, avoid);
    rows.push([top, cut, overlap]);
    top = cut - overlap;
  }
  if (rows.length === 0) rows.push([0, Math.max(1, scene.height), 0]);
  return rows;
}

/** The columns of tiles: [left, right] within the body, each repeating `overlap` of the last. */
function columnBreaks(scene: Scene, tileW: number, overlap: number): [number, number][] {
  const avoid = tiers(scene, 0, tileW, overlap);
  const columns: [number, number][] = [];
  let left = scene.headerWidth;
  for (;;) {
    const right = tileEnd(left, tileW, scene.width, avoid);
    columns.push([left, Math.max(right, left + 1)]);
    if (right >= scene.width) return columns;
    left = right - overlap;
  }
}

/** Whether anything but empty lane is drawn inside a region. */
function showsSomething(scene: Scene, x0: number, y0: number, x1: number, y1: number): boolean {
  return sceneContents(scene).drawn.some((b) => meets(b, [x0, y0, x1, y1]));
}

/**
 * Splits a scene into pages: one fitted page, or tiles with overlap and page labels (see
 * PageMode; `auto` by default).
 */
export function paginate(scene: Scene, options: PageOptions = {}): MapPage[] {
  const [width, height] = pageSize(options);
  const L = PAGE_LAYOUT;
  const contentW = width - 2 * L.margin;
  const blockH = scene.titleBlock
    ? titleBlock(scene, contentW, L.titleUnit, 'Page 99 of 99 — row 9, column 9').height + L.gap
    : 0;
  const top = L.margin + blockH;
  const contentH = height - L.margin - top;
  const mode = options.mode ?? 'auto';
  const fitScale = Math.min(
    L.maxFitScale,
    contentW / Math.max(1, scene.width),
    contentH / Math.max(1, scene.height),
  );
  const readable = readableScale(scene);
  if (mode === 'fit' || (mode === 'auto' && fitScale >= readable)) {
    return [
      {
        width,
        height,
        label: '',
        row: 1,
        column: 1,
        rows: 1,
        columns: 1,
        scale: fitScale,
        region: { x: 0, y: 0, w: scene.width, h: scene.height },
        overlap: { right: 0, below: 0 },
        joins: {},
        pinnedHeaders: false,
        left: L.margin,
        top,
      },
    ];
  }
  const scale = mode === 'tile' ? L.tileScale : readable;
  const tileW = (contentW - scene.headerWidth * scale) / scale;
  const tileH = contentH / scale;
  const rowSpans = rowBreaks(scene, tileH, L.overlap);
  const columnSpans = columnBreaks(scene, tileW, L.overlap);
  const rows = rowSpans.length;
  const columns = columnSpans.length;
  // Which tiles show something; the first is kept whatever it shows.
  const numbers: number[][] = [];
  let count = 0;
  for (const [y0, y1] of rowSpans) {
    numbers.push(
      columnSpans.map(([x0, x1]) =>
        showsSomething(scene, x0, y0, x1, y1) || count === 0 ? ++count : 0,
      ),
    );
  }
  const numberAt = (r: number, c: number) => numbers[r]?.[c] || undefined;
  const pages: MapPage[] = [];
  rowSpans.forEach(([y0, y1, below], r) => {
    columnSpans.forEach(([x0, x1], c) => {
      const n = numberAt(r, c);
      if (n === undefined) return;
      const above = numberAt(r - 1, c);
      const left = numberAt(r, c - 1);
      const right = numberAt(r, c + 1);
      const under = numberAt(r + 1, c);
      pages.push({
        width,
        height,
        label: `Page ${n} of ${count} — row ${r + 1}, column ${c + 1}`,
        row: r + 1,
        column: c + 1,
        rows,
        columns,
        scale,
        region: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 },
        overlap: { right: c < columns - 1 ? L.overlap : 0, below: r < rows - 1 ? below : 0 },
        joins: {
          ...(above ? { above } : {}),
          ...(left ? { left } : {}),
          ...(right ? { right } : {}),
          ...(under ? { below: under } : {}),
        },
        pinnedHeaders: true,
        left: L.margin,
        top,
      });
    });
  });
  return pages;
}
