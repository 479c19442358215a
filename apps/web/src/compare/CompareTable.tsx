import type { CompareColumn } from './compare-cache';
import type { FigureCell, FigureRow } from './compare-model';

/** One figure, and for a scenario its change from the as-is said in an arrow and in words. */
function Cell({ cell }: { cell: FigureCell }) {
  return (
    <td className="compare-cell" data-verdict={cell.verdict}>
      <span className="compare-cell__figure">{cell.text}</span>
      {cell.words && (
        <span className={`compare-cell__change compare-verdict--${cell.verdict}`}>
          {cell.change ? `${cell.change}, ` : ''}
          {cell.words}
        </span>
      )}
    </td>
  );
}

/**
 * A table of figures: a row per metric (or role), a column per process, the as-is first; row
 * and column headers so a screen reader says which figure is which.
 */
export function CompareTable({
  caption,
  columns,
  rows,
  rowHead,
  testId,
}: {
  caption: string;
  columns: readonly CompareColumn[];
  rows: readonly FigureRow[];
  rowHead: string;
  testId: string;
}) {
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHead}</th>
            {columns.map((c) => (
              <th key={c.id} scope="col" data-process={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row" title={row.hint}>
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <Cell key={columns[i]?.id ?? i} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
