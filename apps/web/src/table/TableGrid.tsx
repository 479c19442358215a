import type { Step, StepId } from '@procmap/model';
import { CellEditor, type EditEnd } from './CellEditor';
import { type CellContext, COLUMNS, cellText, optionsOf } from './table-columns';
import type { TableSort } from './table-order';

/** The cell that has the grid's one Tab stop: a step's (by id) or a header's (`step` null). */
export interface ActiveCell {
  readonly step: StepId | null;
  readonly column: number;
}

/** A cell being edited: what is typed so far, and why it was refused if it was. */
export interface CellEdit {
  readonly step: StepId;
  readonly column: number;
  readonly draft: string;
  readonly error: string | null;
  readonly caretAtEnd: boolean;
}

const SORT_MARK = { ascending: '▲', descending: '▼' } as const;

/** The id of a cell's error message (row and column numbers: step ids are any text). */
const errorIdOf = (row: number, column: number) => `table-error-${row}-${column}`;

/** A step's name for the fields' and messages' words, never empty. */
export const rowName = (step: Step) => step.label.trim().replace(/\s+/g, ' ') || 'Unnamed step';

/**
 * The grid itself: a header row whose cells sort, then one row per step. One cell at a time is
 * in the Tab order (roving tabindex); a cell being edited holds its field, and under it the
 * reason a value was refused, which the field names as its description.
 */
export function TableGrid({
  rows,
  ctx,
  active,
  edit,
  sort,
  readOnly,
  labelledBy,
  describedBy,
  onSort,
  onStartEdit,
  onDraft,
  onEnd,
  onLeave,
}: {
  rows: readonly Step[];
  ctx: CellContext;
  active: ActiveCell;
  edit: CellEdit | null;
  sort: TableSort;
  readOnly: boolean;
  labelledBy: string;
  describedBy: string;
  onSort(column: number): void;
  onStartEdit(step: StepId, column: number): void;
  onDraft(text: string): void;
  onEnd(end: EditEnd): void;
  onLeave(): void;
}) {
  const activeRow = active.step === null ? -1 : rows.findIndex((s) => s.id === active.step);
  return (
    <table
      className="table-grid"
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid (ARIA grid pattern): one Tab stop, arrows between cells, cells edited in place
      role="grid"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-readonly={readOnly || undefined}
      data-testid="table-grid"
    >
      <thead>
        <tr aria-rowindex={1}>
          {COLUMNS.map((column, c) => {
            const sorted = sort?.column === column.id ? sort.direction : undefined;
            const isActive = active.step === null && active.column === c;
            return (
              <th
                key={column.id}
                scope="col"
                aria-colindex={c + 1}
                aria-sort={sorted}
                className={`table-grid__head table-grid__col--${column.id}`}
              >
                <button
                  type="button"
                  className="table-grid__sort"
                  tabIndex={isActive ? 0 : -1}
                  data-column={c}
                  data-testid="table-sort"
                  onClick={() => onSort(c)}
                >
                  {column.header}
                  <span className="table-grid__sort-mark" aria-hidden="true">
                    {sorted ? SORT_MARK[sorted] : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((step, r) => {
          const name = rowName(step);
          return (
            <tr key={step.id} aria-rowindex={r + 2} data-step-id={step.id} data-testid="table-row">
              {COLUMNS.map((column, c) => {
                const isActive = r === activeRow && active.column === c;
                const editing = edit && edit.step === step.id && edit.column === c ? edit : null;
                const errorId = editing?.error ? errorIdOf(r, c) : undefined;
                const Cell = column.id === 'label' ? 'th' : 'td';
                return (
                  <Cell
                    key={column.id}
                    role={column.id === 'label' ? 'rowheader' : 'gridcell'}
                    {...(column.id === 'label' ? { scope: 'row' } : {})}
                    aria-colindex={c + 1}
                    aria-describedby={errorId}
                    tabIndex={isActive && !editing ? 0 : -1}
                    className={`table-grid__cell table-grid__col--${column.id}${editing ? ' is-editing' : ''}${errorId ? ' has-error' : ''}`}
                    data-column={c}
                    data-testid={`cell-${column.id}`}
                    onDoubleClick={() => !readOnly && onStartEdit(step.id, c)}
                  >
                    {editing ? (
                      <CellEditor
                        column={column}
                        name={`${column.header}, ${name}`}
                        draft={editing.draft}
                        options={optionsOf(column.id, ctx)}
                        caretAtEnd={editing.caretAtEnd}
                        errorId={errorId}
                        invalid={editing.error !== null}
                        onDraft={onDraft}
                        onEnd={onEnd}
                        onLeave={onLeave}
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
        })}
      </tbody>
    </table>
  );
}
