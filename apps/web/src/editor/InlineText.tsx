import { MAX_LABEL_LENGTH } from '@procmap/model';
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';

/**
 * A text field for editing a label in place: Enter commits, Escape cancels, leaving the field
 * commits. Multi-line labels wrap; Shift+Enter adds a line break. Opened by typing onto the
 * selected record, it starts with what was typed (`typed`), the caret after it; otherwise with
 * the old text, all selected.
 */
export function InlineText({
  initial,
  typed,
  label,
  multiline,
  onCommit,
  onCancel,
}: {
  initial: string;
  typed?: string | undefined;
  label: string;
  multiline?: boolean;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const startedWith = useRef(typed).current;
  const [value, setValue] = useState((startedWith ?? initial).slice(0, MAX_LABEL_LENGTH));
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const done = useRef(false);
  // Focused before the browser hands out the next key press, so a fast typist loses none.
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus({ preventScroll: true });
    if (startedWith === undefined) field.select();
    else field.setSelectionRange(field.value.length, field.value.length);
  }, [startedWith]);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(value.trim());
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  };
  const common = {
    ref,
    value,
    'aria-label': label,
    className: 'inline-text nodrag nopan nowheel',
    // A name is capped (docs/format.md): a pasted page of text is cut, not refused whole.
    maxLength: MAX_LABEL_LENGTH,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onKeyDown,
    onBlur: () => finish(true),
  };
  return multiline ? <textarea {...common} rows={3} /> : <input {...common} />;
}
