import type { FontWeight } from './text';

/*
 * The scene: a small list of drawing primitives in canvas units (pixels at zoom 1, y down).
 * Both backends draw exactly this, so the SVG and the PDF show the same picture.
 */

/** Stroke and fill of a shape. Colours are `#rrggbb` (checked when the scene is built). */
export interface Paint {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** Dash pattern, e.g. [8, 6]. */
  readonly dash?: readonly number[];
}

/** A rectangle, with rounded corners when `rx` is set. */
export interface RectItem extends Paint {
  readonly type: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly rx?: number;
}

/** An SVG path (`M L C Q A Z` commands, absolute coordinates). */
export interface PathItem extends Paint {
  readonly type: 'path';
  readonly d: string;
  /** Bounds [x, y, w, h], so a tile can skip what it does not show; absent: always drawn. */
  readonly box?: readonly [number, number, number, number];
}

/** A closed polygon: [x0, y0, x1, y1, ...]; arrowheads are polygons too. */
export interface PolygonItem extends Paint {
  readonly type: 'polygon';
  readonly points: readonly number[];
}

/** One line of text; `y` is the baseline. The text is already clean (one line, no controls). */
export interface TextItem {
  readonly type: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly weight: FontWeight;
  readonly fill: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

export type Item = RectItem | PathItem | PolygonItem | TextItem;

/** A lane as drawn: its band's extent, for pinning headers on tiled pages. */
export interface SceneLane {
  readonly roleId: string;
  readonly name: string;
  readonly y: number;
  readonly height: number;
}

/** One entry of the legend: a swatch (role colour or marker) and what it means. */
export interface LegendEntry {
  readonly kind: 'role' | 'marker' | 'line';
  readonly color: string;
  readonly label: string;
  readonly dash?: readonly number[];
}

/** What frames a drawn map: its title, size, lanes and legend. */
export interface SceneFrame {
  readonly title: string;
  /** Printed in the title block as given (the package never reads a clock). */
  readonly date?: string;
  readonly width: number;
  readonly height: number;
  readonly headerWidth: number;
  readonly lanes: readonly SceneLane[];
  readonly legend: readonly LegendEntry[];
  /** Whether to draw the title block (title, date, legend) above the map. */
  readonly titleBlock: boolean;
}

/**
 * The map as primitives. `header` is the lane-header column (x from 0 to `headerWidth`), which
 * tiled pages repeat on the left of every page; `body` is everything else.
 */
export interface Scene extends SceneFrame {
  readonly header: readonly Item[];
  readonly body: readonly Item[];
}
