import type { MapIndex, StepId } from '@procmap/model';
import { type ReactNode, useEffect, useState } from 'react';
import { AnnounceToggle } from '../announce/AnnounceToggle';
import { type Editing, type MapView, type Selection, useSession } from '../store/session-store';
import { useReadOnly } from './editor-context';
import { stepName } from './keyboard-commands';

/**
 * Where keyboard focus is, as far as the status line cares: the map (the canvas's shortcuts
 * apply), a field or button of the side panel (its keys are its own), or another field.
 */
export type FocusPlace =
  | 'map'
  | 'comment-box'
  | 'reply-box'
  | 'panel-text'
  | 'panel-notes'
  | 'panel-choice'
  | 'panel'
  | 'field';

/** Where `element` (the focused one) is; `null` (nothing focused) is the map. */
export function focusPlace(element: Element | null): FocusPlace {
  if (!element || element === document.body) return 'map';
  const inPanel = element.closest('#properties-panel') !== null;
  const tag = element.tagName;
  if (inPanel) {
    if (tag === 'TEXTAREA' && element.closest('[data-testid="add-comment"]')) return 'comment-box';
    if (tag === 'INPUT' && element.closest('.comment__reply-form')) return 'reply-box';
    // The other controls of the comments and analysis tabs filter and sort; they save nothing.
    if (element.closest('[data-testid="comments-panel"], [data-testid="analysis-panel"]')) {
      return 'panel';
    }
    if (tag === 'TEXTAREA') return 'panel-notes';
    if (tag === 'SELECT' || (element as HTMLInputElement).type === 'checkbox') {
      return 'panel-choice';
    }
    if (tag === 'INPUT') return 'panel-text';
    return 'panel';
  }
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return 'field';
  // The name prompt, the "me" popover: their keys are their own too.
  if (element.closest('[data-own-keys]')) return 'field';
  if ((element as HTMLElement).isContentEditable) return 'field';
  return 'map';
}

/** Follows keyboard focus across the page. */
function useFocusPlace(): FocusPlace {
  const [place, setPlace] = useState<FocusPlace>(() => focusPlace(document.activeElement));
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => setPlace(focusPlace(event.target as Element));
    // Focus going elsewhere is told by the focusin that follows; only leaving for nothing here.
    const onFocusOut = (event: FocusEvent) => {
      if (!event.relatedTarget) setPlace('map');
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
  return place;
}

/** What Enter does on a step, in the status line's words (see addNext). */
function enterOnStep(index: MapIndex, id: StepId): string {
  const step = index.step(id);
  const outs = index.outgoing(id).filter((f) => index.step(f.to));
  if (step?.kind === 'decision' || outs.length > 1) return 'adds a branch';
  const only = outs[0];
  return only ? `adds the next step (before ${stepName(index, only.to)})` : 'adds the next step';
}

/** What the status line says when no hint is showing: what the keys do here, right now. */
export function statusText({
  index,
  selection,
  editing,
  readOnly,
  place,
}: {
  index: MapIndex;
  selection: Selection;
  editing: Editing;
  readOnly: boolean;
  place: FocusPlace;
}): string {
  if (editing) return 'Typing: Enter saves, Esc cancels.';
  switch (place) {
    case 'comment-box':
      return 'Comment: Enter sends it, Shift+Enter starts a new line.';
    case 'reply-box':
      return 'Replying: Enter sends the reply.';
    case 'panel-text':
      return 'Panel field: Enter or leaving it saves; Esc puts it back and returns to the map.';
    case 'panel-notes':
      return 'Panel field: leaving it saves; Esc puts it back and returns to the map.';
    case 'panel-choice':
      return 'Panel field: a change saves at once. Esc returns to the map.';
    case 'panel':
      return readOnly
        ? 'View only. Esc returns to the map, to move around it with the keys.'
        : 'Keys here are the panel’s. Esc returns to the map.';
    case 'field':
      return '';
    case 'map':
      break;
  }
  const stepLane = () => {
    if (selection.kind !== 'steps') return undefined;
    const step = index.step(selection.ids[selection.ids.length - 1]!);
    return step ? index.role(step.roleId)?.name : undefined;
  };
  if (readOnly) {
    if (selection.kind === 'steps') {
      const lane = stepLane();
      return `Step selected${lane ? ` in ${lane}` : ''} (view only): ← → follow the flow, ↑ ↓ go to the lane above or below, Ctrl+C copies.`;
    }
    if (selection.kind === 'flow') {
      return 'Flow selected (view only): → goes to the step it leads to, Esc clears the selection.';
    }
    if (selection.kind === 'lane') {
      return 'Lane selected (view only): ↑/↓ selects the lane above or below, Esc clears the selection.';
    }
    return 'View only: you can look, follow and export, not change the map. ? lists the keys.';
  }
  if (selection.kind === 'steps') {
    const lane = stepLane();
    return `Step selected${lane ? ` in ${lane}` : ''}: type to rename; Enter ${enterOnStep(index, selection.ids.at(-1)!)}, Shift+Enter a branch; Alt+Enter connects, Alt+O selects its flows.`;
  }
  if (selection.kind === 'flow') {
    return 'Flow selected: Alt+P sets its label and share, Alt+O the next flow, → goes to the step it leads to, Delete removes it.';
  }
  if (selection.kind === 'lane') {
    return 'Lane selected: type to rename; Enter adds a step, Alt+L a lane below, Alt+↑/↓ moves it.';
  }
  return 'Alt+L adds a lane, Alt+N a step; select a step and type to rename it. ? lists every key.';
}

/** What the keys do in a view other than the map (the map's hints name the canvas's keys). */
const VIEW_HINTS: Readonly<Record<Exclude<MapView, 'map'>, string>> = {
  outline:
    'Outline: Tab moves through the lanes, the steps and their links; Alt+V returns to the map.',
  table:
    'Table: the arrow keys move; Enter, F2 or typing edits a cell, Enter saves and goes down, Esc cancels; Ctrl+V pastes rows from a spreadsheet. Alt+G returns to the map.',
  compare: 'Compare: the as-is and its scenarios side by side. Alt+M returns to the map.',
};

/**
 * One line under the canvas: a refused action's reason, or what the keys do right now; and the
 * switch for announcing colleagues' edits.
 */
export function StatusLine({ index, children }: { index: MapIndex; children?: ReactNode }) {
  const hint = useSession((s) => s.hint);
  const selection = useSession((s) => s.selection);
  const editing = useSession((s) => s.editing);
  const readOnly = useReadOnly();
  const place = useFocusPlace();
  const view = useSession((s) => s.view);
  // Outside the map, its keys do not apply: say the view's own, unless a panel has the focus.
  const status =
    view !== 'map' && (place === 'map' || place === 'field')
      ? VIEW_HINTS[view]
      : statusText({ index, selection, editing, readOnly, place });
  // While a name is typed, what just happened ("Inserted between…") and the typing keys.
  const text = hint && editing ? `${hint} ${status}` : hint || status;
  return (
    <footer className="status-line">
      {/* Not a live region: the key help changes with every move of the selection, and read out
          each time it would drown the step names and colleagues' news. A refused action's
          reason is said, below. */}
      <span
        className={`status-line__text${hint ? ' status-line--hint' : ''}`}
        data-testid="status-line"
        data-view-only={readOnly || undefined}
      >
        {text}
      </span>
      <span className="visually-hidden" role="status" data-testid="status-hint">
        {hint}
      </span>
      <AnnounceToggle />
      {children}
    </footer>
  );
}
