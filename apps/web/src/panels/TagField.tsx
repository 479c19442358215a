import { useId, useRef, useState } from 'react';

/** The tags in what was typed: split at commas and semicolons, trimmed, each once. */
export function splitTags(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const tag = part.trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * A list of short texts (data items, systems) as removable tags, with an input that suggests
 * what the map already uses. Each add or remove is one change.
 */
export function TagField(props: {
  readonly label: string;
  readonly tags: readonly string[];
  readonly suggestions: readonly string[];
  readonly disabled: boolean;
  readonly onChange: (tags: readonly string[]) => string | null;
  readonly testId?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [draft, setDraftState] = useState('');
  // As of now, not the last render: Esc drops the draft, and the blur that follows (focus back
  // to the map) must not add it.
  const current = useRef('');
  const setDraft = (next: string) => {
    current.current = next;
    setDraftState(next);
  };
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    // "Word, Case system" is two systems: a list typed or pasted at once becomes one tag each,
    // so the same system named on two steps is counted as the same.
    const typed = splitTags(current.current).filter((t) => !props.tags.includes(t));
    if (typed.length === 0) {
      setDraft('');
      return;
    }
    const message = props.onChange([...props.tags, ...typed]);
    setError(message);
    if (message === null) setDraft('');
  };
  const remove = (tag: string) => setError(props.onChange(props.tags.filter((t) => t !== tag)));
  const offered = props.suggestions.filter((s) => !props.tags.includes(s));
  return (
    <div className={`panel-field${error ? ' panel-field--error' : ''}`} data-testid={props.testId}>
      <label htmlFor={id}>{props.label}</label>
      {props.tags.length > 0 && (
        <ul className="tag-list" aria-label={`${props.label}: current`}>
          {props.tags.map((tag) => (
            <li key={tag} className="tag" data-testid="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag__remove"
                disabled={props.disabled}
                aria-label={`Remove ${tag}`}
                onClick={() => remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        list={listId}
        value={draft}
        disabled={props.disabled}
        placeholder="Type and press Enter; commas separate"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape') setDraft('');
        }}
      />
      <datalist id={listId}>
        {offered.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {error && (
        <p className="panel-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
