import { laneColour, type Role } from '@procmap/model';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useSession } from '../store/session-store';

export type LaneNodeData = { role: Role; index: number; stepCount: number };
export type LaneFlowNode = Node<LaneNodeData, 'lane'>;

/** A swimlane band behind the steps; its header is pinned to the left (LaneHeaders). */
export const LaneNode = memo(function LaneNode({ data, width, height }: NodeProps<LaneFlowNode>) {
  const { role } = data;
  const selected = useSession((s) => s.selection.kind === 'lane' && s.selection.id === role.id);
  return (
    <div
      className={`lane${data.index % 2 ? ' lane--odd' : ''}${selected ? ' is-selected' : ''}`}
      style={{ width, height, ['--lane-color' as string]: laneColour(role.color, data.index) }}
      data-testid="lane-band"
      data-role-id={role.id}
    />
  );
});
