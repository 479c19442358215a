import type { ProcessDoc } from '@procmap/doc';
import {
  type Comment,
  type CommentId,
  isVotable,
  type ProcessMap,
  votesBy,
  votesLeft,
  votesPerPerson,
} from '@procmap/model';
import { useId, useState } from 'react';
import { Dialog } from '../editor/Dialog';
import { runCommand } from '../panels/run-command';
import { usePresence } from '../presence/presence-store';
import { useSession } from '../store/session-store';
import { resetVotesQuestion, totalVotes } from './comment-keys';

/**
 * Votes on one pain point or idea: place one, take one back; what this person has on it. `map` is
 * the whole map (votes and their allowance are the map's, whichever process is shown).
 */
export function VoteButtons({
  doc,
  map,
  comment,
  readOnly,
}: {
  doc: ProcessDoc;
  map: ProcessMap;
  comment: Comment;
  readOnly: boolean;
}) {
  const voter = usePresence((s) => s.me?.id);
  if (!isVotable(comment.kind) || readOnly || !voter) return null;
  const mine = votesBy(comment, voter);
  const left = votesLeft(map, voter);
  const cast = (delta: 1 | -1) => {
    const refused = runCommand(() => {
      doc.vote(comment.id as CommentId, voter, delta);
    });
    if (refused) useSession.getState().setHint(refused);
  };
  return (
    <div className="vote-buttons">
      <button
        type="button"
        className="button"
        disabled={left === 0}
        title={left === 0 ? 'You have used all your votes' : 'Place one of your votes here'}
        onClick={() => cast(1)}
      >
        + Vote
      </button>
      {mine > 0 && (
        <>
          <button type="button" className="button button--quiet" onClick={() => cast(-1)}>
            Take back
          </button>
          <span className="muted" data-testid="my-votes">
            Yours: {mine}
          </span>
        </>
      )}
    </div>
  );
}

/** The dot-vote's state for this person, and the facilitator's controls. */
export function VotingBar({
  doc,
  map,
  readOnly,
}: {
  doc: ProcessDoc;
  map: ProcessMap;
  readOnly: boolean;
}) {
  const voter = usePresence((s) => s.me?.id);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const perPersonId = useId();
  const allowance = votesPerPerson(map);
  const left = voter ? votesLeft(map, voter) : 0;
  const votable = (map.comments ?? []).some((c) => isVotable(c.kind));
  const placed = totalVotes(map.comments ?? []);
  if (!votable) return null;
  const reset = () => {
    setConfirming(false);
    setMessage(
      runCommand(() => {
        const cleared = doc.resetVotes();
        useSession
          .getState()
          .setHint(
            `Cleared ${cleared} ${cleared === 1 ? 'vote' : 'votes'}. Ctrl+Z brings them back.`,
          );
      }),
    );
  };
  return (
    <div className="voting-bar" data-testid="voting-bar">
      <p>
        <strong data-testid="votes-left">
          {left} of {allowance}
        </strong>{' '}
        votes left to place on the pain points and ideas.
      </p>
      {!readOnly && (
        <div className="voting-bar__facilitator">
          <label htmlFor={perPersonId}>Votes each</label>
          <input
            id={perPersonId}
            type="number"
            min={0}
            max={99}
            value={allowance}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (!Number.isInteger(n) || n < 0 || n > 99) return;
              setMessage(runCommand(() => doc.map.updateSettings({ votesPerPerson: n })));
            }}
          />
          <button
            type="button"
            className="button"
            disabled={placed === 0}
            title={
              placed === 0 ? 'No votes placed yet' : 'Clear every vote for a new round (asks first)'
            }
            onClick={() => setConfirming(true)}
          >
            Reset votes…
          </button>
        </div>
      )}
      {confirming && (
        <Dialog
          title="Reset votes?"
          onClose={() => setConfirming(false)}
          testId="reset-votes-dialog"
        >
          <p className="reset-votes__question">{resetVotesQuestion(placed)}</p>
          <p className="muted">Ctrl+Z brings them back if you change your mind.</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={reset}>
              Clear {placed} {placed === 1 ? 'vote' : 'votes'}
            </button>
          </div>
        </Dialog>
      )}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
