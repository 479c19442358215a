import { countSteps } from '../outline/outline-model';
import { COLUMNS } from './table-columns';
import type { TableSort } from './table-order';
import { problemId } from './refused-cells';
import type { PasteProblem } from './table-paste';

/**
 * The table's heading, what it holds, its keys, the status line (polite: each save, sort and
 * paste is said) and the values a paste could not read, each with its reason.
 */
export function TableHead({
  headingId,
  helpId,
  steps,
  lanes,
  sort,
  readOnly,
  status,
  problems,
}: {
  headingId: string;
  helpId: string;
  steps: number;
  lanes: number;
  sort: TableSort;
  readOnly: boolean;
  status: string;
  problems: readonly PasteProblem[];
}) {
  const sortedBy = sort && COLUMNS.find((c) => c.id === sort.column)?.header;
  return (
    <div className="table-view__head">
      <h2 className="table-view__title" id={headingId}>
        Table
      </h2>
      <p className="table-view__summary">
        {countSteps(steps).replace(/^./, (c) => c.toUpperCase())},{' '}
        {sortedBy ? `sorted by ${sortedBy} (${sort.direction})` : 'in flow order'}.
      </p>
      <p className="table-view__help" id={helpId}>
        {readOnly
          ? 'View only: you can read and sort this table, not change it. '
          : 'Arrow keys move between cells. Enter, F2 or typing edits a cell; Enter saves and goes down, Tab saves and goes right, Esc cancels. Paste rows copied from a spreadsheet onto a cell: rows past the last step add steps. '}
        Alt+G goes back to the map.
      </p>
      <p className="table-view__status" role="status" data-testid="table-status">
        {status}
      </p>
      {problems.length > 0 && (
        <ul
          className="table-view__problems"
          aria-label="Values not understood"
          data-testid="table-problems"
        >
          {problems.map((p) => (
            <li key={problemId(p)} id={problemId(p)}>
              Row {p.row}, {p.column} “{p.text}”: {p.message}
            </li>
          ))}
        </ul>
      )}
      {steps === 0 && (
        <div className="table-view__empty" data-testid="table-empty">
          <p>This process has no steps yet.</p>
          <p>
            {lanes === 0
              ? 'Add a lane for each role on the map first (Alt+L), then come back to fill in its steps here.'
              : readOnly
                ? 'Steps added on the map will show here.'
                : 'Paste rows copied from a spreadsheet onto a column’s header below to add them as steps, or add steps on the map.'}
          </p>
        </div>
      )}
    </div>
  );
}
