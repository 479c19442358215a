import type { StepId } from '@procmap/model';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Dialog } from './Dialog';
import { connectSteps, type KeyContext, stepName } from './keyboard-commands';
import { connectTargets } from './connect-targets';

/**
 * Connects the selected step to another without the mouse (Alt+Enter): type part of the other
 * step's name, ↑/↓ to choose among the matches, Enter connects. A combobox in the ARIA sense:
 * focus stays in the text box, the chosen option is announced.
 */
export function ConnectDialog({
  ctx,
  from,
  onClose,
}: {
  ctx: KeyContext;
  from: StepId;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  // After the dialog has opened (its effect runs first), which focuses its first button.
  useEffect(() => input.current?.focus(), []);
  const targets = useMemo(
    () => connectTargets(ctx.index, ctx.geometry, from, query),
    [ctx, from, query],
  );
  const choosable = targets.filter((t) => !t.connected);
  const current = choosable[Math.min(active, choosable.length - 1)];
  const optionId = (id: string) => `${listId}-${id}`;

  const connect = (to: StepId) => {
    onClose();
    connectSteps(ctx, from, to);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    const move = (by: number) => {
      event.preventDefault();
      if (choosable.length === 0) return;
      const at = current ? choosable.indexOf(current) : 0;
      setActive((at + by + choosable.length) % choosable.length);
    };
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) connect(current.id);
    }
  };

  return (
    <Dialog
      title={`Connect ${stepName(ctx.index, from)} to…`}
      onClose={onClose}
      testId="connect-dialog"
    >
      <div className="connect">
        <label className="connect__label" htmlFor={`${listId}-input`}>
          The step it leads to (type part of its name)
        </label>
        <input
          id={`${listId}-input`}
          className="connect__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current.id) : undefined}
          autoComplete="off"
          ref={input}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="connect-input"
        />
        {targets.length === 0 ? (
          <p className="connect__none" role="status">
            {query
              ? `No step’s name contains “${query}”.`
              : 'There is no other step to connect to.'}
          </p>
        ) : (
          <div className="connect__list" id={listId} role="listbox" aria-label="Steps">
            {targets.map((t) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (↑/↓, Enter)
              <div
                key={t.id}
                tabIndex={-1}
                id={optionId(t.id)}
                role="option"
                aria-selected={t === current}
                aria-disabled={t.connected || undefined}
                className={`connect__option${t === current ? ' is-active' : ''}`}
                onClick={() => {
                  if (!t.connected) connect(t.id);
                }}
                data-testid="connect-option"
              >
                <span className="connect__name">{t.label || 'Unnamed step'}</span>
                <span className="connect__lane muted">
                  {t.lane}
                  {t.connected
                    ? ' · already connected'
                    : t.earlier
                      ? ' · earlier: a loop back'
                      : ''}
                </span>
              </div>
            ))}
          </div>
        )}
        <p className="muted connect__keys">
          <kbd>↑</kbd> <kbd>↓</kbd> choose, <kbd>Enter</kbd> connects, <kbd>Esc</kbd> cancels.
        </p>
      </div>
    </Dialog>
  );
}
