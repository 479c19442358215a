import type { CrossedEdit } from '@procmap/doc';
import type { RoleId, StepId } from '@procmap/model';
import { useEffect, useState } from 'react';
import type { MapConnection } from './map-connection';

/** At most this many are listed; the rest are counted. */
const SHOWN = 5;

function sentence(edit: CrossedEdit): string {
  const what = edit.record === 'step' ? 'step' : 'lane';
  if (edit.kind === 'deleted') {
    return `The ${what} you renamed “${edit.mine}” was deleted by someone else while you were offline.`;
  }
  return `Someone else renamed a ${what} at the same time as you: “${edit.kept}” was kept, not your “${edit.mine}”.`;
}

/**
 * Tells this person when a merge dropped one of their renames (see CrossedEditWatcher), with
 * the name that was kept; a dropped rename can be put back with one click.
 */
export function CrossedEditsNotice({
  connection,
  readOnly,
}: {
  connection: MapConnection;
  readOnly: boolean;
}) {
  const [edits, setEdits] = useState<readonly CrossedEdit[]>([]);
  useEffect(
    () => connection.crossed.onCrossed((more) => setEdits((now) => [...now, ...more])),
    [connection],
  );
  if (edits.length === 0) return null;
  const dismiss = (edit: CrossedEdit) => setEdits((now) => now.filter((e) => e !== edit));
  const restoreMine = (edit: CrossedEdit) => {
    if (edit.record === 'step') connection.doc.updateStep(edit.id as StepId, { label: edit.mine });
    else connection.doc.renameRole(edit.id as RoleId, edit.mine);
    dismiss(edit);
  };
  return (
    <div className="banner banner--crossed" role="status" data-testid="crossed-edits">
      <ul>
        {edits.slice(0, SHOWN).map((edit, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows at its end
          <li key={i}>
            {sentence(edit)}{' '}
            {edit.kind === 'renamed' && !readOnly && (
              <button type="button" className="link-button" onClick={() => restoreMine(edit)}>
                Use “{edit.mine}”
              </button>
            )}
          </li>
        ))}
      </ul>
      {edits.length > SHOWN && <p>…and {edits.length - SHOWN} more.</p>}
      <button type="button" className="button" onClick={() => setEdits([])}>
        Dismiss
      </button>
    </div>
  );
}
