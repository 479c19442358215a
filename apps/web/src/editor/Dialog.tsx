import { type ReactNode, useEffect, useRef } from 'react';
import { focusCanvas } from './canvas-focus';

/**
 * A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, and
 * closing gives focus back to what opened it (the map, when a key on it did).
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // A dialog taken off the page gives focus back to nothing (the page body): a keyboard
      // user would have to start again from the top. Back to the opener, else to the map.
      if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
      else focusCanvas();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="dialog-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="dialog__header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
