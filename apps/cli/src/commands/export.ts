import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CsvTable,
  checkStepSelection,
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  ExportError,
  type ExportFormatId,
  type ExportRequest,
  formatExportDate,
  parseCsvTable,
  parseExportFormat,
  parsePageOptions,
  parseScenario,
  parseStepSelection,
  processOf,
  type RenderedExport,
  type RequestSyntax,
  renderExport,
} from '@procmap/export';
import { exportBpmn } from '@procmap/interop';
import { AS_IS_ID } from '@procmap/model';
import { EXIT, type ExitCode } from '../exit-codes';
import { findChromium, MAX_PNG_SIDE, svgToPng } from '../export/chromium';
import { readExportFonts } from '../export/fonts';
import { exportHelp, usageError } from '../help';
import { type Io, printable } from '../output';
import { openValidMap } from '../open-map';

/** How the command line's users write export options: flags, and every format by its id. */
const SYNTAX: RequestSyntax = {
  options: 'flags',
  formats: Object.fromEntries(EXPORT_FORMAT_IDS.map((id) => [id, id])),
};

interface ExportArgs {
  readonly file: string;
  readonly out: string;
  /** Every option checked but the selection's ids and the scenario, which need the map. */
  readonly request: ExportRequest & { readonly table: CsvTable };
  /** The scenario as typed (`--scenario`), checked once the map is read. */
  readonly scenario: string | undefined;
}

type Parsed = { ok: true; args: ExportArgs } | { ok: false; message: string } | { ok: 'help' };

/**
 * The default output: the map file's name with the format's extension, in the current
 * directory (where the user is, as other command-line tools write: not beside the input). A
 * scenario's id follows the name (`referral-to-be.svg`), so it does not overwrite the as-is's.
 */
function defaultOut(
  file: string,
  format: ExportFormatId,
  table: CsvTable,
  scenario: string | undefined,
): string {
  const stem = basename(file).replace(/(\.procmap)?\.json$/i, '');
  const process =
    scenario === undefined || scenario === AS_IS_ID
      ? ''
      : `-${scenario.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)}`;
  const tag =
    format === 'report' ? '-report' : format === 'csv' && table === 'findings' ? '-findings' : '';
  return `${stem}${process}${tag}${EXPORT_FORMATS[format].extension}`;
}

/** The flags as an export request, checked in the order they always were. */
function exportRequest(values: Record<string, string | boolean | undefined>) {
  const typed = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const format = parseExportFormat(typed('format') ?? 'svg', SYNTAX);
  const page = parsePageOptions(
    {
      size: typed('page'),
      landscape: values.landscape === true,
      fit: values.fit === true,
      tile: values.tile === true,
    },
    SYNTAX,
  );
  const table = parseCsvTable(typed('table'), SYNTAX);
  // The selection crops the map picture; the CSV tables and the report have no picture to crop.
  const selection = parseStepSelection(typed('steps'), format, SYNTAX);
  return {
    format,
    page,
    table,
    findings: values['no-findings'] !== true,
    comments: values['no-comments'] !== true,
    date: typed('date') ?? formatExportDate(new Date()),
    ...(selection ? { selection } : {}),
  };
}

function parse(argv: readonly string[]): Parsed {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        page: { type: 'string' },
        landscape: { type: 'boolean' },
        fit: { type: 'boolean' },
        tile: { type: 'boolean' },
        table: { type: 'string' },
        'no-findings': { type: 'boolean' },
        'no-comments': { type: 'boolean' },
        date: { type: 'string' },
        steps: { type: 'string' },
        scenario: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { ok: false, message: (err as Error).message.split('\n')[0] ?? 'bad arguments' };
  }
  if (values.help) return { ok: 'help' };
  const [file, ...extra] = positionals;
  if (file === undefined) return { ok: false, message: 'missing the file to export' };
  if (extra.length > 0)
    return { ok: false, message: `expected one file, got ${positionals.length}` };
  let request: ExportArgs['request'];
  try {
    request = exportRequest(values);
  } catch (err) {
    if (err instanceof ExportError) return { ok: false, message: err.message };
    throw err;
  }
  const scenario = typeof values.scenario === 'string' ? values.scenario : undefined;
  const out =
    typeof values.output === 'string'
      ? values.output
      : defaultOut(file, request.format, request.table, scenario);
  return { ok: true, args: { file, out, request, scenario } };
}

/**
 * The PNG of an SVG through Chromium, saying first when the map is bigger than Chromium draws.
 */
async function rasterise(io: Io, chromium: string, svg: string): Promise<Uint8Array> {
  const size = /<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const [w, h] = [Number(size?.[1] ?? 1200), Number(size?.[2] ?? 800)];
  if (w > MAX_PNG_SIDE || h > MAX_PNG_SIDE) {
    io.stderr(
      `procmap export: the map is ${Math.round(w)}×${Math.round(h)} px; the PNG is cut at ${MAX_PNG_SIDE} px (use --format svg or pdf for all of it)\n`,
    );
  }
  return svgToPng(chromium, svg, w, h);
}

/**
 * `procmap export <file> --format svg|pdf|png|csv|report|bpmn [-o out]`: 0 written, 1 not a valid
 * map, 2 unreadable input, unwritable output, misuse, or PNG without Chromium.
 */
export async function exportCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parse(argv);
  if (parsed.ok === 'help') {
    io.stdout(exportHelp());
    return EXIT.ok;
  }
  if (!parsed.ok) return usageError(io, 'export', parsed.message);
  const a = parsed.args;
  const { format } = a.request;
  const chromium = format === 'png' ? findChromium() : undefined;
  if (format === 'png' && !chromium) {
    io.stderr(
      'procmap export: PNG needs Chromium, and none was found (install Debian\'s "chromium" package, or set PROCMAP_CHROMIUM to its path). SVG and PDF need nothing extra.\n',
    );
    return EXIT.usage;
  }
  const opened = await openValidMap(io, a.file, false);
  if (!opened.ok) return opened.code;
  const { map } = opened.validation;
  let rendered: RenderedExport;
  try {
    // An unknown scenario is refused naming those the map has; the steps asked for are the
    // scenario's (the report reads the whole map, and takes no selection).
    const scenario = parseScenario(map, a.scenario);
    if (a.request.selection) {
      checkStepSelection(processOf(map, scenario), a.request.selection, SYNTAX);
    }
    // A file gets the mark Excel needs; standard output stays plain for other tools.
    rendered = await renderExport(
      map,
      { ...a.request, ...(scenario === undefined ? {} : { scenario }), bom: a.out !== '-' },
      {
        fonts: readExportFonts,
        bpmn: exportBpmn,
        ...(chromium ? { rasterise: (svg: string) => rasterise(io, chromium, svg) } : {}),
      },
    );
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    if (err.code !== 'rasterise-failed') return usageError(io, 'export', err.message);
    const cause = err.cause instanceof Error ? err.cause.message : String(err.cause);
    io.stderr(
      `procmap export: cannot make the PNG with ${printable(chromium ?? '')}: ${printable(cause)}\n`,
    );
    return EXIT.usage;
  }
  const bytes = rendered.body;
  try {
    // Bytes go to stdout as they are: a PDF or PNG turned into text would be corrupted.
    if (a.out === '-') io.stdout(bytes);
    else await writeFile(a.out, bytes);
  } catch (err) {
    io.stderr(
      `procmap export: cannot write ${printable(a.out)}: ${printable((err as Error).message)}\n`,
    );
    return EXIT.usage;
  }
  if (a.out !== '-') io.stdout(`Wrote ${printable(a.out)} (${format})\n`);
  return EXIT.ok;
}
