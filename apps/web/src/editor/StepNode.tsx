import { formatStepTimes, type Step } from '@procmap/model';
import { Handle, type Node, type NodeProps, Position, useStore } from '@xyflow/react';
import { memo } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import { heatValueHint, heatValueText } from '../analysis/heat-text';
import { findingsText, SEVERITY_SYMBOLS } from '../analysis/severity';
import { commentMarkText, KIND_SYMBOLS, useCommentMarks } from '../comments/comment-marks';
import { usePresence } from '../presence/presence-store';
import { queueValueHint, queueValueText } from '../simulation/queue-text';
import { useSimulation } from '../simulation/simulation-store';
import { useSession } from '../store/session-store';
import { useHoursPerDay, useMapDoc, useReadOnly } from './editor-context';
import { InlineText } from './InlineText';
import { markBadges } from './scenario-marks';
import { useScenarioMarks } from './scenario-store';
import '../analysis/heat.css';

export type StepNodeData = { step: Step };
export type StepFlowNode = Node<StepNodeData, 'step'>;

const KIND_NAMES: Readonly<Record<Step['kind'], string>> = {
  start: 'Start',
  task: 'Task',
  decision: 'Decision',
  delay: 'Delay',
  end: 'End',
};

/**
 * How much a shown connection handle (36px across at 100%) grows so it stays at least 24px on
 * screen when the canvas is zoomed out, in quarter steps so steps re-render only when it
 * changes; up to 2.5 times, at a quarter zoom and less the map is an overview.
 */
export const handleGrowth = (zoom: number): number =>
  Math.min(2.5, Math.max(1, Math.ceil((26 / 36 / zoom) * 4) / 4));

