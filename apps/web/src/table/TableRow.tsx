import type { Step, StepId } from '@procmap/model';
import { memo } from 'react';
import { CellEditor, type EditEnd } from './CellEditor';
import type { CellEdit } from './TableGrid';
import { type CellContext, COLUMNS, cellText, optionsOf } from './table-columns';

/** What a row's cells do; the grid hands every row the same object. */
export interface RowCommands {
  startEdit(step: StepId, column: number): void;
  draft(text: string): void;
  end(end: EditEnd): void;
  leave(): void;
}

/** The id of a cell's error message (row and column numbers: step ids are any text). */
const errorIdOf = (row: number, column: number) => `table-error-${row}-${column}`;

/** A step's name for the fields' and messages' words, never empty. */
export const rowName = (step: Step) => step.label.trim().replace(/\s+/g, ' ') || 'Unnamed step';

/**
 * One step's row: its name is the row's header, every other value a grid cell. Redrawn only
 * when its step, its place, its active cell or its edit changes: typing in one cell of a long
 * table redraws that row alone.
 */
export const TableRow = memo(function TableRow({
  step,
  place,
  ctx,
  activeColumn,
  edit,
  refused,
  readOnly,
  commands,
}: {
  step: Step;
  /** Its place among the rows shown, from 0. */
  place: number;
  ctx: CellContext;
  /** The column of the grid's Tab stop when it is in this row, else -1. */
  activeColumn: number;
  /** The edit in this row, if any. */
  edit: CellEdit | null;
  /** This row's cells a paste could not fill: column to the id of the reason's line. */
  refused: ReadonlyMap<number, string> | undefined;
  readOnly: boolean;
  commands: RowCommands;
}) {
  const name = rowName(step);
  return (
    <tr aria-rowindex={place + 2} data-step-id={step.id} data-testid="table-row">
      {COLUMNS.map((column, c) => {
        const editing = edit?.column === c ? edit : null;
        const errorId = editing?.error ? errorIdOf(place, c) : undefined;
        const refusedId = editing ? undefined : refused?.get(c);
        const Cell = column.id === 'label' ? 'th' : 'td';
        return (
          <Cell
            key={column.id}
            role={column.id === 'label' ? 'rowheader' : 'gridcell'}
            {...(column.id === 'label' ? { scope: 'row' } : {})}
            aria-colindex={c + 1}
            aria-describedby={errorId ?? refusedId}
            aria-invalid={refusedId ? true : undefined}
            tabIndex={activeColumn === c && !editing ? 0 : -1}
            className={`table-grid__cell table-grid__col--${column.id}${editing ? ' is-editing' : ''}${refusedId ? ' is-refused' : ''}`}
            data-column={c}
            data-testid={`cell-${column.id}`}
            onDoubleClick={() => !readOnly && commands.startEdit(step.id, c)}
          >
            {editing ? (
              <CellEditor
                column={column}
                name={`${column.header}, ${name}`}
                draft={editing.draft}
                options={optionsOf(column.id, ctx)}
                caretAtEnd={editing.caretAtEnd}
                refusals={editing.refusals}
                errorId={errorId}
                invalid={editing.error !== null}
                onDraft={commands.draft}
                onEnd={commands.end}
                onLeave={commands.leave}
              />
            ) : (
              <span className="table-grid__text">{cellText(column.id, step, ctx)}</span>
            )}
            {errorId && (
              <span className="table-grid__error" id={errorId} role="alert">
                {editing?.error}
              </span>
            )}
          </Cell>
        );
      })}
    </tr>
  );
});
