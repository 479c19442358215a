import type { StepKind } from '@procmap/model';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';

export type GhostNodeData = { label: string; kind: StepKind };
export type GhostFlowNode = Node<GhostNodeData, 'ghost'>;

/**
 * A step of the as-is that the scenario shown removed: faint, where it was, saying so in words.
 * Nothing can be done with it (not selectable, not dragged, no handles).
 */
export const GhostNode = memo(function GhostNode({ data }: NodeProps<GhostFlowNode>) {
  const label = data.label.trim() || 'Unnamed step';
  return (
    <div
      className={`step step--ghost step--${data.kind}`}
      data-testid="ghost-step"
      title={`Removed in this scenario: ${label}`}
    >
      <span className="step__scenario step__scenario--removed">Removed</span>
      <span className="step__label">
        <span className="visually-hidden">Removed in this scenario: </span>
        {label}
      </span>
    </div>
  );
});

/** The ghosts as React Flow nodes, behind the steps. */
export function ghostNodes(
  ghosts: readonly { id: string; label: string; kind: StepKind; x: number; y: number }[],
  width: number,
  height: number,
): GhostFlowNode[] {
  return ghosts.map((g) => ({
    id: `ghost:${g.id}`,
    type: 'ghost',
    position: { x: g.x, y: g.y },
    width,
    height,
    measured: { width, height },
    data: { label: g.label, kind: g.kind },
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    zIndex: 0,
  }));
}
