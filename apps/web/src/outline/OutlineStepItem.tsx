import type { Finding } from '@procmap/analysis';
import type { StepId } from '@procmap/model';
import { type KeyboardEvent, type MouseEvent, memo, type ReactNode, useMemo } from 'react';
import { KIND_LABELS } from '../app/labels';
import type { Editing } from '../store/session-store';
import { stepHeadingId } from './outline-ids';
import { type CommentGroups, type OutlineLink, type OutlineStep, stepFacts } from './outline-model';
import { RenameField } from './RenameField';

const SEVERITY_WORDS: Readonly<Record<Finding['severity'], string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Note',
};

/** What the outline does for a step; each takes the step's id. */
export interface StepCommands {
  follow(to: StepId): void;
  rename(id: StepId): void;
  addAfter(id: StepId): void;
  connect(id: StepId): void;
  remove(id: StepId): void;
  saveName(id: StepId, name: string): void;
  cancelName(id: StepId): void;
}

/** "Previous:" or "Next:" and its links, or what it means to have none. */
function Links({
  term,
  links,
  none,
  follow,
}: {
  term: string;
  links: readonly OutlineLink[];
  none: string;
  follow: (to: StepId) => void;
}) {
  return (
    <p className="outline-step__links">
      <span className="outline-step__term">{term}</span>{' '}
      {links.length === 0 ? (
        <span className="outline-step__none">{none}</span>
      ) : (
        links.map((l, i) => (
          <span key={l.flowId}>
            {i > 0 && ', '}
            <a
              href={`#${stepHeadingId(l.stepId)}`}
              className={l.loop ? 'outline-step__loop' : undefined}
              // In-page: the map's link keeps its token in the address, so it is never changed.
              onClick={(e: MouseEvent) => {
                e.preventDefault();
                follow(l.stepId);
              }}
            >
              {l.loop && <span aria-hidden="true">↩ </span>}
              {l.text}
            </a>
          </span>
        ))
      )}
    </p>
  );
}

/** One step of the outline: its name, kind, flows as links, data, findings, comments, edits. */
export const OutlineStepItem = memo(function OutlineStepItem({
  item,
  hoursPerDay,
  findings,
  comments,
  readOnly,
  selected,
  renaming,
  picker,
  drafts,
  commands,
}: {
  item: OutlineStep;
  hoursPerDay: number;
  findings: readonly Finding[];
  comments: CommentGroups;
  readOnly: boolean;
  selected: boolean;
  renaming: Editing;
  /** The "Connect to…" picker, while it is open on this step. */
  picker: ReactNode;
  drafts: Map<string, string>;
  commands: StepCommands;
}) {
  const { id, name, step } = item;
  const headingId = stepHeadingId(id);
  const facts = useMemo(() => stepFacts(step, hoursPerDay), [step, hoursPerDay]);

  // The step's keys, on its heading or its buttons (not in its links or fields).
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (readOnly || event.defaultPrevented || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const onHeading = target.id === headingId;
    if (!onHeading && !target.closest('.outline-step__actions')) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    let handled = true;
    if (event.key === 'F2' && plain) commands.rename(id);
    else if (event.key === 'Delete' && plain) commands.remove(id);
    else if (event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey) {
      commands.connect(id);
    } else if (event.key === 'Enter' && plain && onHeading) commands.addAfter(id);
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <li
      className={`outline-step${selected ? ' is-selected' : ''}`}
      data-step-id={id}
      data-testid="outline-step"
      aria-current={selected ? 'true' : undefined}
      onKeyDown={onKeyDown}
    >
      <h4 className="outline-step__name" id={headingId} tabIndex={-1}>
        {name}
      </h4>
      <p className="outline-step__kind">{item.kind}</p>
      {renaming && !readOnly && (
        <RenameField
          label={`New name for ${name}`}
          initial={step.label}
          typed={renaming.typed}
          drafts={drafts}
          draftKey={id}
          onSave={(value) => commands.saveName(id, value)}
          onCancel={() => commands.cancelName(id)}
        />
      )}
      <Links
        term="Previous:"
        links={item.previous}
        none={step.kind === 'start' ? 'none, a case starts here' : 'none'}
        follow={commands.follow}
      />
      <Links
        term="Next:"
        links={item.next}
        none={step.kind === 'end' ? 'none, a case ends here' : 'none'}
        follow={commands.follow}
      />
      {facts.length > 0 && (
        <dl className="outline-step__facts">
          {facts.map((f) => (
            <div key={f.term} className="outline-step__fact">
              <dt>{f.term}:</dt> <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {findings.length > 0 && (
        <>
          <p className="outline-step__term" id={`${headingId}-findings`} aria-hidden="true">
            {findings.length === 1 ? '1 finding' : `${findings.length} findings`}
          </p>
          <ul className="outline-step__notes" aria-labelledby={`${headingId}-findings`}>
            {findings.map((f) => (
              <li key={`${f.rule}|${f.message}`} data-severity={f.severity}>
                <span className="outline-step__severity">{SEVERITY_WORDS[f.severity]}:</span>{' '}
                {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {comments.length > 0 && (
        <>
          <p className="outline-step__term" id={`${headingId}-comments`} aria-hidden="true">
            Open comments
          </p>
          <ul className="outline-step__notes" aria-labelledby={`${headingId}-comments`}>
            {comments.flatMap((group) =>
              group.comments.map((c) => (
                <li key={c.id} data-kind={c.kind}>
                  <span className="outline-step__severity">{KIND_LABELS[group.kind]}:</span>{' '}
                  {c.text}
                  {c.author ? <span className="outline-step__author"> — {c.author}</span> : null}
                </li>
              )),
            )}
          </ul>
        </>
      )}
      {!readOnly && (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset's legend would be read again as text
        <div className="outline-step__actions" role="group" aria-label={`Edit ${name}`}>
          <button type="button" className="button" onClick={() => commands.rename(id)}>
            Rename<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button" onClick={() => commands.addAfter(id)}>
            Add after<span className="visually-hidden"> {name}</span>
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={!!picker}
            id={`${headingId}-connect`}
            onClick={() => commands.connect(id)}
            data-testid="outline-connect"
          >
            Connect to…<span className="visually-hidden"> (from {name})</span>
          </button>
          <button
            type="button"
            className="button outline-step__delete"
            onClick={() => commands.remove(id)}
          >
            Delete<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}
      {picker}
    </li>
  );
});
