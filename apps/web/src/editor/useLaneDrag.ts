import type { RoleId } from '@procmap/model';
import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** A lane header being dragged: how far it has moved and where it would land. */
export interface LaneDrag {
  readonly id: RoleId;
  /** Screen pixels the header has moved down (negative: up). */
  readonly dy: number;
  /** Its index among the other lanes if dropped now. */
  readonly to: number;
  /** Screen y of the gap it would drop into, for the drop marker. */
  readonly markerY: number;
}

/** A lane as drawn on screen: its id and vertical extent. */
export interface ScreenLane {
  readonly id: RoleId;
  readonly top: number;
  readonly height: number;
}

/** Pixels the pointer must travel before a press on a header becomes a drag (else a click). */
const THRESHOLD = 5;

/** Where a header dragged to screen height `y` lands among the other lanes. */
export function dropIndex(
  lanes: readonly ScreenLane[],
  id: RoleId,
  y: number,
): { to: number; markerY: number } {
  const others = lanes.filter((l) => l.id !== id);
  const to = others.filter((l) => l.top + l.height / 2 < y).length;
  const markerY = to === 0 ? (others[0]?.top ?? 0) : others[to - 1]!.top + others[to - 1]!.height;
  return { to, markerY };
}

/**
 * Drag a lane header up or down to reorder the lanes; the steps follow, since a step's height
 * comes from its lane. A press that does not move is a click; Escape cancels a drag.
 */
export function useLaneDrag(
  lanes: readonly ScreenLane[],
  container: { readonly current: HTMLElement | null },
  onDrop: (id: RoleId, to: number) => void,
): {
  drag: LaneDrag | null;
  onPointerDown: (id: RoleId, event: ReactPointerEvent<HTMLElement>) => void;
  /** True right after a drag ended, so the click that follows it is not a selection. */
  justDragged: () => boolean;
} {
  const [drag, setDrag] = useState<LaneDrag | null>(null);
  const press = useRef<{ id: RoleId; y: number; moved: boolean } | null>(null);
  const dragged = useRef(false);
  const latest = useRef({ lanes, onDrop });
  latest.current = { lanes, onDrop };

  /** Pointer height in the headers' own coordinates, which the lanes' tops are given in. */
  const localY = useCallback(
    (clientY: number) => clientY - (container.current?.getBoundingClientRect().top ?? 0),
    [container],
  );

  const end = useCallback((commit: boolean, y?: number) => {
    const current = press.current;
    press.current = null;
    setDrag(null);
    if (!current?.moved) return;
    dragged.current = true;
    setTimeout(() => {
      dragged.current = false;
    }, 0);
    if (!commit || y === undefined) return;
    const { lanes: now, onDrop: drop } = latest.current;
    const { to } = dropIndex(now, current.id, y);
    const was = now.findIndex((l) => l.id === current.id);
    if (was !== -1 && to !== was) drop(current.id, to);
  }, []);

  useEffect(() => {
    const onMove = (event: PointerEvent) => {
      const current = press.current;
      if (!current) return;
      const dy = event.clientY - current.y;
      if (!current.moved && Math.abs(dy) < THRESHOLD) return;
      current.moved = true;
      const { to, markerY } = dropIndex(latest.current.lanes, current.id, localY(event.clientY));
      setDrag({ id: current.id, dy, to, markerY });
    };
    const onUp = (event: PointerEvent) => end(true, localY(event.clientY));
    const onCancel = () => end(false);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && press.current?.moved) {
        event.preventDefault();
        event.stopPropagation();
        end(false);
      }
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [end, localY]);

  const onPointerDown = useCallback((id: RoleId, event: ReactPointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    press.current = { id, y: event.clientY, moved: false };
  }, []);

  return { drag, onPointerDown, justDragged: () => dragged.current };
}
