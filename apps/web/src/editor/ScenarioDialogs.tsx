import { runCommand } from '../panels/run-command';
import type { MapDoc } from '@procmap/doc';
import { AS_IS_ID, MAX_LABEL_LENGTH, type Scenario } from '@procmap/model';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useSession } from '../store/session-store';
import { Dialog } from './Dialog';
import { runOrHint } from './run-or-hint';
import { nextScenarioName, scenarioLabel } from './scenario-names';

/**
 * The scenario switcher's dialogs: naming a new scenario (shown at once), renaming or
 * describing the one shown, and deleting it after asking (undoable; the editor goes back to
 * the as-is). Each edit is one command of the map, one undo step.
 */
export function ScenarioDialogs({
  doc,
  scenarios,
}: {
  doc: MapDoc;
  scenarios: readonly Scenario[];
}) {
  const dialog = useSession((s) => s.dialog);
  const close = () => useSession.getState().openDialog(null);
  // A dialog about a scenario deleted meanwhile (by a colleague) closes: it would hold the keys.
  // The scenario a dialog is about (or copies) was deleted meanwhile, by anyone: the dialog
  // closes rather than act on something else (a copy of the as-is instead of the one asked for).
  const gone =
    typeof dialog === 'object' &&
    dialog !== null &&
    dialog.kind !== 'delete-lane' &&
    (dialog.kind === 'new-scenario'
      ? dialog.from !== AS_IS_ID && !scenarios.some((s) => s.id === dialog.from)
      : !scenarios.some((s) => s.id === dialog.id));
  useEffect(() => {
    if (gone) useSession.getState().openDialog(null);
  }, [gone]);
  if (typeof dialog !== 'object' || dialog === null) return null;
  if (dialog.kind === 'new-scenario') {
    const from = scenarios.find((s) => s.id === dialog.from);
    return (
      <NameDialog
        title={
          from ? `New scenario from “${scenarioLabel(from.name)}”` : 'New scenario from the as-is'
        }
        initial={nextScenarioName(scenarios.map((s) => s.name))}
        action="Create and show"
        testId="new-scenario-dialog"
        onClose={close}
        onSave={(name) => {
          let id: string | undefined;
          runOrHint(() => {
            id = doc.createScenario({ name, from: dialog.from });
          });
          close();
          if (id) {
            useSession.getState().showProcess(id);
            useSession
              .getState()
              .setHint(
                `Scenario “${name}” created from ${from ? `“${scenarioLabel(from.name)}”` : 'the as-is'}; it is shown.`,
              );
          }
        }}
      />
    );
  }
  if (
    dialog.kind === 'rename-scenario' ||
    dialog.kind === 'describe-scenario' ||
    dialog.kind === 'delete-scenario'
  ) {
    const scenario = scenarios.find((s) => s.id === dialog.id);
    if (!scenario) return null; // deleted meanwhile, by a colleague: closing (above)
    const name = scenarioLabel(scenario.name);
    if (dialog.kind === 'rename-scenario') {
      return (
        <NameDialog
          title={`Rename the scenario “${name}”`}
          initial={scenario.name}
          action="Rename"
          testId="rename-scenario-dialog"
          onClose={close}
          onSave={(next) => {
            if (next !== scenario.name)
              runOrHint(() => doc.updateScenario(scenario.id, { name: next }));
            close();
          }}
        />
      );
    }
    if (dialog.kind === 'describe-scenario') {
      return (
        <DescribeDialog
          name={name}
          initial={scenario.description ?? ''}
          onClose={close}
          onSave={(text) => {
            const description = text.trim() === '' ? undefined : text;
            const refused =
              description === scenario.description
                ? null
                : runCommand(() => doc.updateScenario(scenario.id, { description }));
            close();
            if (refused !== null) useSession.getState().setHint(refused);
            else {
              useSession
                .getState()
                .setHint(description ? 'Description saved.' : 'Description cleared.');
            }
          }}
        />
      );
    }
    return (
      <DeleteDialog
        name={name}
        onClose={close}
        onDelete={() => {
          close();
          useSession.getState().showProcess(AS_IS_ID);
          runOrHint(() => doc.deleteScenario(scenario.id));
          useSession
            .getState()
            .setHint(`Scenario “${name}” deleted: showing the as-is. Ctrl+Z brings it back.`);
        }}
      />
    );
  }
  return null;
}

/** Focus (and its text selected) once the dialog has opened: opening focuses its first button. */
function useFirstFocus(
  ref: RefObject<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement | null>,
) {
  useEffect(() => {
    const element = ref.current;
    element?.focus();
    if (element && 'select' in element) element.select();
  }, [ref]);
}

/** A dialog asking for a scenario's name: never empty, at most a label's length. */
function NameDialog({
  title,
  initial,
  action,
  testId,
  onClose,
  onSave,
}: {
  title: string;
  initial: string;
  action: string;
  testId: string;
  onClose: () => void;
  onSave: (name: string) => void;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useFirstFocus(field);
  const fieldId = useId();
  const errorId = useId();
  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = name.trim();
          if (clean === '') {
            setError('A scenario needs a name.');
            return;
          }
          onSave(clean);
        }}
      >
        <label htmlFor={fieldId}>Name</label>
        <input
          id={fieldId}
          value={name}
          maxLength={MAX_LABEL_LENGTH}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError('');
          }}
          ref={field}
          data-testid="scenario-name"
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            {action}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A dialog for a scenario's description: what it changes and why, in a few lines. */
function DescribeDialog({
  name,
  initial,
  onClose,
  onSave,
}: {
  name: string;
  initial: string;
  onClose: () => void;
  onSave: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useFirstFocus(field);
  const fieldId = useId();
  const hintId = useId();
  return (
    <Dialog
      title={`Describe the scenario “${name}”`}
      onClose={onClose}
      testId="describe-scenario-dialog"
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(text);
        }}
      >
        <label htmlFor={fieldId}>What it changes, and why</label>
        <textarea
          id={fieldId}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          ref={field}
          aria-describedby={hintId}
          data-testid="scenario-description"
          onKeyDown={(e) => {
            // Ctrl+Enter (⌘+Enter on a Mac) saves; Enter alone starts a new line.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <p id={hintId} className="muted">
          Ctrl+Enter saves (⌘+Enter on a Mac).
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks before a scenario is deleted, and says it can be undone. */
function DeleteDialog({
  name,
  onClose,
  onDelete,
}: {
  name: string;
  onClose: () => void;
  onDelete: () => void;
}) {
  const answer = useRef<HTMLButtonElement>(null);
  useFirstFocus(answer);
  return (
    <Dialog
      title={`Delete the scenario “${name}”?`}
      onClose={onClose}
      testId="delete-scenario-dialog"
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onDelete();
        }}
      >
        <p>
          Its whole process goes, for everyone: its steps, flows, lanes and links to ideas. The
          as-is and the other scenarios stay as they are.
        </p>
        <p className="muted">You can undo this with Ctrl+Z.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button ref={answer} type="submit" className="button button--danger">
            Delete scenario
          </button>
        </div>
      </form>
    </Dialog>
  );
}
