import type { ProcessDoc } from '@procmap/doc';
import {
  COMMENT_KINDS,
  type Comment,
  type CommentKind,
  type MapIndex,
  type Waste,
  WASTES,
} from '@procmap/model';
import { useReactFlow } from '@xyflow/react';
import { useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { runCommand } from '../panels/run-command';
import { usePresence } from '../presence/presence-store';
import { motionMs } from '../editor/motion';
import { useSession } from '../store/session-store';
import { CommentCard } from './CommentCard';
import { type CommentFilters, listComments, NO_FILTERS, placement } from './comment-list';
import { KIND_LABELS, WASTE_LABELS } from '../app/labels';
import { commentBoxHeight, commentBoxKey } from './comment-keys';
import { VoteButtons, VotingBar } from './Voting';
import './comments.css';

/** What a new comment is pinned to: the selected step or flow, else the whole map. */
function useTarget(index: MapIndex): { id: string | undefined; label: string } {
  const selection = useSession((s) => s.selection);
  if (selection.kind === 'steps' && selection.ids.length === 1) {
    const step = index.step(selection.ids[0]!);
    if (step) return { id: step.id, label: `the step “${step.label || 'Unnamed step'}”` };
  }
  if (selection.kind === 'flow') {
    const flow = index.flow(selection.id);
    if (flow) return { id: flow.id, label: 'the selected flow' };
  }
  return { id: undefined, label: 'the whole map' };
}

function AddComment({ doc, index }: { doc: ProcessDoc; index: MapIndex }) {
  const target = useTarget(index);
  const [kind, setKind] = useState<CommentKind>('pain-point');
  const [waste, setWaste] = useState<Waste | ''>('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { kind: useId(), waste: useId(), text: useId(), hint: useId() };
  const box = useRef<HTMLTextAreaElement>(null);
  // The box grows with its text (a few lines at most, then it scrolls): no line hides.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const px = (v: string) => Number.parseFloat(v) || 0;
    const padding = px(css.paddingTop) + px(css.paddingBottom);
    const chrome = padding + px(css.borderTopWidth) + px(css.borderBottomWidth);
    const line = px(css.lineHeight) || px(css.fontSize) * 1.45;
    el.style.height = 'auto';
    const content = el.scrollHeight - padding;
    const height = commentBoxHeight(content, line, chrome);
    el.style.height = `${height}px`;
    el.style.overflowY = content + chrome > height + 1 ? 'auto' : 'hidden';
  }, [text]);
  const add = () => {
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Write what you noticed first.');
      return;
    }
    const author = usePresence.getState().me?.name ?? 'Someone';
    const refused = runCommand(() => {
      doc.addComment({
        ...(target.id ? { targetId: target.id } : {}),
        kind,
        ...(waste ? { waste } : {}),
        author,
        text: trimmed,
      });
    });
    setError(refused);
    if (refused === null) setText('');
  };
  return (
    <form
      className="add-comment"
      data-testid="add-comment"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <p className="add-comment__target muted">On {target.label}</p>
      <div className="add-comment__row">
        <label htmlFor={ids.kind} className="visually-hidden">
          Kind
        </label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as CommentKind)}>
          {COMMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.waste} className="visually-hidden">
          Waste
        </label>
        <select
          id={ids.waste}
          value={waste}
          onChange={(e) => setWaste(e.target.value as Waste | '')}
        >
          <option value="">No waste</option>
          {WASTES.map((w) => (
            <option key={w} value={w}>
              {WASTE_LABELS[w]}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={ids.text} className="visually-hidden">
        Comment
      </label>
      <textarea
        id={ids.text}
        ref={box}
        rows={2}
        className="add-comment__text"
        placeholder="What hurts here, or what could be better?"
        aria-describedby={ids.hint}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          const { key, shiftKey, altKey } = e;
          const isComposing = e.nativeEvent.isComposing;
          if (commentBoxKey({ key, shiftKey, altKey, isComposing }) === 'send') {
            e.preventDefault();
            add();
          }
        }}
      />
      <p id={ids.hint} className="add-comment__hint muted" data-testid="add-comment-hint">
        <kbd>Enter</kbd> sends · <kbd>Shift+Enter</kbd> new line
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary">
        Add {KIND_LABELS[kind].toLowerCase()}
      </button>
    </form>
  );
}

