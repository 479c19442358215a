import { AS_IS_ID, type ProcessMap, scenarioMap } from '@procmap/model';
import type { CsvTable } from './csv';
import { exportErrors, type RequestSyntax } from './export-errors';
import { acceptsOption, type ExportFormatId, isExportFormatId } from './formats';
import { PAGE_SIZES, type PageOptions, type PageSizeName } from './paginate';

/*
 * An export request and the checks of its options as a user typed them. The server and the
 * command line each read their own syntax (a URL query, flags) into plain values and call these
 * in the order they always have, so that a request with two faults is refused for the same one.
 */

/** What to export: a format and the options it reads (see EXPORT_FORMATS; others are ignored). */
export interface ExportRequest {
  readonly format: ExportFormatId;
  /** Only these steps, the flows between them and their lanes; the whole map when absent. */
  readonly selection?: readonly string[];
  /** Finding badges on the steps (default on). */
  readonly findings?: boolean;
  /** Comment markers on steps and flows (default on). */
  readonly comments?: boolean;
  /** The title block above the map (default on). */
  readonly titleBlock?: boolean;
  /** Printed as given, in the title block and on the report's title page (see formatExportDate). */
  readonly date?: string;
  readonly page?: PageOptions;
  /** Which CSV table (default steps). */
  readonly table?: CsvTable;
  /** CSV: starts with the byte-order mark Excel needs to read UTF-8 (default on; off for a pipe). */
  readonly bom?: boolean;
  /**
   * A scenario of the map (ADR 9): a picture or table of that scenario's process; for the
   * report, the case study of that scenario against the as-is. The as-is when absent.
   */
  readonly scenario?: string;
}

const PAGE_NAMES = Object.keys(PAGE_SIZES) as PageSizeName[];
const TABLES: readonly CsvTable[] = ['steps', 'findings'];

/** A format id as typed; refuses one not in EXPORT_FORMATS. */
export function parseExportFormat(name: string, syntax: RequestSyntax): ExportFormatId {
  if (!isExportFormatId(name) || syntax.formats[name] === undefined) {
    throw exportErrors.unknownFormat(name, syntax);
  }
  return name;
}

/** The page options as typed: a page size (any case; default A4), landscape, fit or tile. */
export function parsePageOptions(
  typed: {
    readonly size?: string;
    readonly landscape: boolean;
    readonly fit: boolean;
    readonly tile: boolean;
  },
  syntax: RequestSyntax,
): PageOptions {
  const name = typed.size ?? 'A4';
  const size = PAGE_NAMES.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!size) throw exportErrors.unknownPageSize(name);
  if (typed.fit && typed.tile) throw exportErrors.fitAndTile(syntax);
  // Readable by default: one page if its names print at 8 pt or more there, else tiles.
  const mode = typed.tile ? 'tile' : typed.fit ? 'fit' : 'auto';
  return { size, landscape: typed.landscape, mode };
}

/** The CSV table as typed (default steps). */
export function parseCsvTable(name: string | undefined, syntax: RequestSyntax): CsvTable {
  const table = (name ?? 'steps') as CsvTable;
  if (!TABLES.includes(table)) throw exportErrors.badTable(String(name));
  return table;
}

/**
 * A step selection as typed, ids separated by commas (undefined when none was given): refused
 * for a format that cannot crop (CSV, the report) and when it names no id, since a drawing of
 * nothing, or of the whole map, would look like what was asked for.
 */
export function parseStepSelection(
  typed: string | undefined,
  format: ExportFormatId,
  syntax: RequestSyntax,
): string[] | undefined {
  if (typed === undefined) return undefined;
  if (!acceptsOption(format, 'selection')) throw exportErrors.stepsNotSupported(format, syntax);
  const ids = [
    ...new Set(
      typed
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) throw exportErrors.emptySteps(syntax);
  return ids;
}

/** Refuses a selection naming steps the map does not have (a picture of less than was asked). */
export function checkStepSelection(
  map: Pick<ProcessMap, 'steps'>,
  selection: readonly string[],
  syntax: RequestSyntax,
): void {
  const known = new Set<string>(map.steps.map((step) => step.id));
  const unknown = selection.filter((id) => !known.has(id));
  if (unknown.length > 0) throw exportErrors.unknownSteps(unknown, syntax);
}

/**
 * A scenario id as typed (undefined for none or "as-is"): refused when the map has no such
 * scenario, naming the ones it has.
 */
export function parseScenario(
  map: Pick<ProcessMap, 'scenarios'>,
  typed: string | undefined,
): string | undefined {
  if (typed === undefined || typed === AS_IS_ID) return undefined;
  const found = scenarioMap(map as ProcessMap, typed);
  if (!found.ok) throw exportErrors.unknownScenario(found.message);
  return typed;
}

/**
 * The map a picture or table of this request draws: the scenario's process when one is asked
 * for (see parseScenario; an unknown one is refused), else the map itself.
 */
export function processOf(map: ProcessMap, scenario: string | undefined): ProcessMap {
  if (scenario === undefined) return map;
  const found = scenarioMap(map, scenario);
  if (!found.ok) throw exportErrors.unknownScenario(found.message);
  return found.map;
}
