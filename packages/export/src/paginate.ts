import type { Scene } from './scene';
import { titleBlock } from './title-block';

/*
 * Pages of a map: one page with the map fitted to it, or tiles at a readable scale with some
 * overlap, the lane headers repeated on the left of every tile.
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
  /** Body text size of the title block on a page. */
  titleUnit: 9,
  /** Space between the title block and the map. */
  gap: 8,
  /** Scale of tiled pages: 14 px labels print at 7.7 pt. */
  tileScale: 0.55,
  /** Scene units shown again at the edge of the next tile. */
  overlap: 40,
  /** A fitted map is never drawn larger than this. */
  maxFitScale: 1,
} as const;

export interface PageOptions {
  readonly size?: PageSizeName;
  readonly landscape?: boolean;
  /** `fit`: the whole map on one page (default); `tile`: as many pages as it takes. */
  readonly mode?: 'fit' | 'tile';
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

/** How many tiles cover `length` with tiles of `tile` that overlap by `overlap`. */
export function tileCount(length: number, tile: number, overlap: number): number {
  if (length <= tile) return 1;
  return 1 + Math.ceil((length - tile) / (tile - overlap));
}

/** Splits a scene into pages: one fitted page, or tiles with overlap and page labels. */
export function paginate(scene: Scene, options: PageOptions = {}): MapPage[] {
  const [width, height] = pageSize(options);
  const L = PAGE_LAYOUT;
  const contentW = width - 2 * L.margin;
  const blockH = scene.titleBlock
    ? titleBlock(scene, contentW, L.titleUnit, 'Page 99 of 99 — row 9, column 9').height + L.gap
    : 0;
  const top = L.margin + blockH;
  const contentH = height - L.margin - top;
  if ((options.mode ?? 'fit') === 'fit') {
    const scale = Math.min(
      L.maxFitScale,
      contentW / Math.max(1, scene.width),
      contentH / Math.max(1, scene.height),
    );
    return [
      {
        width,
        height,
        label: '',
        row: 1,
        column: 1,
        scale,
        region: { x: 0, y: 0, w: scene.width, h: scene.height },
        pinnedHeaders: false,
        left: L.margin,
        top,
      },
    ];
  }
  const scale = L.tileScale;
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
