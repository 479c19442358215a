import type { PDFPage } from 'pdf-lib';
import { buildScene } from '../build-scene';
import { paginate } from '../paginate';
import { drawMapPage } from '../pdf';
import { INK_MUTED } from '../theme';
import type { CaseStudy } from './case-study-data';
import type { ReportContext } from './report-context';

/*
 * "What changes": the change list by step, then the scenario's map with its differences marked
 * (new steps outlined and tagged, changed ones tagged with what changed). Removed steps are not
 * on the scenario's map: the list names them, and the page under the map's title says so.
 */

/** The scenario's map at most this many pages of tiles when one page is too small to read. */
const MAX_TILE_PAGES = 12;
/** Changes listed in each group; a larger scenario has the rest counted. */
const MAX_LINES = 25;
const MAP_LABEL_SIZE = 14;
const MIN_READABLE_PT = 5;

export function caseStudyChanges(report: ReportContext, study: CaseStudy): void {
  const { flow } = report;
  flow.heading('What changes', 2, 80);
  if (study.groups.length === 0) {
    flow.text('Nothing: the scenario’s process is the as-is’s.', { color: INK_MUTED });
    return;
  }
  flow.text(
    'Every difference from the as-is, by step, as the steps are named on the maps. The scenario’s map closes the case study, its new and changed steps marked.',
    { size: 9.5, color: INK_MUTED, after: 6 },
  );
  for (const group of study.groups) {
    flow.text(group.title, { weight: 'bold', after: 3 });
    for (const line of group.lines.slice(0, MAX_LINES)) {
      flow.text(`• ${line}`, { indent: 10, size: 10, after: 2 });
    }
    if (group.lines.length > MAX_LINES) {
      flow.text(`…and ${group.lines.length - MAX_LINES} more (procmap compare lists them all).`, {
        indent: 10,
        size: 10,
        color: INK_MUTED,
        after: 2,
      });
    }
    flow.y += 6;
  }
}

/**
 * The scenario's map pages, the last of the report; returns the tiles (whose footers leave the
 * report's title out).
 */
export function caseStudyMap(
  report: ReportContext,
  study: CaseStudy,
  options: { readonly date?: string },
): ReadonlySet<PDFPage> {
  const removed = study.changes.steps.removed.length;
  const title = `${study.name}${removed > 0 ? ` (${removed} step${removed === 1 ? '' : 's'} of the as-is removed: see “What changes”)` : ''}`;
  const scene = buildScene(study.toBe, {
    analysis: study.toBeAnalysis,
    findings: false,
    comments: false,
    differences: study.marks,
    title,
    ...(options.date ? { date: options.date } : {}),
  });
  const landscape = scene.width > scene.height;
  const [overview] = paginate(scene, { landscape, mode: 'fit' });
  const tiles = new Set<PDFPage>();
  if (overview) drawMapPage(report.writer, scene, overview);
  if ((overview?.scale ?? 1) * MAP_LABEL_SIZE < MIN_READABLE_PT) {
    const pages = paginate(scene, { landscape, mode: 'tile' });
    if (pages.length <= MAX_TILE_PAGES) {
      for (const page of pages) tiles.add(drawMapPage(report.writer, scene, page));
    }
  }
  return tiles;
}
