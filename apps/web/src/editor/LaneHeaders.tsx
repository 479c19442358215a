import { laneColour, type RoleId } from '@procmap/model';
import { useStore } from '@xyflow/react';
import { type PointerEvent as ReactPointerEvent, useMemo, useRef, useState } from 'react';
import { useSession } from '../store/session-store';
import { InlineText } from './InlineText';
import { isNarrowWindow, useNarrowWindow } from './narrow-window';
import { type ActionContext, runAction } from './actions';
import { LaneMenu, type LaneMenuActions } from './LaneMenu';
import type { LaneBox } from '@procmap/layout';
import { runOrHint } from './run-or-hint';
import { type LaneDrag, type ScreenLane, useLaneDrag } from './useLaneDrag';

/** Screen width of the headers as a strip (a narrow window), px. */
const STRIP_WIDTH = 46;

/**
 * Screen width of the pinned lane headers at a zoom: readable at any zoom, never huge; in a
 * narrow window, a strip (the canvas keeps the window's width for the steps).
 */
export function headerWidthAt(zoom: number): number {
  return isNarrowWindow() ? STRIP_WIDTH : fullWidthAt(zoom);
}

function fullWidthAt(zoom: number): number {
  return Math.round(Math.max(172, Math.min(220, 220 * zoom)));
}

/**
 * How dense the headers are, chosen from the thinnest lane so every header on the screen has
 * the same type sizes: the name over the step count, smaller when zoomed out, and on one line
 * beside the count when the lanes are very thin. Every lane always shows its count. In a narrow
 * window, a strip: the name turned on its side (as far as the lane's height shows it; whole in
 * its tooltip and for screen readers), over the count.
 */
type Density = 'regular' | 'compact' | 'tiny' | 'strip';

/** Heights in rem, as in editor.css: padding, the name's line and the count's line. */
const METRICS = {
  regular: { pad: 0.4, nameLine: 1.05 * 1.25, countLine: 0.85 * 1.25, gap: 0.15 },
  compact: { pad: 0.2, nameLine: 0.9 * 1.2, countLine: 0.75 * 1.2, gap: 0 },
} as const;

function densityFor(thinnest: number, rem: number): Density {
  const fits = (d: keyof typeof METRICS) => {
    const m = METRICS[d];
    return thinnest >= (2 * m.pad + m.nameLine + m.gap + m.countLine) * rem + 2;
  };
  return fits('regular') ? 'regular' : fits('compact') ? 'compact' : 'tiny';
}

/** Whole lines of the name that fit above the count: a long name ends in an ellipsis, never cut. */
function nameLines(height: number, density: Density, rem: number): number {
  if (density === 'tiny' || density === 'strip') return 1;
  const m = METRICS[density];
  const room = height - 1 - (2 * m.pad + m.gap + m.countLine) * rem;
  return Math.max(1, Math.floor(room / (m.nameLine * rem)));
}

