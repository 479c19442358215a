import { useLayoutEffect, useRef } from 'react';
import type { CellOption, Column } from './table-columns';

/** How an edit ends from its keys: saved and on to another cell, or cancelled. */
export type EditEnd = 'enter' | 'tab' | 'shift-tab' | 'escape';

/**
 * The field a cell turns into while it is edited: a text field (a step's name may hold line
 * breaks: Shift+Enter) or a list to pick from. Enter saves and goes down, Tab and Shift+Tab
 * save and go right or left, Esc cancels; leaving it otherwise saves.
 */
export function CellEditor({
  column,
  name,
  draft,
  options,
  caretAtEnd,
  refusals,
  errorId,
  invalid,
  onDraft,
  onEnd,
  onLeave,
}: {
  column: Column;
  /** The field's accessible name: the column and the step ("Wait before, Triage"). */
  name: string;
  draft: string;
  options: readonly CellOption[];
  /** Typing started the edit: the caret goes after what was typed, nothing selected. */
  caretAtEnd: boolean;
  /** How many times the value was refused; each time the text is selected again. */
  refusals: number;
  errorId: string | undefined;
  invalid: boolean;
  onDraft(text: string): void;
  onEnd(end: EditEnd): void;
  onLeave(): void;
}) {
  const field = useRef<HTMLElement | null>(null);
  // Only when the edit starts: later renders must leave the caret where the user put it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the field appears
  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
    if (caretAtEnd) el.setSelectionRange(el.value.length, el.value.length);
    else el.select();
  }, []);

  // A refused value: its text selected, so what is typed next replaces it rather than joining
  // it, and its reason scrolled into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each refusal, not each render
  useLayoutEffect(() => {
    const el = field.current;
    if (refusals === 0 || !el) return;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
    const reason = errorId ? document.getElementById(errorId) : null;
    (reason ?? el).scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [refusals]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // The edit's keys are its own: the grid's arrows and the editor's keys stay out.
    event.stopPropagation();
    const multiline = column.id === 'label' && (event.shiftKey || event.altKey);
    if (event.key === 'Enter' && !multiline && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnd('enter');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      onEnd(event.shiftKey ? 'shift-tab' : 'tab');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEnd('escape');
    }
  };
  const common = {
    ref: (el: HTMLElement | null) => {
      field.current = el;
    },
    className: 'table-cell__field',
    'aria-label': name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': errorId,
    'data-own-keys': '',
    'data-testid': 'table-cell-field',
    onKeyDown,
    onBlur: onLeave,
  };

  if (column.editor === 'select') {
    return (
      <select {...common} value={draft} onChange={(e) => onDraft(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (column.id === 'label') {
    return (
      <textarea
        {...common}
        rows={Math.min(4, draft.split('\n').length)}
        value={draft}
        onChange={(e) => onDraft(e.target.value)}
      />
    );
  }
  return (
    <input
      {...common}
      type="text"
      inputMode={column.id === 'completeAccurate' ? 'decimal' : undefined}
      value={draft}
      onChange={(e) => onDraft(e.target.value)}
    />
  );
}
