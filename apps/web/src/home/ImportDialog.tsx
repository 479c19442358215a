import type { ColumnOverrides, CsvPreview, UnitOverrides } from '@procmap/interop';
import type { ProcessMap } from '@procmap/model';
import { type FormEvent, useId, useState } from 'react';
import { createMap } from '../api/maps-api';
import { Dialog } from '../editor/Dialog';
import { CsvColumns } from './CsvColumns';
import { type ImportReview, importSheet, previewSheet } from './import-reading';
import {
  countsText,
  FORMAT_NAMES,
  refusalAdvice,
  refusalText,
  titleFromFileName,
} from './review-text';
import { openCreatedMap } from './open-created';

export type { ImportReview } from './import-reading';
export { fileText, reviewFile, tooLarge } from './import-reading';

export interface ImportDialogProps {
  readonly review: ImportReview;
  readonly onClose: () => void;
}

/** A refusal: what is wrong and where, and that nothing was created. */
function Refusal({ review }: { review: Extract<ImportReview, { kind: 'refused' }> }) {
  return (
    <>
      <p className="notice notice--error" role="alert" data-testid="import-refusal">
        {refusalText(review)}
      </p>
      <p>{refusalAdvice(review.message)}</p>
    </>
  );
}

/** What a BPMN, draw.io or procmap file becomes, and what had to be approximated. */
function MapSummary({ review }: { review: Extract<ImportReview, { kind: 'map' }> }) {
  const { map } = review;
  const scenarios = map.scenarios?.length ?? 0;
  return (
    <>
      <p data-testid="import-summary">
        This {FORMAT_NAMES[review.format]} becomes a new map with{' '}
        {countsText({ roles: map.roles.length, steps: map.steps.length, flows: map.flows.length })}
        {scenarios > 0 ? `, and ${scenarios} ${scenarios === 1 ? 'scenario' : 'scenarios'}` : ''}.
      </p>
      <h3 className="import-review__heading" id="import-notes-heading">
        {review.format === 'procmap' ? 'Warnings' : 'What was approximated'}
      </h3>
      {review.notes.length > 0 ? (
        <ul
          className="import-review__notes"
          aria-labelledby="import-notes-heading"
          data-testid="import-notes"
        >
          {review.notes.map((note, i) => (
            // Notes are sentences; two may read the same.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="import-notes">
          Nothing: everything in the file has its place in the map.
        </p>
      )}
    </>
  );
}

/**
 * The review before a map is created from a file: what it becomes and what was approximated
 * (for a spreadsheet, how each column is read, which can be changed, and the rows' problems),
 * then Create map or Cancel. A refusal says what is wrong and where; nothing is created.
 */
export function ImportDialog({ review, onClose }: ImportDialogProps) {
  const [title, setTitle] = useState(() =>
    review.kind === 'map'
      ? review.map.title.trim() || titleFromFileName(review.name)
      : titleFromFileName(review.name),
  );
  const [overrides, setOverrides] = useState<ColumnOverrides>({});
  const [units, setUnits] = useState<UnitOverrides>({});
  const [preview, setPreview] = useState<CsvPreview | null>(
    review.kind === 'csv' ? review.preview : null,
  );
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState('');
  const titleId = useId();

  const choose = (next: ColumnOverrides) => {
    if (review.kind !== 'csv') return;
    setOverrides(next);
    setPreview(previewSheet(review.text, next, units));
    setError('');
  };
  const chooseUnits = (next: UnitOverrides) => {
    if (review.kind !== 'csv') return;
    setUnits(next);
    setPreview(previewSheet(review.text, overrides, next));
    setError('');
  };

  const refusal = preview?.refusal;
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (creating || review.kind === 'refused' || refusal) return;
    setCreating(true);
    setError('');
    try {
      let map: ProcessMap;
      if (review.kind === 'csv') {
        const imported = await importSheet(
          review.name,
          review.text,
          { columns: overrides, units },
          title.trim(),
        );
        if (!imported.ok) {
          setError(refusalText(imported));
          setCreating(false);
          return;
        }
        map = imported.map;
      } else map = review.map;
      const name = title.trim() || titleFromFileName(review.name) || 'Imported map';
      openCreatedMap(await createMap({ ...map, title: name }));
    } catch (e) {
      setError(`The map could not be created: ${e instanceof Error ? e.message : String(e)}`);
      setCreating(false);
    }
  };

  if (review.kind === 'refused') {
    return (
      <Dialog
        title={review.name ? `“${review.name}” cannot be imported` : 'Nothing was imported'}
        onClose={onClose}
        testId="import-dialog"
      >
        <Refusal review={review} />
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            OK
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Import “${review.name}”`} onClose={onClose} testId="import-dialog">
      <form className="import-review" onSubmit={create}>
        {review.kind === 'map' ? (
          <MapSummary review={review} />
        ) : (
          preview && (
            <CsvColumns
              preview={preview}
              overrides={overrides}
              units={units}
              onChoose={choose}
              onChooseUnits={chooseUnits}
            />
          )
        )}
        <div className="import-review__title">
          <label htmlFor={titleId}>Title of the new map</label>
          <input id={titleId} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        {(error || refusal) && (
          <p className="notice notice--error" role="alert" data-testid="import-error">
            {error || (refusal ? refusalText(refusal) : '')}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={refusal !== undefined}
            aria-disabled={creating || undefined}
          >
            {creating ? 'Creating…' : 'Create map'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
