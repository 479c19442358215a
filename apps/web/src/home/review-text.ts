import type { CsvField, TimeUnit, UnitSource } from '@procmap/interop';

/*
 * The words of the import's review, loaded with the importers: how a refusal and the counts
 * read, what each spreadsheet column can be called, a title from a file's name. Kept apart from
 * the dialog so they can be tested without a browser.
 */

/** What a refusal says, with its place in the file first when known: "Line 3, column 1: …". */
export function refusalText(refusal: {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}): string {
  if (refusal.line === undefined) return refusal.message;
  const place =
    refusal.column === undefined
      ? `Line ${refusal.line}`
      : `Line ${refusal.line}, column ${refusal.column}`;
  return `${place}: ${refusal.message}`;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "3 roles (lanes), 12 steps and 1 flow". */
export function countsText(counts: {
  readonly roles: number;
  readonly steps: number;
  readonly flows: number;
}): string {
  return `${plural(counts.roles, 'role (lane)', 'roles (lanes)')}, ${plural(counts.steps, 'step', 'steps')} and ${plural(counts.flows, 'flow', 'flows')}`;
}

/** How the review names the kind of file read. */
export const FORMAT_NAMES: Readonly<Record<'bpmn' | 'drawio' | 'csv' | 'procmap', string>> = {
  bpmn: 'BPMN 2.0 diagram',
  drawio: 'draw.io diagram',
  csv: 'spreadsheet of steps',
  procmap: 'procmap map file',
};

/** A title from a file's name: without its folder and its extension ("referral.procmap.json"). */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.procmap\.json$|\.bpmn20\.xml$|\.[A-Za-z0-9]{1,8}$/i, '');
  return stem.trim();
}

/** What each field a spreadsheet column can hold is called in the preview, in menu order. */
export const FIELD_NAMES: Readonly<Record<CsvField, string>> = {
  label: 'Step label',
  role: 'Role (lane) name',
  kind: 'Step kind (task, decision, start, end…)',
  id: 'Step id or number',
  next: 'Next steps',
  after: 'Previous steps',
  nextLabels: 'Labels of the flows to the next steps',
  nextProbabilities: 'Chances of the flows to the next steps',
  processTime: 'Process time',
  waitTime: 'Wait time',
  processVariation: 'Process time variation',
  waitVariation: 'Wait time variation',
  valueClass: 'Value class',
  activity: 'Kind of work',
  completeAccurate: 'Complete and accurate (%)',
  batchSize: 'Batch size',
  dataEntered: 'Data entered',
  systems: 'Systems',
  notes: 'Notes',
  roleId: 'Role id',
  roleOrder: 'Role (lane) order',
};

/** How the preview names the unit a time column's bare numbers are read in. */
export const UNIT_NAMES: Readonly<Record<TimeUnit, string>> = {
  s: 'seconds',
  min: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
};

/** The units a time column's menu offers; seconds only when the header already names them. */
export function unitChoices(current: TimeUnit): readonly TimeUnit[] {
  const usual: readonly TimeUnit[] = ['min', 'h', 'd', 'w'];
  return usual.includes(current) ? usual : [current, ...usual];
}

/** Where a time column's unit comes from, as the preview says it beside the menu. */
export const UNIT_SOURCES: Readonly<Record<UnitSource, string>> = {
  chosen: 'as chosen',
  header: 'as the header says',
  default: 'the default: the header names no unit',
};

/** What a refusal adds after "Nothing was created.", unless the refusal already says it. */
export function refusalAdvice(message: string): string {
  const advice = 'Fix the file, or export it again from the tool that made it.';
  return /fix the file|export it again|save the sheet as CSV/i.test(message)
    ? 'Nothing was created.'
    : `Nothing was created. ${advice}`;
}

/** The value of the preview's "ignore this column" choice. */
export const IGNORE = '';

/**
 * The key an override of column `index` goes under: its header when no other column has the
 * same header (the import matches a header exactly first), else its place.
 */
export function overrideKey(index: number, headers: readonly string[]): string {
  const header = headers[index] ?? '';
  const unique = header.trim() !== '' && headers.indexOf(header) === headers.lastIndexOf(header);
  return unique ? header : String(index);
}

/** A row's problem as the preview lists it, its row number first ("Row 3: …"). */
export function problemText(problem: { readonly row: number; readonly message: string }): string {
  return /^Row \d/.test(problem.message)
    ? problem.message
    : `Row ${problem.row}: ${problem.message}`;
}

/** Where a JSON parse error is, from the engine's message ("… at position 41"), in lines. */
export function jsonErrorPlace(
  message: string,
  text: string,
): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
