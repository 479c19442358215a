import type { FlowId, MapIndex, StepId } from '@procmap/model';
import type { ProcessDoc } from '@procmap/doc';
import type { MapGeometry } from '@procmap/layout';
import { type KeyboardEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type ConnectTarget, connectTargets } from '../editor/connect-targets';
import { stepName } from '../editor/keyboard-commands';
import { runCommand } from './run-command';
import './connect-picker.css';

/** What a connection made by the picker was: its flow and the words that say so. */
export interface Connected {
  readonly flow: FlowId;
  readonly to: StepId;
  readonly message: string;
}

/** How an option reads after its name: its lane, and whether it is taken or loops back. */
function optionNote(t: ConnectTarget): string {
  if (t.connected) return `${t.lane} · already connected`;
  if (t.earlier) return `${t.lane} · earlier: a loop back`;
  return t.lane;
}

/**
 * "Connect to…": a combobox listing the other steps by name and lane (ranked as the connect
 * dialog ranks them: best match first, then along the flow), and a Connect button. Typing filters;
 * ↓/↑ move through the list, Enter picks, Enter again (or the button) connects; Esc closes the
 * list, then clears the text, then hands the keys back (`onCancel`). Steps it already leads to
 * are listed but cannot be picked. Focus stays in the text box after connecting, ready for
 * another, and a status line says what was connected.
 */
export function ConnectPicker({
  doc,
  index,
  geometry,
  from,
  disabled,
  autoFocus,
  onConnected,
  onCancel,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  geometry: MapGeometry;
  from: StepId;
  disabled: boolean;
  /** Focus the text box when the picker appears (as in the outline, where a button opens it). */
  autoFocus?: boolean;
  /** Called after connecting; without it, the picker says what it connected itself. */
  onConnected?: (connected: Connected) => void;
  /** Esc with the list closed and nothing typed: the picker is done with. */
  onCancel?: () => void;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<StepId | undefined>(undefined);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  // With a step picked, the text shows its name: the list filters by what was typed only.
  const filter = chosen ? '' : query;
  const targets = useMemo(
    () => connectTargets(index, geometry, from, filter),
    [index, geometry, from, filter],
  );
  const choosable = targets.filter((t) => !t.connected);
  const current = open ? choosable[Math.min(active, choosable.length - 1)] : undefined;
  const optionId = (at: number) => `${id}-option-${at}`;
  // A colleague may delete the picked step, or connect it first.
  const pick = chosen ? targets.find((t) => t.id === chosen && !t.connected) : undefined;

  const choose = (t: ConnectTarget) => {
    setChosen(t.id);
    setQuery(t.label || 'Unnamed step');
    setOpen(false);
    setStatus(null);
  };

  const connect = () => {
    // Typed but not picked: a single match is what was meant.
    const target =
      pick ?? (!chosen && query.trim() && choosable.length === 1 ? choosable[0] : undefined);
    if (!target) {
      setStatus({
        text: !query.trim()
          ? 'Pick the step it leads to first: type part of its name, then ↓ and Enter.'
          : choosable.length > 0
            ? 'Several steps match: pick one from the list (↓, then Enter).'
            : targets.length > 0
              ? `Already connected to every step with “${query.trim()}” in its name.`
              : `No step’s name contains “${query.trim()}”.`,
        error: true,
      });
      input.current?.focus();
      return;
    }
    let flow: FlowId | undefined;
    const refused = runCommand(() => {
      flow = doc.connect(from, target.id);
    });
    if (refused !== null || !flow) {
      setStatus({ text: refused ?? 'Not connected.', error: true });
      return;
    }
    const message = `Connected ${stepName(index, from)} to ${stepName(index, target.id)}${
      target.earlier ? ': a loop back' : ''
    }.`;
    setQuery('');
    setChosen(undefined);
    setOpen(false);
    setActive(0);
    if (onConnected) onConnected({ flow, to: target.id, message });
    else {
      setStatus({ text: message, error: false });
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const move = (by: number) => {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(by > 0 ? 0 : Math.max(0, choosable.length - 1));
        return;
      }
      if (choosable.length === 0) return;
      const at = current ? choosable.indexOf(current) : 0;
      setActive((at + by + choosable.length) % choosable.length);
    };
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      if (current) choose(current);
      else connect();
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else if (query) {
        event.preventDefault();
        event.stopPropagation();
        setQuery('');
        setChosen(undefined);
      } else if (onCancel) {
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }
    }
  };

  const noMatch = open && targets.length === 0;
  return (
    <div className="connect-picker" data-testid="connect-picker">
      <label className="connect-picker__label" htmlFor={inputId}>
        Connect to…
      </label>
      <p className="connect-picker__hint" id={hintId}>
        The step this one leads to: type part of its name, ↓ to choose.
      </p>
      <div className="connect-picker__row">
        <input
          id={inputId}
          ref={input}
          className="connect-picker__input"
          type="text"
          role="combobox"
          aria-expanded={open && targets.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={current ? optionId(targets.indexOf(current)) : undefined}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setChosen(undefined);
            setOpen(true);
            setActive(0);
            setStatus(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          data-testid="connect-picker-input"
        />
        <button
          type="button"
          className="button connect-picker__button"
          disabled={disabled}
          onClick={connect}
          data-testid="connect-picker-button"
        >
          Connect
        </button>
      </div>
      <div
        className="connect-picker__list"
        id={listId}
        role="listbox"
        aria-label="Steps to connect to"
        hidden={!open || targets.length === 0}
      >
        {open &&
          targets.map((t, at) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (↑/↓, Enter)
            <div
              key={t.id}
              tabIndex={-1}
              id={optionId(at)}
              role="option"
              aria-selected={t === current}
              aria-disabled={t.connected || undefined}
              className={`connect-picker__option${t === current ? ' is-active' : ''}`}
              // Keeps focus in the text box: the keys stay the combobox's.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (!t.connected) choose(t);
              }}
              data-testid="connect-picker-option"
            >
              <span className="connect-picker__name">{t.label || 'Unnamed step'}</span>{' '}
              <span className="connect-picker__lane">{optionNote(t)}</span>
            </div>
          ))}
      </div>
      <p
        className={`connect-picker__status${status?.error ? ' is-error' : ''}`}
        role="status"
        data-testid="connect-picker-status"
      >
        {noMatch ? `No step’s name contains “${query.trim()}”.` : (status?.text ?? '')}
      </p>
    </div>
  );
}
