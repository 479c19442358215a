import type { Scene } from './scene';
import { titleBlock } from './title-block';

/*
 * Pages of a map: one page with the map fitted to it, or tiles at a readable scale with some
 * overlap, the lane headers repeated on the left of every tile. By default a map gets one page
 * when its smallest text still prints at a readable size there, and tiles when it would not.
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
  /** Scene units shown again at the edge of the next tile. */
  overlap: 40,
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
        pinnedHeaders: false,
        left: L.margin,
        top,
      },
    ];
  }
  const scale = mode === 'tile' ? L.tileScale : readable;
  const bodyW = scene.width - scene.headerWidth;
  const tileW = (contentW - scene.headerWidth * scale) / scale;
  const tileH = contentH / scale;
  const columns = tileCount(bodyW, tileW, L.overlap);
  const rows = tileCount(scene.height, tileH, L.overlap);
  const total = rows * columns;
  const pages: MapPage[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const n = pages.length + 1;
      pages.push({
        width,
        height,
        label: `Page ${n} of ${total} — row ${r + 1}, column ${c + 1}`,
        row: r + 1,
        column: c + 1,
        rows,
        columns,
        scale,
        region: {
          x: scene.headerWidth + c * (tileW - L.overlap),
          y: r * (tileH - L.overlap),
          w: tileW,
          h: tileH,
        },
        pinnedHeaders: true,
        left: L.margin,
        top,
      });
    }
  }
  return pages;
}
