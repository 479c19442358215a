import type { MapIndex } from '@procmap/model';
import { useStore } from '@xyflow/react';
import { useSession } from '../store/session-store';
import { useMapDoc } from './editor-context';
import { InlineText } from './InlineText';
import type { LaneBox, MapGeometry } from './lane-geometry';

/** Screen width of the pinned lane headers at a zoom: readable at any zoom, never huge. */
export function headerWidthAt(zoom: number): number {
  return Math.round(Math.max(150, Math.min(220, 220 * zoom)));
}

function LaneHeader({
  lane,
  top,
  height,
  count,
}: {
  lane: LaneBox;
  top: number;
  height: number;
  count: number;
}) {
  const { role } = lane;
  const doc = useMapDoc();
  const selected = useSession((s) => s.selection.kind === 'lane' && s.selection.id === role.id);
  const editing = useSession((s) => s.editing?.kind === 'lane' && s.editing.id === role.id);
  const edit = useSession((s) => s.edit);
  const selectLane = useSession((s) => s.selectLane);
  const commit = (name: string) => {
    edit(null);
    if (name && name !== role.name) doc.renameRole(role.id, name);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the pointer twin of the lane shortcuts
    // biome-ignore lint/a11y/useKeyWithClickEvents: lanes are reached with the canvas keys
    <div
      className={`lane-header${height < 96 ? ' lane-header--compact' : ''}${selected ? ' is-selected' : ''}`}
      style={{ top, height, ['--lane-color' as string]: role.color ?? 'var(--lane-default)' }}
      data-testid="lane"
      data-role-id={role.id}
      onClick={() => selectLane(role.id)}
      onDoubleClick={() => edit({ kind: 'lane', id: role.id })}
    >
      {editing ? (
        <InlineText
          initial={role.name}
          label="Lane name"
          onCommit={commit}
          onCancel={() => edit(null)}
        />
      ) : (
        <span className="lane-header__name" data-testid="lane-name">
          {role.name || 'Unnamed lane'}
        </span>
      )}
      <span className="lane-header__count muted">
        {count} {count === 1 ? 'step' : 'steps'}
      </span>
    </div>
  );
}

/**
 * Lane headers pinned to the left edge of the canvas, like a frozen column: the room always
 * sees whose lane a step is in, however far along the process the facilitator has panned.
 */
export function LaneHeaders({ geometry, index }: { geometry: MapGeometry; index: MapIndex }) {
  const [, ty, zoom] = useStore((s) => s.transform);
  return (
    <div className="lane-headers" style={{ width: headerWidthAt(zoom) }}>
      {geometry.lanes.map((lane) => (
        <LaneHeader
          key={lane.role.id}
          lane={lane}
          top={lane.y * zoom + ty}
          height={lane.height * zoom}
          count={index.stepsByRole(lane.role.id).length}
        />
      ))}
    </div>
  );
}
