import { type ReactNode, useId, useRef, useState } from 'react';
import type { Commit } from './run-command';

interface FieldProps {
  readonly label: string;
  /** The stored value as the field shows it when nobody is typing. */
  readonly value: string;
  readonly disabled: boolean;
  /** Writes the typed text; returns an error message (nothing written) or null. */
  readonly onCommit: Commit;
  readonly hint?: string;
  readonly testId?: string;
  readonly list?: string;
  readonly inputMode?: 'text' | 'decimal' | 'numeric';
  /** The most characters the field takes (a name: MAX_LABEL_LENGTH); a longer paste is cut. */
  readonly maxLength?: number;
}

/** One labelled row with an inline error under the control. */
function Row({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error: string | null;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`panel-field${error ? ' panel-field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="panel-field__error" id={`${id}-msg`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="panel-field__hint" id={`${id}-msg`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The text being typed in a field, apart from the stored value until it is committed. A
 * refused value stays with its error; Esc puts back the stored value.
 */
function useDraft(value: string, onCommit: Commit) {
  const [draft, setDraftState] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The draft as of now, not as of the last render: Esc puts the value back and then gives
  // focus to the map, and the blur that follows must not save the draft just dropped.
  const current = useRef<string | null>(null);
  const setDraft = (next: string | null) => {
    current.current = next;
    setDraftState(next);
  };
  const reset = () => {
    setDraft(null);
    setError(null);
  };
  const commit = () => {
    const typed = current.current;
    if (typed === null) return;
    if (typed === value) return reset();
    const message = onCommit(typed);
    setError(message);
    if (message === null) setDraft(null);
  };
  return { shown: draft ?? value, error, setDraft, commit, reset };
}

/**
 * A text input that writes on Enter or when focus leaves, not on every key: one change, one
 * undo step.
 */
export function TextField(props: FieldProps) {
  const id = useId();
  const field = useDraft(props.value, props.onCommit);
  return (
    <Row id={id} label={props.label} error={field.error} hint={props.hint}>
      <input
        id={id}
        type="text"
        value={field.shown}
        disabled={props.disabled}
        list={props.list}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error || props.hint ? `${id}-msg` : undefined}
        data-testid={props.testId}
        onChange={(e) => field.setDraft(e.target.value)}
        onBlur={field.commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            field.commit();
          } else if (e.key === 'Escape') field.reset();
        }}
      />
    </Row>
  );
}

/** A multi-line text (notes), written when focus leaves. */
export function TextAreaField(props: Omit<FieldProps, 'list' | 'inputMode'>) {
  const id = useId();
  const field = useDraft(props.value, props.onCommit);
  return (
    <Row id={id} label={props.label} error={field.error} hint={props.hint}>
      <textarea
        id={id}
        rows={4}
        value={field.shown}
        disabled={props.disabled}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error || props.hint ? `${id}-msg` : undefined}
        data-testid={props.testId}
        onChange={(e) => field.setDraft(e.target.value)}
        onBlur={field.commit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') field.reset();
        }}
      />
    </Row>
  );
}

/** A select; the empty option (if given) clears the field. Writes on change. */
export function SelectField(props: {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly disabled: boolean;
  readonly onCommit: Commit;
  readonly hint?: string | undefined;
  readonly testId?: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <Row id={id} label={props.label} error={error} hint={props.hint}>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || props.hint ? `${id}-msg` : undefined}
        data-testid={props.testId}
        onChange={(e) => setError(props.onCommit(e.target.value))}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Row>
  );
}
