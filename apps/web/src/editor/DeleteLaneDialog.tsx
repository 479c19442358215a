import type { RoleId } from '@procmap/model';
import { useId, useState } from 'react';
import { useSession } from '../store/session-store';
import { Dialog } from './Dialog';
import type { KeyContext } from './keyboard-commands';
import { runOrHint } from './run-or-hint';

/**
 * Deleting a lane that still has steps: the user chooses where they go — another lane (the
 * default, so nothing is lost by pressing Enter) or away with the lane. One undoable edit.
 */
export function DeleteLaneDialog({
  ctx,
  id,
  onClose,
}: {
  ctx: KeyContext;
  id: RoleId;
  onClose: () => void;
}) {
  const lanes = ctx.geometry.lanes;
  const at = lanes.findIndex((l) => l.role.id === id);
  const lane = lanes[at];
  const others = lanes.filter((l) => l.role.id !== id);
  const nearest = lanes[at - 1] ?? lanes[at + 1];
  const [choice, setChoice] = useState<'move' | 'delete'>(others.length > 0 ? 'move' : 'delete');
  const [target, setTarget] = useState<string>(nearest?.role.id ?? '');
  const selectId = useId();
  if (!lane) return null; // deleted meanwhile, by a colleague
  const count = ctx.index.stepsByRole(id).length;
  const one = count === 1;
  const steps = `${count} ${one ? 'step' : 'steps'}`;
  const name = lane.role.name || 'Unnamed lane';

  const confirm = () => {
    runOrHint(() => {
      const targetLane = others.find((l) => l.role.id === target);
      if (choice === 'move' && targetLane) ctx.doc.deleteRole(id, { moveTo: targetLane.role.id });
      else ctx.doc.deleteRole(id, 'delete');
      useSession.getState().clearSelection();
    });
    onClose();
  };

  return (
    <Dialog title={`Delete the lane “${name}”?`} onClose={onClose} testId="delete-lane-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <p>
          It has {steps}. Where should {one ? 'it' : 'they'} go?
        </p>
        <fieldset className="choices">
          <legend className="visually-hidden">What happens to the steps</legend>
          <label className="choice">
            <input
              type="radio"
              name="lane-steps"
              checked={choice === 'move'}
              disabled={others.length === 0}
              onChange={() => setChoice('move')}
            />
            Move {one ? 'it' : 'them'} to another lane
          </label>
          {choice === 'move' && others.length > 0 && (
            <div className="choice__detail">
              <label htmlFor={selectId}>Move to</label>
              <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
                {others.map((l) => (
                  <option key={l.role.id} value={l.role.id}>
                    {l.role.name || 'Unnamed lane'}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label className="choice">
            <input
              type="radio"
              name="lane-steps"
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
            />
            {one ? 'Delete it too, with its flows' : 'Delete them too, with their flows'}
          </label>
        </fieldset>
        <p className="muted">You can undo this with Ctrl+Z.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {/* biome-ignore lint/a11y/noAutofocus: the dialog's answer is this button; Enter confirms */}
          <button type="submit" className="button button--danger" autoFocus>
            {choice === 'move' ? `Delete lane, move ${steps}` : `Delete lane and ${steps}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
