import type { Step, StepId } from '@procmap/model';
import type { RefusedCells } from './refused-cells';
import { type RowCommands, TableRow } from './TableRow';
import { type CellContext, COLUMNS } from './table-columns';
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
  /** How many times this edit's value was refused: each refusal selects the text again. */
  readonly refusals: number;
}

const SORT_MARK = { ascending: '▲', descending: '▼' } as const;

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
  refused,
  sort,
  readOnly,
  labelledBy,
  describedBy,
  onSort,
  commands,
}: {
  rows: readonly Step[];
  ctx: CellContext;
  active: ActiveCell;
  edit: CellEdit | null;
  /** The cells the last paste could not fill, marked until dealt with. */
  refused: RefusedCells;
  sort: TableSort;
  readOnly: boolean;
  labelledBy: string;
  describedBy: string;
  onSort(column: number): void;
  /** What a row's cells do: the same object every render, so unchanged rows skip theirs. */
  commands: RowCommands;
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
        {rows.map((step, r) => (
          <TableRow
            key={step.id}
            step={step}
            place={r}
            ctx={ctx}
            activeColumn={r === activeRow ? active.column : -1}
            edit={edit?.step === step.id ? edit : null}
            refused={refused.get(step.id)}
            readOnly={readOnly}
            commands={commands}
          />
        ))}
      </tbody>
    </table>
  );
}
