import type { ColumnOverrides, CsvField, CsvPreview } from '@procmap/interop';
import { useId, useState } from 'react';
import {
  countsText,
  FIELD_NAMES,
  IGNORE,
  overrideKey,
  problemText,
  UNIT_NAMES,
} from './review-text';

const FIELDS = Object.keys(FIELD_NAMES) as CsvField[];

/** A column's name in the preview: its header, or its place when it has none. */
const columnName = (header: string, index: number) =>
  header.trim() === '' ? `Column ${index + 1} (no header)` : header.trim();

/**
 * A spreadsheet's preview: what it becomes, each column with the field it is read as (a menu to
 * read it as another, or ignore it, which reads the sheet again) and its first values, and the
 * problems of its rows by row number.
 */
export function CsvColumns({
  preview,
  overrides,
  onChoose,
}: {
  preview: CsvPreview;
  overrides: ColumnOverrides;
  onChoose: (overrides: ColumnOverrides) => void;
}) {
  const [said, setSaid] = useState('');
  const ids = { columns: useId(), problems: useId() };
  const headers = preview.columns.map((c) => c.header);
  const more = preview.problemCount - preview.problems.length;

  const choose = (index: number, value: string) => {
    const field = value === IGNORE ? null : (value as CsvField);
    onChoose({ ...overrides, [overrideKey(index, headers)]: field });
    const name = columnName(headers[index] ?? '', index);
    setSaid(`“${name}” is now ${field === null ? 'ignored' : `read as ${FIELD_NAMES[field]}`}.`);
  };

  return (
    <>
      <p data-testid="import-summary">
        {preview.rowCount.toLocaleString('en-GB')} {preview.rowCount === 1 ? 'row' : 'rows'} read.
        {preview.refusal
          ? ' Nothing can be imported as the columns are read now.'
          : ` This spreadsheet becomes a new map with ${countsText(preview.counts)}.`}
      </p>
      {/* What a change of a column did, for screen readers: the table itself changes silently. */}
      <p className="visually-hidden" role="status" data-testid="import-column-status">
        {said && `${said} ${preview.refusal ? '' : `The map: ${countsText(preview.counts)}.`}`}
      </p>
      <h3 className="import-review__heading" id={ids.columns}>
        How each column is read
      </h3>
      <div className="import-review__scroll">
        <table className="import-columns" aria-labelledby={ids.columns}>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Read as</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => {
              const name = columnName(c.header, c.index);
              return (
                <tr key={c.index} data-testid="import-column">
                  <th scope="row" className="import-columns__name">
                    {name}
                  </th>
                  <td>
                    <select
                      aria-label={`Read “${name}” as`}
                      value={c.field ?? IGNORE}
                      onChange={(e) => choose(c.index, e.target.value)}
                    >
                      <option value={IGNORE}>Ignored</option>
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_NAMES[f]}
                        </option>
                      ))}
                    </select>
                    {c.unit && (
                      <span className="import-columns__unit muted">
                        Bare numbers in {UNIT_NAMES[c.unit] ?? c.unit}
                      </span>
                    )}
                  </td>
                  <td className="import-columns__samples">
                    {c.samples.length > 0 ? (
                      c.samples.join(' · ')
                    ) : (
                      <span className="muted">(empty)</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 className="import-review__heading" id={ids.problems}>
        Problems in the rows
      </h3>
      {preview.problems.length === 0 ? (
        <p className="muted" data-testid="import-problems">
          None found.
        </p>
      ) : (
        <ul
          className="import-review__notes import-review__problems"
          aria-labelledby={ids.problems}
          data-testid="import-problems"
        >
          {preview.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row can have two problems alike
            <li key={i}>{problemText(p)}</li>
          ))}
          {more > 0 && <li>… and {more.toLocaleString('en-GB')} more.</li>}
        </ul>
      )}
    </>
  );
}
