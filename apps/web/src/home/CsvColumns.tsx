import type {
  ColumnOverrides,
  CsvField,
  CsvPreview,
  CsvPreviewColumn,
  TimeUnit,
  UnitOverrides,
} from '@procmap/interop';
import { useId, useState } from 'react';
import {
  countsText,
  FIELD_NAMES,
  IGNORE,
  overrideKey,
  problemText,
  UNIT_NAMES,
  UNIT_SOURCES,
  unitChoices,
} from './review-text';

const FIELDS = Object.keys(FIELD_NAMES) as CsvField[];

/** A column's name in the preview: its header, or its place when it has none. */
const columnName = (header: string, index: number) =>
  header.trim() === '' ? `Column ${index + 1} (no header)` : header.trim();

/** A time column's unit: a menu of units, and where the unit read now comes from. */
function UnitChoice({
  column,
  name,
  onChoose,
}: {
  column: CsvPreviewColumn;
  name: string;
  onChoose: (unit: TimeUnit) => void;
}) {
  const unit = column.unit ?? 'min';
  return (
    <span className="import-columns__unit">
      <label>
        Bare numbers in:{' '}
        <select
          aria-label={`Bare numbers in “${name}”`}
          value={unit}
          onChange={(e) => onChoose(e.target.value as TimeUnit)}
          data-testid="import-unit"
        >
          {unitChoices(unit).map((u) => (
            <option key={u} value={u}>
              {UNIT_NAMES[u]}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="muted">({UNIT_SOURCES[column.unitFrom ?? 'default']})</span>
    </span>
  );
}

/**
 * A spreadsheet's preview: what it becomes, each column with the field it is read as (a menu to
 * read it as another, or ignore it, which reads the sheet again), a time column with the unit
 * of its bare numbers (a menu too), its first values, what the import approximates, and the
 * problems of its rows by row number.
 */
export function CsvColumns({
  preview,
  overrides,
  units,
  onChoose,
  onChooseUnits,
}: {
  preview: CsvPreview;
  overrides: ColumnOverrides;
  units: UnitOverrides;
  onChoose: (overrides: ColumnOverrides) => void;
  onChooseUnits: (units: UnitOverrides) => void;
}) {
  const [said, setSaid] = useState('');
  const ids = { columns: useId(), problems: useId(), notes: useId() };
  const headers = preview.columns.map((c) => c.header);
  const more = preview.problemCount - preview.problems.length;

  const choose = (index: number, value: string) => {
    const field = value === IGNORE ? null : (value as CsvField);
    onChoose({ ...overrides, [overrideKey(index, headers)]: field });
    const name = columnName(headers[index] ?? '', index);
    setSaid(`“${name}” is now ${field === null ? 'ignored' : `read as ${FIELD_NAMES[field]}`}.`);
  };
  const chooseUnit = (index: number, unit: TimeUnit) => {
    onChooseUnits({ ...units, [overrideKey(index, headers)]: unit });
    const name = columnName(headers[index] ?? '', index);
    setSaid(`Bare numbers in “${name}” are now read in ${UNIT_NAMES[unit]}.`);
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
                      <UnitChoice
                        column={c}
                        name={name}
                        onChoose={(unit) => chooseUnit(c.index, unit)}
                      />
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
      <h3 className="import-review__heading" id={ids.notes}>
        What was approximated
      </h3>
      {preview.notes.length === 0 ? (
        <p className="muted" data-testid="import-notes">
          {preview.refusal ? 'Nothing yet: choose the column of the step labels.' : 'Nothing.'}
        </p>
      ) : (
        <ul className="import-review__notes" aria-labelledby={ids.notes} data-testid="import-notes">
          {preview.notes.map((note) => (
            <li key={note.code}>{note.message}</li>
          ))}
        </ul>
      )}
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
