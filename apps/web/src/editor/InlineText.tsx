import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

/**
 * A text field for editing a label in place: Enter commits, Escape cancels, leaving the field
 * commits. Multi-line labels wrap; Shift+Enter adds a line break.
 */
export function InlineText({
  initial,
  label,
  multiline,
  onCommit,
  onCancel,
}: {
  initial: string;
  label: string;
  multiline?: boolean;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.select();
  }, []);
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
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onKeyDown,
    onBlur: () => finish(true),
  };
  return multiline ? <textarea {...common} rows={3} /> : <input {...common} />;
}
