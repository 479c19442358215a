import { DocError, type ProcessDoc } from '@procmap/doc';
import { GEOMETRY, type MapGeometry } from '@procmap/layout';
import type { MapIndex, Step, StepId } from '@procmap/model';
import type { CellContext } from './table-columns';
import {
  type PastePlan,
  type PasteProblem,
  type PasteStart,
  pasteSummary,
  planPaste,
} from './table-paste';
import { parseTsv } from './tsv';

/*
 * Writes a planned paste with the process's own commands, as ONE undo step for this user: the
 * first command starts it and the others join it (ProcessDoc.amend). The document has no
 * command for a batch of step edits, so each changed step is one transaction (its cells in one
 * patch, a lane change in a second) and each added step one more; colleagues see them arrive
 * together. Every value was checked while planning, so a refusal here is rare (a step deleted
 * by a colleague in between): what was written stays, still one undo step.
 */

/** Where the steps a paste adds join the flow: after this step, one after the other. */
export interface ChainStart {
  /** The last step along the flow, when it leads nowhere yet (an end does not go on). */
  readonly after: StepId | undefined;
  /** The process has no start step: the first step added is one (as Alt+N makes it). */
  readonly firstIsStart: boolean;
  /**
   * Where the new steps are drawn when they do not follow a step (after an end): from this x
   * (position units), a column further each, so the map and the table show them last.
   */
  readonly place?: { readonly x: number; readonly column: number };
}

/** What writing a plan did: why it stopped (null when all was written), and the steps added. */
export interface PasteWrite {
  readonly refused: string | null;
  /** The ids of the steps added, in the order of the plan's `creates`. */
  readonly created: readonly StepId[];
  /** Whether anything was written: then the paste is this user's latest undo step. */
  readonly wrote: boolean;
}

/** Runs the plan. */
export function applyPaste(doc: ProcessDoc, plan: PastePlan, chain: ChainStart): PasteWrite {
  const writes: (() => void)[] = [];
  const created: StepId[] = [];
  for (const u of plan.updates) {
    if (Object.keys(u.patch).length > 0) writes.push(() => doc.updateStep(u.id, u.patch));
    if (u.role !== undefined) {
      const role = u.role;
      writes.push(() => doc.moveStepToRole(u.id, role));
    }
  }
  let previous = chain.after;
  const place = chain.after === undefined ? chain.place : undefined;
  plan.creates.forEach((c, i) => {
    writes.push(() => {
      const kind = c.patch.kind ?? (i === 0 && chain.firstIsStart ? 'start' : 'task');
      const input = {
        ...withoutUndefined(c.patch),
        kind,
        label: c.patch.label ?? '',
        ...(place ? { position: { x: place.x + i * place.column, y: 0 } } : {}),
      };
      previous = previous
        ? doc.addNextStep(previous, { ...input, roleId: c.roleId }).stepId
        : doc.addStep({ ...input, roleId: c.roleId });
      created.push(previous);
    });
  });
  const [first, ...rest] = writes;
  if (!first) return { refused: null, created, wrote: false };
  let wrote = false;
  try {
    first();
    wrote = true;
    const mark = doc.editMark();
    doc.amend(mark, () => {
      for (const write of rest) write();
    });
    return { refused: null, created, wrote };
  } catch (error) {
    if (error instanceof DocError) return { refused: error.message, created, wrote };
    throw error;
  }
}

/** A patch without its cleared fields: what a new step starts with. */
function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Pastes a copied block of cells at `start`: planned, written as one undo step, and said. New
 * steps follow the last step along the flow when it leads nowhere; after an end they are drawn
 * after the last column instead.
 */
export function pasteBlock(
  doc: ProcessDoc,
  text: string,
  at: {
    readonly start: PasteStart;
    /** The table's rows, in the order shown. */
    readonly rows: readonly Step[];
    /** The steps in flow order. */
    readonly flow: readonly Step[];
    readonly index: MapIndex;
    readonly geometry: MapGeometry;
    readonly cells: CellContext;
  },
): {
  readonly status: string;
  /** The values refused, each with the step it was for (an added step's id too). */
  readonly problems: readonly PasteProblem[];
  /** Whether the paste wrote anything: then it is this user's latest undo step. */
  readonly wrote: boolean;
} {
  const plan = planPaste(parseTsv(text), at.start, at.rows, at.cells);
  const last = at.flow.at(-1);
  const leadsNowhere = last && last.kind !== 'end' && at.index.outgoing(last.id).length === 0;
  const lastX = at.geometry.steps.reduce((x, b) => Math.max(x, b.x), Number.NEGATIVE_INFINITY);
  const place = Number.isFinite(lastX)
    ? { x: lastX - GEOMETRY.headerWidth + GEOMETRY.columnWidth, column: GEOMETRY.columnWidth }
    : undefined;
  const { refused, created, wrote } = applyPaste(doc, plan, {
    after: leadsNowhere ? last.id : undefined,
    firstIsStart: at.flow.length === 0,
    ...(place ? { place } : {}),
  });
  const changed = plan.updates.length > 0 || plan.creates.length > 0;
  const summary = pasteSummary(plan);
  const status = refused
    ? `${summary} Stopped early: ${refused}`
    : `${summary}${changed ? ' Ctrl+Z undoes the whole paste.' : ''}`;
  const problems = plan.problems.map((p) => {
    if (p.create === undefined) return p;
    const step = created[p.create];
    return step === undefined ? p : { ...p, step };
  });
  return { status, problems, wrote };
}
