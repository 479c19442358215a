import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '@procmap/analysis';
import {
  buildReport,
  buildScene,
  CSV_BOM,
  type CsvTable,
  type PageOptions,
  type PageSizeName,
  toCsv,
  toPdf,
  toSvg,
} from '@procmap/export';
import type { ProcessMap } from '@procmap/model';
import { EXIT, type ExitCode } from '../exit-codes';
import { findChromium, MAX_PNG_SIDE, svgToPng } from '../export/chromium';
import { readExportFonts } from '../export/fonts';
import { exportHelp, usageError } from '../help';
import { type Io, printable } from '../output';
import { openValidMap } from '../open-map';

const FORMATS = ['svg', 'pdf', 'png', 'csv', 'report'] as const;
type Format = (typeof FORMATS)[number];
const PAGES: readonly PageSizeName[] = ['A4', 'A3', 'Letter'];
const TABLES: readonly CsvTable[] = ['steps', 'findings'];
/** The formats that draw the map, so that --steps can choose what they show. */
const SELECTABLE: readonly Format[] = ['svg', 'pdf', 'png'];
const MAX_IDS_LISTED = 10;

interface ExportArgs {
  readonly file: string;
  readonly format: Format;
  readonly out: string;
  readonly page: PageOptions;
  readonly table: CsvTable;
  readonly findings: boolean;
  readonly comments: boolean;
  readonly date: string;
  readonly selection?: readonly string[];
}

type Parsed = { ok: true; args: ExportArgs } | { ok: false; message: string } | { ok: 'help' };

const EXTENSION: Readonly<Record<Format, string>> = {
  svg: '.svg',
  pdf: '.pdf',
  png: '.png',
  csv: '.csv',
  report: '-report.pdf',
};

/**
 * The default output: the map file's name with the format's extension, in the current
 * directory (where the user is, as other command-line tools write: not beside the input).
 */
function defaultOut(file: string, format: Format, table: CsvTable): string {
  const stem = basename(file).replace(/(\.procmap)?\.json$/i, '');
  const suffix = format === 'csv' && table === 'findings' ? '-findings.csv' : EXTENSION[format];
  return `${stem}${suffix}`;
}

/** Today as "29 November 2026", for the title block. */
function today(): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date());
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
  const format = (values.format ?? 'svg') as Format;
  if (!FORMATS.includes(format)) {
    return { ok: false, message: `unknown format "${values.format}": use ${FORMATS.join(', ')}` };
  }
  const pageName = String(values.page ?? 'A4');
  const size = PAGES.find((p) => p.toLowerCase() === pageName.toLowerCase());
  if (!size) return { ok: false, message: `unknown page size "${pageName}": use A4, A3 or Letter` };
  if (values.fit && values.tile) return { ok: false, message: 'choose one of --fit and --tile' };
  const table = (values.table ?? 'steps') as CsvTable;
  if (!TABLES.includes(table))
    return { ok: false, message: `unknown table "${values.table}": use steps or findings` };
  let selection: readonly string[] | undefined;
  if (typeof values.steps === 'string') {
    // The selection crops the map picture; the CSV tables and the report have no picture to crop.
    if (!SELECTABLE.includes(format)) {
      return {
        ok: false,
        message: `--steps is not supported for ${format}: it chooses the steps drawn in svg, pdf and png`,
      };
    }
    selection = [
      ...new Set(
        values.steps
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ];
    if (selection.length === 0) {
      return { ok: false, message: '--steps names no step: give step ids, e.g. --steps s1,s2' };
    }
  }
  return {
    ok: true,
    args: {
      file,
      format,
      out: typeof values.output === 'string' ? values.output : defaultOut(file, format, table),
      page: {
        size,
        landscape: values.landscape === true,
        mode: values.tile ? 'tile' : values.fit ? 'fit' : 'auto',
      },
      table,
      findings: values['no-findings'] !== true,
      comments: values['no-comments'] !== true,
      date: typeof values.date === 'string' ? values.date : today(),
      ...(selection ? { selection } : {}),
    },
  };
}

/** The ids in `selection` that name no step of the map, in the order given. */
function unknownSteps(map: ProcessMap, selection: readonly string[]): string[] {
  const ids = new Set<string>(map.steps.map((s) => s.id));
  return selection.filter((id) => !ids.has(id));
}

/** `unknown step ids: nope, nada`, listing at most ten of them. */
function unknownStepsMessage(unknown: readonly string[]): string {
  const shown = unknown.slice(0, MAX_IDS_LISTED).join(', ');
  const more =
    unknown.length > MAX_IDS_LISTED ? ` and ${unknown.length - MAX_IDS_LISTED} more` : '';
  const noun = unknown.length === 1 ? 'id' : 'ids';
  return `unknown step ${noun}: ${shown}${more} (--steps takes ids, as in the id column of --format csv)`;
}

/**
 * `procmap export <file> --format svg|pdf|png|csv|report [-o out]`: 0 written, 1 not a valid
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
  const chromium = a.format === 'png' ? findChromium() : undefined;
  if (a.format === 'png' && !chromium) {
    io.stderr(
      'procmap export: PNG needs Chromium, and none was found (install Debian\'s "chromium" package, or set PROCMAP_CHROMIUM to its path). SVG and PDF need nothing extra.\n',
    );
    return EXIT.usage;
  }
  const opened = await openValidMap(io, a.file, false);
  if (!opened.ok) return opened.code;
  const { map } = opened.validation;
  if (a.selection) {
    const unknown = unknownSteps(map, a.selection);
    if (unknown.length > 0) return usageError(io, 'export', unknownStepsMessage(unknown));
  }
  const analysis = analyze(map);
  const options = {
    ...(a.findings ? { analysis } : {}),
    comments: a.comments,
    date: a.date,
    ...(a.selection ? { selection: a.selection } : {}),
  };
  let bytes: string | Uint8Array;
  switch (a.format) {
    case 'svg':
    case 'png':
      bytes = toSvg(map, options);
      break;
    case 'pdf':
      bytes = await toPdf(buildScene(map, options), await readExportFonts(), a.page);
      break;
    case 'csv':
      // A file gets the mark Excel needs; standard output stays plain for other tools.
      bytes = (a.out === '-' ? '' : CSV_BOM) + toCsv(map, analysis, a.table);
      break;
    case 'report':
      bytes = await buildReport(map, analysis, await readExportFonts(), {
        ...a.page,
        date: a.date,
      });
      break;
  }
  if (a.format === 'png' && chromium) {
    const svg = bytes as string;
    const size = /<svg[^>]*\swidth="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const [w, h] = [Number(size?.[1] ?? 1200), Number(size?.[2] ?? 800)];
    if (w > MAX_PNG_SIDE || h > MAX_PNG_SIDE) {
      io.stderr(
        `procmap export: the map is ${Math.round(w)}×${Math.round(h)} px; the PNG is cut at ${MAX_PNG_SIDE} px (use --format svg or pdf for all of it)\n`,
      );
    }
    try {
      bytes = await svgToPng(chromium, svg, w, h);
    } catch (err) {
      io.stderr(
        `procmap export: cannot make the PNG with ${printable(chromium)}: ${printable((err as Error).message)}\n`,
      );
      return EXIT.usage;
    }
  }
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
  if (a.out !== '-') io.stdout(`Wrote ${printable(a.out)} (${a.format})\n`);
  return EXIT.ok;
}
