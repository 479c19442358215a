import type { Role } from '@procmap/model';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { action } from './actions';
import { chordLabel } from './keys';
import { LANE_COLOURS } from './lane-colours';

/** What the menu does: an action of the table (on this lane), or a colour. */
export interface LaneMenuActions {
  run(id: LaneActionId): void;
  recolour(color: string | undefined): void;
}

/** The actions of the table the lane menu offers. */
export type LaneActionId = 'rename' | 'move-up' | 'move-down' | 'delete';

/** A menu item's words and key, from the actions table. */
function Words({ id, words }: { id: LaneActionId; words?: string }) {
  const a = action(id);
  return (
    <>
      {words ?? a.label} {a.keys[0] && <kbd>{chordLabel(a.keys[0])}</kbd>}
    </>
  );
}

/**
 * A lane's actions, opened from its header's ⋯ button: rename, colour, move up or down, delete.
 * A menu in the ARIA sense: arrow keys move between items, Escape or a click outside closes it
 * and gives focus back to the button.
 */
export function LaneMenu({
  role,
  anchor,
  canMoveUp,
  canMoveDown,
  actions,
  onClose,
}: {
  role: Role;
  anchor: HTMLElement;
  canMoveUp: boolean;
  canMoveDown: boolean;
  actions: LaneMenuActions;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const rect = anchor.getBoundingClientRect();
    const height = ref.current?.offsetHeight ?? 0;
    setPlace({
      left: rect.right + 6,
      top: Math.max(8, Math.min(rect.top, window.innerHeight - height - 8)),
    });
  }, [anchor]);

  // Focus goes in once the menu is placed (a hidden element cannot take focus).
  const placed = place !== null;
  useEffect(() => {
    if (placed)
      ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [placed]);

  useEffect(() => {
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!ref.current?.contains(target) && !anchor.contains(target)) onClose();
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [anchor, onClose]);

  const close = (then: () => void) => () => {
    onClose();
    anchor.focus();
    then();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    event.stopPropagation(); // the menu's keys are not the canvas's
    const items = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      anchor.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };

  return createPortal(
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={`Lane ${role.name || 'Unnamed lane'}`}
      data-testid="lane-menu"
      style={place ? { left: place.left, top: place.top } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <button type="button" role="menuitem" onClick={close(() => actions.run('rename'))}>
        <Words id="rename" />
      </button>
      <button
        type="button"
        role="menuitem"
        disabled={!canMoveUp}
        onClick={close(() => actions.run('move-up'))}
      >
        <Words id="move-up" />
      </button>
      <button
        type="button"
        role="menuitem"
        disabled={!canMoveDown}
        onClick={close(() => actions.run('move-down'))}
      >
        <Words id="move-down" />
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of menu items; a fieldset is for forms */}
      <div className="menu__group" role="group" aria-labelledby={`${role.id}-colour`}>
        <span className="menu__label" id={`${role.id}-colour`}>
          Colour
        </span>
        <div className="menu__swatches">
          {LANE_COLOURS.map((c) => (
            <button
              key={c.value}
              type="button"
              role="menuitem"
              className={`swatch${role.color === c.value ? ' is-current' : ''}`}
              style={{ background: c.value }}
              aria-label={c.name}
              aria-current={role.color === c.value}
              title={c.name}
              onClick={close(() => actions.recolour(c.value))}
            />
          ))}
          <button
            type="button"
            role="menuitem"
            className={`swatch swatch--default${role.color === undefined ? ' is-current' : ''}`}
            aria-label="Default colour"
            aria-current={role.color === undefined}
            title="Default colour"
            onClick={close(() => actions.recolour(undefined))}
          />
        </div>
      </div>
      <button
        type="button"
        role="menuitem"
        className="menu__danger"
        onClick={close(() => actions.run('delete'))}
      >
        <Words id="delete" words="Delete lane…" />
      </button>
    </div>,
    document.body,
  );
}
