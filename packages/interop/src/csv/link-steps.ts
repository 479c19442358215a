import { type Flow, flowId, type Step, stepId } from '@procmap/model';
import { idMaker } from './ids-and-roles';
import type { CsvProblem } from './problems';
import type { StepRow } from './read-rows';
import { shareOf, trimBlanks } from './values';

/*
 * The flows between the steps. A next cell names the steps a row's step goes to, an after cell
 * the steps it comes from; each name is, in this order, a step's id, its label (as written,
 * then ignoring case and spacing) or, in a sheet without an id column, a step's number (1 =
 * the first step row). A cell is first taken whole (a label may hold a comma or a semicolon),
 * else split on semicolons, line breaks or bars, and a part that names no step on commas. A
 * name that finds no step is reported and draws no flow. Without next and after columns, each
 * step follows the row above it. A step of no kind that goes to several steps is a decision
 * when its label asks a question ("Approved?"), else parallel work (a task). A sheet with no start (or no end) step gets one, before the
 * steps nothing leads to (after those that lead nowhere).
 */

export interface Linked {
  readonly steps: Step[];
  readonly flows: Flow[];
  readonly chained: boolean;
  readonly addedStart: boolean;
  readonly addedEnd: boolean;
  /** References read as step numbers. */
  readonly byNumber: number;
  /** Steps of no kind with several next steps and a question for a label: made decisions. */
  readonly questionDecisions: number;
  /** Steps of no kind with several next steps otherwise: left tasks, parallel work. */
  readonly parallel: number;
  /** The rows of the steps nothing leads to, beside the first, when a start is added. */
  readonly extraEntries: readonly number[];
  /** The rows of the steps that lead nowhere, beside the last, when an end is added. */
  readonly extraExits: readonly number[];
}

/** A label that asks a question ("Approved?", "¿Urgente?"). */
const asks = (label: string) => /[?？]\s*$/.test(label);

/** The most comma-separated pieces one label is looked for in (bounds the work on a hostile cell). */
const MAX_PIECES = 12;

const loose = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Options {
  readonly hasIdColumn: boolean;
  readonly hasLinkColumns: boolean;
  /** The headers of the next and after columns, for the problems. */
  readonly headers: { readonly next?: string; readonly after?: string };
  readonly decimalComma: boolean;
}

