import { formatProblem, validateMap } from '@procmap/model';
import { type Imported, type ImportNote, refuse } from '../imported';
import { checkXml } from '../xml-guard';
import { readCells } from './cells';
import { listPages, type PageRef, pageModel } from './pages';
import { type PageStructure, pageStructure } from './structure';
import { type DrawioOptions, pageToMap } from './to-map';
import { parseXml } from './xml-tree';

/*
 * draw.io diagrams (.drawio, .xml) into procmap: the first page with swimlanes becomes the map
 * (a file with none: its first page with shapes, in one "Unassigned" lane). Checked as every
 * XML import is before any parser reads it, and each compressed page again once inflated.
 * Pages after the one taken are never inflated.
 */

export type { DrawioOptions } from './to-map';

interface Chosen {
  readonly page: PageRef;
  readonly structure: PageStructure;
}

/** Reads a draw.io file: a valid map and what was approximated, or why not. */
export function importDrawio(text: string, options: DrawioOptions = {}): Imported {
  const unsafe = checkXml(text);
  if (unsafe) return unsafe;
  const parsed = parseXml(text);
  if (!parsed.ok) return parsed;
  const listed = listPages(parsed.root);
  if (!listed.ok) return listed;

  let withLanes: Chosen | undefined;
  let withShapes: Chosen | undefined;
  for (const page of listed.pages) {
    const model = pageModel(page);
    if (!model.ok) return model;
    if (!model.model) continue;
    const structure = pageStructure(readCells(model.model));
    if (structure.lanes.length > 0) {
      withLanes = { page, structure };
      break;
    }
    if (!withShapes && structure.steps.length > 0) withShapes = { page, structure };
  }
  const chosen = withLanes ?? withShapes;
  if (!chosen) {
    return refuse(
      'empty',
      'This draw.io file has no shapes to import: no page holds a swimlane or a shape.',
    );
  }

  const { map, notes } = pageToMap(chosen.structure, chosen.page.name, options);
  const others = listed.pages.length - 1;
  const pageNotes: ImportNote[] =
    others > 0
      ? [
          {
            code: 'pages-skipped',
            count: others,
            message: `${others} other ${others === 1 ? 'page' : 'pages'} not imported: procmap imports one page, "${chosen.page.name || chosen.page.number}"${withLanes ? ', the first with swimlanes' : ', the first with shapes (no page has swimlanes)'}`,
          },
        ]
      : [];
  const checked = validateMap(map);
  if (!checked.ok) {
    return refuse(
      'invalid-map',
      `The draw.io diagram did not make a valid map: ${checked.problems.map(formatProblem).join('; ')}`,
    );
  }
  return { ok: true, format: 'drawio', map: checked.map, notes: [...pageNotes, ...notes] };
}
