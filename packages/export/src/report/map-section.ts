import type { PDFPage } from 'pdf-lib';
import { buildScene } from '../build-scene';
import { type MapPage, type PageOptions, paginate } from '../paginate';
import { drawMapPage } from '../pdf';
import type { Scene } from '../scene';
import { INK_MUTED } from '../theme';
import type { ReportContext } from './report-context';

/*
 * The map in the report: first the whole of it on one page; then, when asked or when that is
 * too small to read (labels under 5 pt), the map again in tiles at a readable size — unless that
 * takes more pages than a report should hold, when the reader is pointed to the tiled map PDF.
 */

/** Step labels are 14 units high on the map; under 5 pt in print they cannot be read. */
const MAP_LABEL_SIZE = 14;
const MIN_READABLE_PT = 5;
const MAX_TILE_PAGES = 30;

export interface MapPlan {
  readonly scene: Scene;
  /** The whole map on one page. */
  readonly overview: MapPage | undefined;
  /** The map at a readable size, when the report shows it so (or would, but `tooMany`). */
  readonly tiles: readonly MapPage[];
  /** The tiles would outnumber the report: they are left to the map PDF. */
  readonly tooMany: boolean;
}

/** Which map pages the report holds. */
export function planMapPages(
  { map, analysis }: ReportContext,
  options: PageOptions & { readonly date?: string; readonly maxTilePages?: number },
): MapPlan {
  const scene = buildScene(map, { analysis, ...(options.date ? { date: options.date } : {}) });
  // A map is nearly always wider than tall: its pages turn to landscape whatever the text does.
  const landscape = options.landscape === true || scene.width > scene.height;
  const [overview] = paginate(scene, { ...options, landscape, mode: 'fit' });
  const unreadable = (overview?.scale ?? 1) * MAP_LABEL_SIZE < MIN_READABLE_PT;
  const tiles =
    options.mode === 'tile' || unreadable
      ? paginate(scene, { ...options, landscape, mode: 'tile' })
      : [];
  const tooMany =
    options.mode !== 'tile' && tiles.length > (options.maxTilePages ?? MAX_TILE_PAGES);
  return { scene, overview, tiles, tooMany };
}

/**
 * "How to read this report": the map's notation, and which map pages follow. `afterMap` when it
 * is printed after the map pages (the title page had no room left for it).
 */
export function howToRead(report: ReportContext, plan: MapPlan, afterMap = false): void {
  const { flow } = report;
  const text = readingGuide(plan, afterMap);
  flow.heading('How to read this report', 2, flow.textHeight(text, GUIDE));
  flow.text(text, GUIDE);
}

const GUIDE = { color: INK_MUTED };

/** Whether "How to read this report" fits on the page the flow is on. */
export function howToReadFits({ flow }: ReportContext, plan: MapPlan): boolean {
  const h = flow.textHeight(readingGuide(plan, false), GUIDE);
  return flow.fitsHeading(h, 2, h);
}

function readingGuide({ tiles, tooMany }: MapPlan, afterMap: boolean): string {
  const mapPages =
    tiles.length === 0
      ? `The map page${afterMap ? ' before this one' : ''} shows the whole process.`
      : tooMany
        ? `The map page shows the whole process, too small to read every label: at a readable size the map takes ${tiles.length} pages, too many for this report. The map PDF (Export, then PDF at “Readable size”) prints it in full.`
        : 'The first map page shows the whole process; as it is too small to read, the pages after it show the map in pieces, each labelled with its row and column.';
  return (
    'The map shows each role as a lane and each step of the work as a box, in the order a case goes through them. ' +
    'Dashed blue lines are handoffs between roles. Numbered badges mark steps that findings concern; red and green dots are the team’s pain points and ideas. ' +
    `${mapPages} ` +
    `The sections ${afterMap ? 'from here on' : 'after the map'} give the numbers, what each one means, and where time is lost, largest first.`
  );
}

/** Draws the map pages; returns the tiles, whose footers leave the report's title out. */
export function drawMapPages({ writer }: ReportContext, plan: MapPlan): ReadonlySet<PDFPage> {
  if (plan.overview) drawMapPage(writer, plan.scene, plan.overview);
  // A tile names the pages it joins where a text page has its footer title: a map page's
  // footer carries only the page number (the map's title heads the page).
  const tilePages = new Set<PDFPage>();
  if (!plan.tooMany)
    for (const page of plan.tiles) tilePages.add(drawMapPage(writer, plan.scene, page));
  return tilePages;
}