/** One step: its shape by kind, its label as text (wrapping), edited in place. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { step } = data;
  const doc = useMapDoc();
  const readOnly = useReadOnly();
  const editing = useSession((s) =>
    s.editing?.kind === 'step' && s.editing.id === step.id && !readOnly ? s.editing : null,
  );
  const edit = useSession((s) => s.edit);
  const hoursPerDay = useHoursPerDay();
  const times = formatStepTimes(step, hoursPerDay);
  // The analysis: how many findings name this step, and its heat when the overlay is on.
  const marks = useAnalysis((s) => s.marks.get(step.id));
  const heatMode = useAnalysis((s) => s.heatMode);
  const grow = useStore((s) => handleGrowth(s.transform[2]));
  // The simulated queue overlay, when on, instead of the analysis heat (one at a time).
  const queueOn = useSimulation((s) => s.overlay);
  const queue = useSimulation((s) => (s.overlay ? s.marks.get(step.id) : undefined));
  const heat = queueOn
    ? queue?.share
    : heatMode === 'off' || !marks
      ? undefined
      : marks.heat[heatMode];
  const heatMinutes = heatMode === 'off' || !marks ? undefined : marks.minutes[heatMode];
  const leadTime = useAnalysis((s) => s.result?.metrics.leadTime ?? 0);
  const comments = useCommentMarks((s) => s.marks.get(step.id));
  // While a scenario is shown: how this step differs from the as-is, in words.
  const scenario = useScenarioMarks((s) => s.marks.get(step.id));
  // Colleagues who have this step selected: an outline in each one's colour, and their names.
  const peers = usePresence((s) => s.selectedBy.get(step.id));
  const outline = peers
    ?.slice(0, 3)
    .map((peer, i) => `0 0 0 ${3 * (i + 1) + 2}px ${peer.color}`)
    .join(', ');
  const commit = (label: string) => {
    // A step just added and the name then typed into it are one undo step.
    const fresh = editing?.fresh ?? null;
    edit(null);
    if (label !== step.label) doc.amend(fresh, (d) => d.updateStep(step.id, { label }));
  };
  const cancel = () => {
    // Esc while naming a step just added takes the whole add back: no "Unnamed step" is left.
    const fresh = editing?.fresh ?? null;
    edit(null);
    if (fresh && step.label === '' && doc.takeBack(fresh)) {
      useSession.getState().clearSelection();
      useSession.getState().setHint('Step not added: Esc took it back.');
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: double-click is the pointer twin of F2
    <div
      className={`step step--${step.kind}${selected ? ' is-selected' : ''}${readOnly ? ' is-read-only' : ''}`}
      data-testid="step"
      data-step-id={step.id}
      data-role-id={step.roleId}
      data-kind={step.kind}
      data-peer-selected={peers ? peers.length : undefined}
      style={{
        ...(outline ? { ['--peer-outline' as string]: outline } : {}),
        ...(heat !== undefined ? { ['--heat' as string]: heat.toFixed(3) } : {}),
        ...(grow > 1 ? { ['--handle-grow' as string]: grow } : {}),
      }}
      data-heat={heat !== undefined ? Math.round(heat * 100) : undefined}
      data-scenario-mark={
        scenario
          ? scenario.added
            ? 'new'
            : scenario.changed.length
              ? 'changed'
              : 'moved'
          : undefined
      }
      title={`${KIND_NAMES[step.kind]}: ${step.label}`}
      onDoubleClick={() => {
        if (!readOnly) edit({ kind: 'step', id: step.id });
      }}
    >
      <Handle type="target" position={Position.Left} className="step__handle" />
      {step.kind === 'decision' && (
        <svg
          className="step__diamond"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          <polygon points="50,2 98,50 50,98 2,50" vectorEffect="non-scaling-stroke" />
        </svg>
      )}
      {editing ? (
        <InlineText
          initial={step.label}
          typed={editing.typed}
          label="Step label"
          multiline
          onCommit={commit}
          onCancel={cancel}
        />
      ) : (
        <span className={`step__label${step.label ? '' : ' is-empty'}`} data-testid="step-label">
          {step.label || 'Unnamed step'}
        </span>
      )}
      <span className="visually-hidden">, {KIND_NAMES[step.kind]}</span>
      {scenario && (
        <span className="step__scenario-marks" data-testid="scenario-marks">
          {markBadges(scenario).map((text) => (
            <span
              key={text}
              className={`step__scenario step__scenario--${text === 'New' ? 'new' : text.startsWith('Moved') ? 'moved' : 'changed'}`}
              data-testid="scenario-badge"
            >
              {text}
            </span>
          ))}
        </span>
      )}
      {comments && (
        <span
          className={`step__comments step__comments--${comments.kind}`}
          data-testid="comment-marker"
          data-kind={comments.kind}
          title={commentMarkText(comments.count, comments.kind)}
        >
          <span aria-hidden="true">
            <span className="step__symbol" data-testid="mark-symbol">
              {KIND_SYMBOLS[comments.kind]}
            </span>
            {comments.count}
          </span>
          <span className="visually-hidden">{commentMarkText(comments.count, comments.kind)}</span>
        </span>
      )}
      {queueOn ? (
        <span
          className="step__times step__heat"
          data-testid="heat-value"
          title={queueValueHint(queue?.minutes, hoursPerDay)}
        >
          {queueValueText(queue?.minutes, hoursPerDay)}
        </span>
      ) : heatMode !== 'off' && heatMinutes !== undefined ? (
        // In heat mode the chip on the lower edge says what the colour says, in words.
        <span
          className="step__times step__heat"
          data-testid="heat-value"
          title={heatValueHint(heatMode, heatMinutes, leadTime, hoursPerDay)}
        >
          {heatValueText(heatMode, heatMinutes, leadTime, hoursPerDay)}
        </span>
      ) : (
        times && (
          <span
            className="step__times"
            data-testid="step-times"
            title="Process time, and the wait before the step starts"
          >
            {times}
          </span>
        )
      )}
      {marks && marks.findings > 0 && (
        <span
          className={`step__badge step__badge--${marks.worst}`}
          data-testid="finding-badge"
          data-severity={marks.worst ?? undefined}
          title={`${findingsText(marks.findings, marks.worst)}, in the analysis`}
        >
          <span aria-hidden="true">
            {marks.worst && (
              <span className="step__symbol" data-testid="mark-symbol">
                {SEVERITY_SYMBOLS[marks.worst]}
              </span>
            )}
            {marks.findings}
          </span>
          <span className="visually-hidden">{findingsText(marks.findings, marks.worst)}</span>
        </span>
      )}
      {peers && (
        <span
          className="step__peers"
          data-testid="peer-tags"
          title={`Selected by ${peers.map((p) => p.name).join(', ')}`}
        >
          <span className="visually-hidden">Selected by </span>
          {peers.slice(0, 3).map((peer) => (
            <span
              key={peer.clientId}
              className="step__peer"
              data-testid="peer-tag"
              data-name={peer.name}
              style={{ background: peer.color, color: peer.ink }}
            >
              {peer.name}
            </span>
          ))}
          {peers.length > 3 && (
            <span className="step__peer step__peer--more">
              <span className="visually-hidden">and </span>+{peers.length - 3}
            </span>
          )}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="step__handle" />
    </div>
  );
});