function LaneHeader({
  ctx,
  lane,
  top,
  height,
  density,
  rem,
  drag,
  onPointerDown,
  justDragged,
}: {
  ctx: ActionContext;
  lane: LaneBox;
  top: number;
  height: number;
  density: Density;
  rem: number;
  drag: LaneDrag | null;
  onPointerDown: (id: RoleId, event: ReactPointerEvent<HTMLElement>) => void;
  justDragged: () => boolean;
}) {
  const { role } = lane;
  const { doc, readOnly } = ctx;
  const selected = useSession((s) => s.selection.kind === 'lane' && s.selection.id === role.id);
  const editing = useSession((s) =>
    s.editing?.kind === 'lane' && s.editing.id === role.id ? s.editing : null,
  );
  const edit = useSession((s) => s.edit);
  const selectLane = useSession((s) => s.selectLane);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const count = ctx.index.stepsByRole(role.id).length;
  const lanes = ctx.geometry.lanes;
  const name = role.name || 'Unnamed lane';
  const dragged = drag?.id === role.id;

  const commit = (next: string) => {
    // A lane just added and its first name are one undo step.
    const fresh = editing?.fresh ?? null;
    edit(null);
    if (next && next !== role.name) {
      runOrHint(() => doc.amend(fresh, (d) => d.renameRole(role.id, next)));
    }
  };
  // The menu's actions are the table's, run on this lane.
  const actions: LaneMenuActions = {
    run: (id) => {
      selectLane(role.id);
      runAction(id, ctx);
    },
    recolour: (color: string | undefined) => runOrHint(() => doc.recolourRole(role.id, color)),
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the pointer twin of the lane shortcuts
    // biome-ignore lint/a11y/useKeyWithClickEvents: lanes are reached with the canvas keys
    <div
      className={`lane-header lane-header--${density}${selected ? ' is-selected' : ''}${dragged ? ' is-dragged' : ''}${readOnly ? '' : ' is-draggable'}`}
      style={{
        top,
        height,
        ['--name-lines' as string]: nameLines(height, density, rem),
        transform: dragged ? `translateY(${drag.dy}px)` : undefined,
        ['--lane-color' as string]: laneColour(role.color, lane.index),
      }}
      data-testid="lane"
      data-role-id={role.id}
      // The whole name, also when the header shows it shortened.
      title={readOnly ? name : `${name}: drag to reorder, double-click to rename`}
      onPointerDown={(e) => {
        if (readOnly || editing || (e.target as HTMLElement).closest('button, input, textarea'))
          return;
        onPointerDown(role.id, e);
      }}
      onClick={() => {
        if (!justDragged()) selectLane(role.id);
      }}
      onDoubleClick={() => {
        if (!readOnly) edit({ kind: 'lane', id: role.id });
      }}
    >
      {editing && !readOnly ? (
        <InlineText
          initial={role.name}
          typed={editing.typed}
          label="Lane name"
          onCommit={commit}
          onCancel={() => edit(null)}
        />
      ) : (
        <span className="lane-header__name" data-testid="lane-name">
          {name}
        </span>
      )}
      {/* The count and the ⋯ button share a line under the name, so the button never covers it. */}
      <span className="lane-header__meta">
        <span className="lane-header__count muted" data-testid="lane-count">
          {count}
          {/* In a tiny lane the count is a bare number; the word stays for screen readers. */}
          <span
            className={density === 'tiny' || density === 'strip' ? 'visually-hidden' : undefined}
          >
            {' '}
            {count === 1 ? 'step' : 'steps'}
          </span>
        </span>
        {!readOnly && !editing && (
          <button
            type="button"
            className="lane-header__menu button--quiet"
            aria-label={`Lane actions: ${name}`}
            aria-haspopup="menu"
            aria-expanded={menuAnchor !== null}
            onClick={(e) => {
              e.stopPropagation();
              setMenuAnchor(menuAnchor ? null : e.currentTarget);
            }}
          >
            ⋯
          </button>
        )}
      </span>
      {menuAnchor && (
        <LaneMenu
          role={role}
          anchor={menuAnchor}
          canMoveUp={lane.index > 0}
          canMoveDown={lane.index < lanes.length - 1}
          actions={actions}
          onClose={() => setMenuAnchor(null)}
        />
      )}
    </div>
  );
}

/**
 * Lane headers pinned to the left edge of the canvas, like a frozen column: the room always
 * sees whose lane a step is in, however far along the process the facilitator has panned.
 * Dragging a header up or down reorders the lanes.
 */
export function LaneHeaders({ ctx }: { ctx: ActionContext }) {
  const [, ty, zoom] = useStore((s) => s.transform);
  // A lane being renamed widens the strip back to headers: the name needs room to be typed.
  const renaming = useSession((s) => s.editing?.kind === 'lane');
  const narrow = useNarrowWindow();
  const strip = narrow && !renaming;
  const container = useRef<HTMLDivElement>(null);
  const screen: ScreenLane[] = useMemo(
    () =>
      ctx.geometry.lanes.map((lane) => ({
        id: lane.role.id,
        top: lane.y * zoom + ty,
        height: lane.height * zoom,
      })),
    [ctx.geometry, zoom, ty],
  );
  const rem = useMemo(
    () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 18,
    [],
  );
  const density = strip ? 'strip' : densityFor(Math.min(...screen.map((l) => l.height)), rem);
  const { drag, onPointerDown, justDragged } = useLaneDrag(screen, container, (id, to) =>
    runOrHint(() => ctx.doc.moveRole(id, to)),
  );
  return (
    <div
      ref={container}
      className={`lane-headers${drag ? ' is-dragging' : ''}`}
      style={{ width: strip ? STRIP_WIDTH : fullWidthAt(zoom) }}
    >
      {ctx.geometry.lanes.map((lane, i) => (
        <LaneHeader
          key={lane.role.id}
          ctx={ctx}
          lane={lane}
          top={screen[i]!.top}
          height={screen[i]!.height}
          density={density}
          rem={rem}
          drag={drag}
          onPointerDown={onPointerDown}
          justDragged={justDragged}
        />
      ))}
      {drag && (
        <div
          className="lane-drop-marker"
          style={{ top: drag.markerY }}
          data-testid="lane-drop-marker"
        />
      )}
    </div>
  );
}
