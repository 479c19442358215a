import type { ProcessDoc } from '@procmap/doc';
import type { MapIndex, StepId } from '@procmap/model';
import { runCommand } from '../panels/run-command';
import { rowName } from './TableRow';
import { savedWords } from './cell-words';
import { type CellContext, COLUMNS, cellText, changes, parseCell } from './table-columns';

/** What saving a cell did: why it was refused, or what it saved (for the status line). */
export interface CellCommit {
  readonly error?: string;
  readonly saved?: string;
}

/**
 * Saves a cell's text as ONE command on the process shown (so one undo step for this user, and
 * live for colleagues): a lane change moves the step, any other column patches it. A value
 * typed again writes nothing; a refused one writes nothing and says why.
 */
export function useCellCommit(doc: ProcessDoc, index: MapIndex, ctx: CellContext) {
  return (id: StepId, column: number, text: string): CellCommit => {
    const step = index.step(id);
    const col = COLUMNS[column];
    if (!step || !col) return {};
    if (!col.clearable && text.trim() === '') {
      return { error: `A step always has a ${col.header.toLowerCase()}: pick one.` };
    }
    const write = parseCell(col.id, text, step, ctx);
    if (!write.ok) return { error: write.message };
    if (!changes(write, step)) return {};
    const refused = runCommand(() => {
      if ('role' in write) doc.moveStepToRole(step.id, write.role);
      else doc.updateStep(step.id, write.patch);
    });
    if (refused !== null) return { error: refused };
    const after = doc.getSnapshot().steps.find((s) => s.id === id);
    const shown = after ? cellText(col.id, after, ctx) : '';
    return {
      saved: savedWords({
        header: col.header,
        renamed: col.id === 'label',
        before: rowName(step),
        after: rowName(after ?? step),
        shown,
      }),
    };
  };
}
