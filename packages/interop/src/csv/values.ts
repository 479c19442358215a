import {
  type Activity,
  DISTRIBUTIONS,
  type StepKind,
  type TimeVariation,
  type ValueClass,
} from '@procmap/model';

/*
 * The words of a steps sheet's cells: kinds, value classes, kinds of work, shares, numbers and
 * lists, each read generously (case, spaces and punctuation do not matter) or not at all.
 */

/** A cell's words compared: lower case, letters and digits only. */
const word = (cell: string) =>
  cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}?]+/gu, '');

function vocabulary<T extends string>(table: Readonly<Record<T, readonly string[]>>) {
  const index = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, readonly string[]][]) {
    for (const w of [value, ...words]) index.set(word(w), value);
  }
  return (cell: string): T | undefined => index.get(word(cell));
}

/** A step's kind; what a flowchart calls its shapes too. */
export const kindOf = vocabulary<StepKind>({
  start: ['begin', 'trigger', 'startevent', 'initiate', 'entry', 'in', 'oval'],
  task: [
    'activity',
    'step',
    'process',
    'action',
    'work',
    'usertask',
    'manualtask',
    'rectangle',
    'box',
  ],
  decision: ['choice', 'gateway', 'question', 'branch', 'if', '?', 'diamond', 'exclusivegateway'],
  delay: ['wait', 'waiting', 'queue', 'hold', 'pause', 'inventory', 'timer'],
  end: ['finish', 'stop', 'done', 'endevent', 'exit', 'out', 'terminate', 'complete'],
});

/** Lean's value classes, with VA / NNVA / NVA and their spellings. */
export const valueClassOf = vocabulary<ValueClass>({
  'value-adding': [
    'va',
    'valueadding',
    'valueadd',
    'valueadded',
    'cva',
    'customervalue',
    'customervalueadded',
    'yes',
  ],
  necessary: [
    'nnva',
    'bva',
    'businessvalueadded',
    'businessvalueadding',
    'necessarynonvalueadding',
    'required',
    'enabling',
    'needed',
    'essential',
  ],
  waste: ['nva', 'nonvalueadding', 'nonvalueadded', 'notvalueadding', 'muda', 'no', 'unnecessary'],
});

/** The kinds of work the waste rules know. */
export const activityOf = vocabulary<Activity>({
  work: [],
  approval: ['approve', 'signoff', 'authorisation', 'authorization', 'sign'],
  inspection: ['inspect', 'check', 'review', 'qa', 'verify', 'verification', 'qualitycheck'],
  transport: ['move', 'handoff', 'send', 'movement', 'transfer'],
});

/**
 * A name as written, less the blanks around it a hand-typed file has ("GP, Write referral"):
 * spaces, tabs and line breaks. Other white space (no-break, ideographic) is kept as written.
 */
export const trimBlanks = (text: string) => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/** A plain number, with a decimal comma where the file allows it; undefined if not one. */
export function numberOf(cell: string, decimalComma: boolean): number | undefined {
  let text = cell.trim();
  if (decimalComma) text = text.replace(/^(\d*),(\d+)$/, '$1.$2');
  if (!/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A share between 0 and 1: "90%", "90" or "0.9" are all nine in ten (a number above 1 is read
 * as a percentage); undefined if none.
 */
export function shareOf(cell: string, decimalComma: boolean): number | undefined {
  const text = cell.trim();
  const percent = text.endsWith('%');
  const n = numberOf(percent ? text.slice(0, -1) : text, decimalComma);
  if (n === undefined) return undefined;
  const share = percent || n > 1 ? n / 100 : n;
  return share <= 1 ? Math.round(share * 1e6) / 1e6 : undefined;
}

/**
 * A list cell's items: split on semicolons or line breaks when it has any, else on commas
 * ("EMIS, ICE"); blanks dropped, each trimmed.
 */
export function listOf(cell: string): string[] {
  const separator = /[;\n\r]/.test(cell) ? /[;\n\r]+/ : /,/;
  return cell
    .split(separator)
    .map(trimBlanks)
    .filter((item) => item.trim() !== '');
}

/**
 * A list of the cell's items in order, empty places kept, for the labels and probabilities of
 * a row's next steps ("Yes; No", "0.8; "): one place per step the row goes to.
 */
export function placesOf(cell: string): string[] {
  return cell.trim() === '' ? [] : cell.split(/[;\n]/).map((item) => item.trim());
}

/** A time variation as the export writes it ("triangular min=5 max=30"); undefined if none. */
export function variationOf(cell: string): TimeVariation | undefined {
  const [name, ...params] = cell.trim().toLowerCase().split(/\s+/);
  if (!name || !(DISTRIBUTIONS as readonly string[]).includes(name)) return undefined;
  const out: Record<string, unknown> = { distribution: name };
  for (const param of params) {
    const [key, value] = param.split('=');
    const n = numberOf(value ?? '', false);
    if ((key !== 'min' && key !== 'max' && key !== 'cv') || n === undefined) return undefined;
    out[key] = n;
  }
  if ((name === 'triangular' || name === 'uniform') && !(Number(out.min) <= Number(out.max))) {
    return undefined;
  }
  if (name === 'lognormal' && !(Number(out.cv) > 0)) return undefined;
  return out as unknown as TimeVariation;
}