/**
 * Analysts' and staff's annotations: add one to the selected step, flow or the map; filter by
 * kind, waste, status and lane; click one to see its step. Deleted steps' comments stay,
 * marked as such. An idea says which scenarios take it up, and can be linked to them.
 */
export function CommentsPanel({
  doc,
  index,
  readOnly,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  readOnly: boolean;
}) {
  // The whole map: comments, votes and the scenarios that take ideas up are the map's, whichever
  // process is shown.
  const snapshot = useSyncExternalStore(doc.map.subscribe, doc.map.getSnapshot);
  const all = snapshot.comments ?? [];
  const [filters, setFilters] = useState<CommentFilters>(NO_FILTERS);
  const shown = useMemo(() => listComments(index, all, filters), [index, all, filters]);
  const flow = useReactFlow();
  const me = usePresence((s) => s.me?.name) ?? 'Someone';
  const set = (patch: Partial<CommentFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const fid = { kind: useId(), waste: useId(), status: useId(), role: useId(), sort: useId() };

  const show = (comment: Comment) => {
    const place = placement(index, comment);
    if (place.on === 'step') {
      useSession.getState().selectSteps([place.stepId as never]);
      void flow.fitView({
        nodes: [{ id: place.stepId }],
        duration: motionMs(300),
        maxZoom: 1,
        padding: 0.6,
      });
    } else if (place.on === 'flow') {
      const f = index.flow(place.flowId as never);
      useSession.getState().selectFlow(place.flowId as never);
      if (f)
        void flow.fitView({
          nodes: [{ id: f.from }, { id: f.to }],
          duration: motionMs(300),
          maxZoom: 1,
          padding: 0.4,
        });
    }
  };

  return (
    <section aria-label="Comments" data-testid="comments-panel">
      <h2 className="panel__title">Comments</h2>
      {readOnly ? (
        <p className="panel__note">View only: you can read the comments but not add to them.</p>
      ) : (
        <AddComment doc={doc} index={index} />
      )}
      <VotingBar doc={doc} map={snapshot} readOnly={readOnly} />
      <div className="comment-filters">
        <label htmlFor={fid.status}>Show</label>
        <select
          id={fid.status}
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as CommentFilters['status'] })}
        >
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">All</option>
        </select>
        <label htmlFor={fid.kind}>Kind</label>
        <select
          id={fid.kind}
          value={filters.kind}
          onChange={(e) => set({ kind: e.target.value as CommentFilters['kind'] })}
        >
          <option value="all">All kinds</option>
          {COMMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={fid.waste}>Waste</label>
        <select
          id={fid.waste}
          value={filters.waste}
          onChange={(e) => set({ waste: e.target.value as CommentFilters['waste'] })}
        >
          <option value="all">Any waste</option>
          {WASTES.map((w) => (
            <option key={w} value={w}>
              {WASTE_LABELS[w]}
            </option>
          ))}
        </select>
        <label htmlFor={fid.role}>Lane</label>
        <select
          id={fid.role}
          value={filters.roleId}
          onChange={(e) => set({ roleId: e.target.value })}
        >
          <option value="all">All lanes</option>
          {index.lanes.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name || 'Unnamed lane'}
            </option>
          ))}
        </select>
        <label htmlFor={fid.sort}>Sort</label>
        <select
          id={fid.sort}
          value={filters.sort}
          onChange={(e) => set({ sort: e.target.value as CommentFilters['sort'] })}
        >
          <option value="newest">Newest first</option>
          <option value="votes">Most votes</option>
        </select>
      </div>
      {all.length === 0 ? (
        <p className="panel__empty" data-testid="comments-empty">
          {readOnly
            ? 'No comments yet. When someone with an edit link adds a pain point or an idea, it appears here at once.'
            : 'No comments yet. Select a step and add a pain point or an idea: everyone on the map sees it at once.'}
        </p>
      ) : shown.length === 0 ? (
        <p className="panel__empty">No comments match these filters.</p>
      ) : (
        <div className="comment-list">
          {shown.map((comment) => (
            <CommentCard
              key={comment.id}
              doc={doc}
              index={index}
              comment={comment}
              author={me}
              readOnly={readOnly}
              scenarios={snapshot.scenarios}
              onShow={show}
              voting={
                <VoteButtons doc={doc} map={snapshot} comment={comment} readOnly={readOnly} />
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}