/** Draws the flows of the sheet's rows between their steps (same order, same length). */
export function linkSteps(
  rows: readonly StepRow[],
  placed: readonly Step[],
  problems: CsvProblem[],
  options: Options,
): Linked {
  const byId = new Map<string, number>();
  const byLabel = new Map<string, number[]>();
  const byLoose = new Map<string, number[]>();
  placed.forEach((step, i) => {
    const row = rows[i] as StepRow;
    if (row.id !== '' && !byId.has(row.id)) byId.set(row.id, i);
    if (!byId.has(step.id)) byId.set(step.id, i);
    push(byLabel, step.label, i);
    push(byLoose, loose(step.label), i);
  });
  let byNumber = 0;
  const find = (name: string, row: number): number | undefined => {
    const text = trimBlanks(name);
    if (text.trim() === '') return undefined;
    const id = byId.get(text);
    if (id !== undefined) return id;
    const labelled = byLabel.get(text) ?? byLoose.get(loose(text));
    if (labelled) {
      if (labelled.length > 1) {
        problems.push({
          code: 'ambiguous-step',
          row,
          message: `Row ${row}: "${text}" is the label of ${labelled.length} steps (rows ${labelled
            .slice(0, 5)
            .map((i) => rows[i]?.row)
            .join(', ')}${labelled.length > 5 ? ' …' : ''}): took the first.`,
        });
      }
      return labelled[0];
    }
    if (
      !options.hasIdColumn &&
      /^\d+$/.test(text) &&
      Number(text) >= 1 &&
      Number(text) <= placed.length
    ) {
      byNumber += 1;
      return Number(text) - 1;
    }
    return undefined;
  };
  /**
   * The names in a part of a cell split on commas: from each piece on, the longest run of
   * pieces that names a step ("Check, sign, A" is "Check, sign" and "A"), else the piece alone.
   */
  const commaNames = (part: string, row: number) => {
    const pieces = part.split(',');
    const out: { part: string; found: number | undefined }[] = [];
    for (let i = 0; i < pieces.length; ) {
      let j: number;
      let found: number | undefined;
      for (j = Math.min(pieces.length, i + MAX_PIECES); j > i; j--) {
        found = find(pieces.slice(i, j).join(','), row);
        if (found !== undefined) break;
      }
      if (found === undefined) j = i + 1;
      const text = pieces.slice(i, j).join(',');
      if (text.trim() !== '') out.push({ part: text, found });
      i = j;
    }
    return out;
  };
  /** The steps a cell names, in order; undefined where a name finds no step. */
  const names = (cell: string, row: number, column: string): (number | undefined)[] => {
    if (cell.trim() === '') return [];
    const whole = find(cell, row);
    if (whole !== undefined) return [whole];
    return cell
      .split(/[;\n\r]+/)
      .filter((part) => part.trim() !== '')
      .flatMap((part) => {
        const found = find(part, row);
        return found !== undefined || !part.includes(',')
          ? [{ part, found }]
          : commaNames(part, row);
      })
      .map(({ part, found }) => {
        if (found === undefined) {
          problems.push({
            code: 'unknown-step',
            row,
            column,
            message: `Row ${row}: "${part.trim()}" names no step: no flow drawn.`,
          });
        }
        return found;
      });
  };

  const flows: Flow[] = [];
  const seen = new Set<string>();
  const flowIds = idMaker(new Set());
  const steps = [...placed];
  const flow = (from: number, to: number, extra: { label?: string; probability?: number } = {}) => {
    const a = steps[from] as Step;
    const b = steps[to] as Step;
    const key = `${a.id}\u0000${b.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    flows.push({ id: flowId(flowIds.numbered('f')), from: a.id, to: b.id, ...extra });
  };

  if (options.hasLinkColumns) {
    rows.forEach((r, i) => {
      const targets = names(r.next, r.row, options.headers.next ?? 'next');
      const lined = (places: readonly string[]) =>
        places.length === 0 || places.length === targets.length;
      const aligned = lined(r.nextLabels) && lined(r.nextProbabilities);
      if (!aligned) {
        problems.push({
          code: 'mismatched-branches',
          row: r.row,
          message: `Row ${r.row} names ${targets.length} next steps but ${r.nextLabels.length || r.nextProbabilities.length} flow labels or probabilities: those left out.`,
        });
      }
      targets.forEach((to, k) => {
        if (to === undefined) return;
        const label = aligned ? (r.nextLabels[k] ?? '') : '';
        const p = aligned ? (r.nextProbabilities[k] ?? '') : '';
        const probability = p === '' ? undefined : shareOf(p, options.decimalComma);
        if (p !== '' && probability === undefined) {
          problems.push({
            code: 'bad-number',
            row: r.row,
            message: `Row ${r.row}: "${p}" is not a probability (e.g. 0.8, 80%): left out.`,
          });
        }
        flow(i, to, {
          ...(label === '' ? {} : { label }),
          ...(probability === undefined ? {} : { probability }),
        });
      });
      for (const from of names(r.after, r.row, options.headers.after ?? 'after'))
        if (from !== undefined) flow(from, i);
    });
  } else {
    for (let i = 1; i < steps.length; i++) if (steps[i - 1]?.kind !== 'end') flow(i - 1, i);
  }

  // A step of no kind that goes several ways: a decision if its label asks, else parallel work.
  const successors = new Map<string, number>();
  for (const f of flows) successors.set(f.from, (successors.get(f.from) ?? 0) + 1);
  let questionDecisions = 0;
  let parallel = 0;
  placed.forEach((step, i) => {
    if (rows[i]?.kindGiven || step.kind !== 'task' || (successors.get(step.id) ?? 0) < 2) return;
    if (asks(step.label)) {
      steps[i] = { ...step, kind: 'decision' };
      questionDecisions += 1;
    } else parallel += 1;
  });

  const ids = idMaker(new Set(steps.map((s) => s.id)));
  let extraEntries: number[] = [];
  let extraExits: number[] = [];
  const hasStart = steps.some((s) => s.kind === 'start');
  const hasEnd = steps.some((s) => s.kind === 'end');
  const into = new Set(flows.map((f) => f.to));
  const outOf = new Set(flows.map((f) => f.from));
  if (!hasEnd && steps.length > 0) {
    const exits = steps.flatMap((s, i) => (outOf.has(s.id) ? [] : [i]));
    extraExits = exits.slice(0, -1).map((i) => rows[i]?.row ?? 0);
    const last = exits.at(-1) ?? steps.length - 1;
    steps.push({
      id: stepId(ids.from('end')),
      roleId: (steps[last] as Step).roleId,
      kind: 'end',
      label: 'End',
    });
    for (const i of exits.length > 0 ? exits : [last]) flow(i, steps.length - 1);
  }
  if (!hasStart && steps.length > 0) {
    const entries = placed.flatMap((s, i) => (into.has(s.id) ? [] : [i]));
    const first = entries[0] ?? 0;
    extraEntries = entries.slice(1).map((i) => rows[i]?.row ?? 0);
    steps.push({
      id: stepId(ids.from('start')),
      roleId: (steps[first] as Step).roleId,
      kind: 'start',
      label: 'Start',
    });
    for (const i of entries.length > 0 ? entries : [first]) flow(steps.length - 1, i);
    // The start first in the list, as a reader of the file expects.
    steps.unshift(steps.pop() as Step);
  }
  return {
    steps,
    flows,
    chained: !options.hasLinkColumns,
    addedStart: !hasStart && placed.length > 0,
    addedEnd: !hasEnd && placed.length > 0,
    byNumber,
    questionDecisions,
    parallel,
    extraEntries,
    extraExits,
  };
}
