import { DocError, type ProcessDoc } from '@procmap/doc';
import type { StepId } from '@procmap/model';
import type { PastePlan } from './table-paste';

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

/** Runs the plan; returns the refusal's message, or null when all was written. */
export function applyPaste(doc: ProcessDoc, plan: PastePlan, chain: ChainStart): string | null {
  const writes: (() => void)[] = [];
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
    });
  });
  const [first, ...rest] = writes;
  if (!first) return null;
  try {
    first();
    const mark = doc.editMark();
    doc.amend(mark, () => {
      for (const write of rest) write();
    });
    return null;
  } catch (error) {
    if (error instanceof DocError) return error.message;
    throw error;
  }
}

/** A patch without its cleared fields: what a new step starts with. */
function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
