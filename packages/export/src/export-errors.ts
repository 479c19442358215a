import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, type ExportFormatId } from './formats';

/*
 * Every refusal an export can give, with its words, in one place: the server sends them as 400s
 * (the codes are its refusal codes), the command line prints them and exits 2. A request comes
 * as URL query options (`steps=a,b`, `fit=1`) or as command-line flags (`--steps a,b`, `--fit`),
 * and a message names an option the way its reader wrote it; otherwise each refusal has one
 * wording, whoever asked. Values echoed back are clipped: they are anyone's input.
 */

/** Why an export was refused. */
export type ExportErrorCode =
  /** A format id that is not in EXPORT_FORMATS. */
  | 'unknown-format'
  /** A page size we do not offer, or fit and tile both asked for. */
  | 'bad-page'
  /** A CSV table other than steps or findings. */
  | 'bad-table'
  /** A step selection for a format that always covers the whole map. */
  | 'steps-not-supported'
  /** A step selection naming no step. */
  | 'empty-steps'
  /** A step selection naming steps the map does not have. */
  | 'unknown-steps'
  /** A scenario the map does not have. */
  | 'unknown-scenario'
  /** The caller gave no fonts (PDF, report) or no rasteriser (PNG): a mistake in the caller. */
  | 'missing-resource'
  /** The caller's rasteriser failed; the cause says why. */
  | 'rasterise-failed';

/** A refused or failed export: a code for programs, a message for people. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    /** Facts a program may want: e.g. `unknownCount` with `unknown-steps`. */
    readonly details?: Readonly<Record<string, number>>,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How the caller's users write export options, so that a refusal names them as written. */
export interface RequestSyntax {
  /** `query`: URL query options (`steps=…`, `fit=1`); `flags`: command-line flags (`--steps`). */
  readonly options: 'query' | 'flags';
  /** The formats the caller offers, named as its users name them (`export.svg`, `svg`). */
  readonly formats: Readonly<Partial<Record<ExportFormatId, string>>>;
}

/** How many unknown step ids a refusal names: a URL or a shell line can hold thousands. */
export const NAMED_IDS = 5;
/** How much of each named id is shown. */
const ID_CHARS = 40;
/** How much of another echoed value (a page size, a table name) is shown. */
const clip = (value: string) => value.slice(0, 20);

/** "a, b and c". */
const listed = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The caller's names of the formats it offers that pass `keep`, in the table's order. */
function offered(syntax: RequestSyntax, keep: (id: ExportFormatId) => boolean = () => true) {
  return EXPORT_FORMAT_IDS.filter(keep)
    .map((id) => syntax.formats[id])
    .filter((name): name is string => name !== undefined);
}

/** The formats that draw the map, and so can show only some of its steps. */
const selectable = (syntax: RequestSyntax) =>
  offered(syntax, (id) => EXPORT_FORMATS[id].options.includes('selection'));

const formatName = (id: ExportFormatId, syntax: RequestSyntax) => syntax.formats[id] ?? id;
const stepsOption = (syntax: RequestSyntax) => (syntax.options === 'query' ? 'steps=…' : '--steps');

/** The words of each refusal. */
export const exportErrors = {
  unknownFormat: (name: string, syntax: RequestSyntax) =>
    new ExportError(
      'unknown-format',
      `unknown format "${name}": use ${offered(syntax).join(', ')}`,
    ),

  unknownPageSize: (name: string) =>
    new ExportError('bad-page', `unknown page size "${clip(name)}": use A4, A3 or Letter`),

  fitAndTile: (syntax: RequestSyntax) =>
    new ExportError(
      'bad-page',
      `choose one of ${syntax.options === 'query' ? 'fit=1 and tile=1' : '--fit and --tile'}`,
    ),

  badTable: (name: string) =>
    new ExportError('bad-table', `unknown table "${clip(name)}": use steps or findings`),

  stepsNotSupported: (format: ExportFormatId, syntax: RequestSyntax) =>
    new ExportError(
      'steps-not-supported',
      `${formatName(format, syntax)} always covers the whole map: ${stepsOption(syntax)} selects steps for ${listed(selectable(syntax))} only`,
    ),

  emptySteps: (syntax: RequestSyntax) =>
    new ExportError(
      'empty-steps',
      `${stepsOption(syntax)} names no step: give step ids separated by commas, or leave it out for the whole map`,
    ),

  /** Names the first NAMED_IDS unknown ids (each clipped), then how many more. */
  /** `message` is scenarioMap's, naming the ids the map has. */
  unknownScenario: (message: string) => new ExportError('unknown-scenario', message),

  unknownSteps: (unknown: readonly string[], syntax: RequestSyntax) => {
    const named = unknown.slice(0, NAMED_IDS).map((id) => JSON.stringify(id.slice(0, ID_CHARS)));
    const more = unknown.length > NAMED_IDS ? ` and ${unknown.length - NAMED_IDS} more` : '';
    return new ExportError(
      'unknown-steps',
      `${unknown.length === 1 ? 'no step' : 'no steps'} ${named.join(', ')}${more} in this map: ${stepsOption(syntax)} takes the ids of the map's steps`,
      { unknownCount: unknown.length },
    );
  },

  missingResource: (format: ExportFormatId, resource: 'fonts' | 'rasterise' | 'bpmn') =>
    new ExportError(
      'missing-resource',
      `${EXPORT_FORMATS[format].label} needs resources.${resource}, and none was given`,
    ),

  rasteriseFailed: (format: ExportFormatId, cause: unknown) =>
    new ExportError(
      'rasterise-failed',
      `the ${EXPORT_FORMATS[format].label} could not be made: ${cause instanceof Error ? cause.message : String(cause)}`,
      undefined,
      { cause },
    ),
} as const;
