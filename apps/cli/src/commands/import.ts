import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type ImportFormat,
  type ImportNote,
  type ImportRefusal,
  importFile,
} from '@procmap/interop';
import { type ProcessMap, validateMap } from '@procmap/model';
import { parseFlags } from '../args';
import { EXIT, type ExitCode } from '../exit-codes';
import { importHelp, usageError } from '../help';
import { count, type Io, printable, writeJson } from '../output';
import { readImportFile } from '../read-import-file';

/*
 * `procmap import FILE [-o OUT] [--format bpmn|csv|drawio] [--json]`: another tool's file
 * (BPMN 2.0, a spreadsheet of steps, a draw.io diagram) as a procmap map file, through the same
 * importer the server and the editor use. The map goes to stdout or -o; what was approximated
 * goes to stderr, one line each, so a pipe gets nothing but the map, and is kept in the map as
 * one note on the whole map, dated at the import.
 */

const FORMATS: readonly ImportFormat[] = ['bpmn', 'csv', 'drawio'];
const LABEL: Readonly<Record<ImportFormat, string>> = {
  bpmn: 'BPMN 2.0',
  csv: 'CSV',
  drawio: 'draw.io',
};
/** A title made of a file name is kept short; a map's title may be longer. */
const TITLE_CHARS = 120;

interface ImportArgs {
  readonly file: string;
  readonly out: string;
  readonly format: ImportFormat | undefined;
  readonly json: boolean;
}

type Parsed = { ok: true; args: ImportArgs } | { ok: false; message: string } | { ok: 'help' };

function parse(argv: readonly string[]): Parsed {
  const args = parseFlags(argv, [
    { name: 'output', short: 'o', value: true },
    { name: 'format', short: 'f', value: true },
    { name: 'json' },
    { name: 'help', short: 'h' },
  ]);
  if (!args.ok) return args;
  if (args.flags.has('help')) return { ok: 'help' };
  const [file, ...extra] = args.positionals;
  if (file === undefined) return { ok: false, message: 'missing the file to import' };
  if (extra.length > 0) {
    return { ok: false, message: `expected one file, got ${args.positionals.length}` };
  }
  const format = args.values.get('format');
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    return {
      ok: false,
      message: `unknown format "${format}": use ${FORMATS.join(', ')} (or leave --format out to tell by the file)`,
    };
  }
  return {
    ok: true,
    args: {
      file,
      out: args.values.get('output') ?? '-',
      format: format as ImportFormat | undefined,
      json: args.flags.has('json'),
    },
  };
}

/** The file's name without its folder and extension: the title of a map that has none. */
function titleOf(file: string): string {
  const stem = basename(file).replace(/\.(bpmn2?|bpmn20\.xml|drawio|dio|xml|csv|tsv|txt)$/i, '');
  return Array.from(stem.trim()).slice(0, TITLE_CHARS).join('').trim();
}

/** The imported map with the file's name as its title when it came without one, checked. */
function titled(map: ProcessMap, file: string): ProcessMap {
  if (map.title.trim() !== '') return map;
  const checked = validateMap({ ...map, title: titleOf(file) });
  return checked.ok ? checked.map : map;
}

/** `FILE:LINE:COLUMN: message`, the place as far as it is known. */
function refusalLine(file: string, refusal: Pick<ImportRefusal, 'message' | 'line' | 'column'>) {
  const at = refusal.line === undefined ? '' : `:${refusal.line}`;
  const col =
    refusal.line !== undefined && refusal.column !== undefined ? `:${refusal.column}` : '';
  return `procmap import: ${printable(file)}${at}${col}: ${printable(refusal.message)}\n`;
}

/** Refuses the file: a line on stderr (or, with --json, the refusal as JSON on stdout). */
function refuse(io: Io, a: ImportArgs, refusal: Omit<ImportRefusal, 'ok'>): ExitCode {
  if (a.json) writeJson(io, { file: a.file, imported: false, error: { ...refusal } });
  else io.stderr(refusalLine(a.file, refusal));
  return EXIT.invalid;
}

function reportNotes(io: Io, notes: readonly ImportNote[]): void {
  for (const note of notes) io.stderr(`procmap import: ${printable(note.message)}\n`);
}

/**
 * `procmap import <file>`: 0 imported, 1 refused (not a file procmap can read as a map: the
 * line and column say where), 2 unreadable file, unwritable output or misuse.
 */
export async function importCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const parsed = parse(argv);
  if (parsed.ok === 'help') {
    io.stdout(importHelp());
    return EXIT.ok;
  }
  if (!parsed.ok) return usageError(io, 'import', parsed.message);
  const a = parsed.args;
  const read = await readImportFile(a.file);
  if (!read.ok) {
    if (read.kind === 'too-large')
      return refuse(io, a, { code: 'too-large', message: read.message });
    io.stderr(`procmap import: ${printable(a.file)}: ${printable(read.message)}\n`);
    return EXIT.usage;
  }
  const imported = await importFile(read.text, {
    name: a.file,
    ...(a.format ? { format: a.format } : {}),
    csv: { title: titleOf(a.file) },
    // The time of the notes made from text boxes and of the note of what was approximated.
    notes: { createdAt: new Date().toISOString() },
  });
  if (!imported.ok) {
    const { ok: _, ...refusal } = imported;
    return refuse(io, a, refusal);
  }
  const map = titled(imported.map, a.file);
  const { notes, format } = imported;
  const document = `${JSON.stringify(a.json && a.out === '-' ? { map, notes } : map, null, 2)}\n`;
  if (a.out === '-') {
    io.stdout(document);
    if (!a.json) reportNotes(io, notes);
    return EXIT.ok;
  }
  try {
    await writeFile(a.out, document);
  } catch (err) {
    io.stderr(
      `procmap import: cannot write ${printable(a.out)}: ${printable((err as Error).message)}\n`,
    );
    return EXIT.usage;
  }
  if (a.json) {
    writeJson(io, { file: a.file, output: a.out, format, notes });
    return EXIT.ok;
  }
  const size = `${count(map.steps.length, 'step')}, ${count(map.roles.length, 'role')}`;
  io.stdout(`Wrote ${printable(a.out)} (${LABEL[format]}: ${size})\n`);
  reportNotes(io, notes);
  return EXIT.ok;
}
