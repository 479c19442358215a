import type { ProcessDoc } from '@procmap/doc';
import type { Comment, CommentId, MapIndex, Scenario } from '@procmap/model';
import { useId, useState } from 'react';
import { runCommand } from '../panels/run-command';
import { placement, voteCount } from './comment-list';
import { KIND_LABELS, WASTE_LABELS } from '../app/labels';
import { KIND_SYMBOLS } from './comment-marks';
import { IdeaScenarios } from './IdeaScenarios';

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString('en-GB', {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      });
};

/** One comment: what it says, where it is pinned, its thread, and what can be done with it. */
export function CommentCard({
  doc,
  index,
  comment,
  author,
  readOnly,
  scenarios,
  onShow,
  voting,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  comment: Comment;
  author: string;
  readOnly: boolean;
  /** The map's scenarios, for an idea: which take it up. */
  scenarios?: readonly Scenario[];
  onShow: (comment: Comment) => void;
  voting?: React.ReactNode;
}) {
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const replyId = useId();
  const place = placement(index, comment);
  const id = comment.id as CommentId;
  const run = (fn: () => void) => setError(runCommand(fn));
  const votes = voteCount(comment);

  return (
    <article
      className={`comment comment--${comment.kind}${comment.resolved ? ' is-resolved' : ''}`}
      data-testid="comment"
      data-kind={comment.kind}
      data-comment-id={comment.id}
    >
      <header className="comment__header">
        <span className={`chip chip--${comment.kind}`} data-testid="comment-kind">
          <span className="chip__symbol" aria-hidden="true">
            {KIND_SYMBOLS[comment.kind]}
          </span>
          {KIND_LABELS[comment.kind]}
        </span>
        {comment.waste && <span className="chip chip--waste">{WASTE_LABELS[comment.waste]}</span>}
        {comment.resolved && <span className="chip">Resolved</span>}
        {votes > 0 && (
          <span className="comment__votes" data-testid="vote-count">
            {votes} {votes === 1 ? 'vote' : 'votes'}
          </span>
        )}
      </header>
      <p className="comment__text">{comment.text}</p>
      <p className="comment__meta muted">
        {comment.author || 'Someone'} · {when(comment.createdAt)} ·{' '}
        {place.on === 'map' ? (
          'on the map'
        ) : place.on === 'orphan' ? (
          <span className="comment__orphan" data-testid="orphaned">
            its step or flow was deleted
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => onShow(comment)}>
            on {place.label || 'Unnamed step'}
          </button>
        )}
      </p>
      {(comment.replies ?? []).length > 0 && (
        <ol className="comment__replies">
          {(comment.replies ?? []).map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: replies are append-only; position is identity
            <li key={i} data-testid="reply">
              <span className="comment__reply-author">{r.author || 'Someone'}</span> {r.text}
            </li>
          ))}
        </ol>
      )}
      {comment.kind === 'idea' && (
        <IdeaScenarios
          doc={doc}
          commentId={comment.id}
          scenarios={scenarios}
          readOnly={readOnly}
          onError={setError}
        />
      )}
      {voting}
      {!readOnly && (
        <div className="comment__actions">
          <form
            className="comment__reply-form"
            onSubmit={(e) => {
              e.preventDefault();
              const text = reply.trim();
              if (!text) return;
              run(() => doc.addReply(id, { author, text }));
              setReply('');
            }}
          >
            <label htmlFor={replyId} className="visually-hidden">
              Reply
            </label>
            <input
              id={replyId}
              placeholder="Reply…"
              value={reply}
              onChange={(e) => setReply(e.target.value)}
            />
          </form>
          <button
            type="button"
            className="button"
            onClick={() => run(() => doc.updateComment(id, { resolved: !comment.resolved }))}
          >
            {comment.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-label="Delete comment"
            title="Delete comment (Ctrl+Z brings it back)"
            onClick={() => run(() => doc.deleteComment(id))}
          >
            Delete
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
