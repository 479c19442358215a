import { MAX_LABEL_LENGTH } from '@procmap/model';
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';

/**
 * A labelled name field in the outline: Enter (or Save) saves, Esc (or Cancel) cancels. It does
 * not save when focus leaves: a colleague's edit that redraws the outline must never save a name
 * half typed. The draft lives in `drafts` (by `draftKey`), so it survives the field being
 * redrawn elsewhere (its step moved to another lane).
 */
export function RenameField({
  label,
  initial,
  typed,
  drafts,
  draftKey,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  /** What was typed onto the step that started the rename: the field starts with it. */
  typed?: string | undefined;
  drafts: Map<string, string>;
  draftKey: string;
  onSave: (value: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const kept = drafts.get(draftKey);
  const startedWith = useRef(kept ?? typed).current;
  const [value, setValue] = useState((startedWith ?? initial).slice(0, MAX_LABEL_LENGTH));
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus();
    if (startedWith === undefined) field.select();
    else field.setSelectionRange(field.value.length, field.value.length);
  }, [startedWith]);

  const save = () => {
    drafts.delete(draftKey);
    onSave(value.trim());
  };
  const cancel = () => {
    drafts.delete(draftKey);
    onCancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };
  return (
    <div className="outline-rename">
      <label className="outline-rename__label" htmlFor={id}>
        {label}
      </label>
      <div className="outline-rename__row">
        <input
          id={id}
          ref={ref}
          className="outline-rename__input"
          value={value}
          maxLength={MAX_LABEL_LENGTH}
          aria-describedby={`${id}-keys`}
          onChange={(e) => {
            setValue(e.target.value);
            drafts.set(draftKey, e.target.value);
          }}
          onKeyDown={onKeyDown}
          data-testid="outline-rename"
        />
        <button type="button" className="button" onClick={save}>
          Save
        </button>
        <button type="button" className="button button--quiet" onClick={cancel}>
          Cancel
        </button>
      </div>
      <p className="outline-rename__keys" id={`${id}-keys`}>
        Enter saves, Esc cancels.
      </p>
    </div>
  );
}
