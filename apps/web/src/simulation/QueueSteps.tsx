import { formatMinutes } from '@procmap/analysis';
import type { SimulationResult } from '@procmap/simulation';
import { longestQueues } from './results-view';

const visitsText = (v: number) =>
  `${v.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${v === 1 ? 'visit' : 'visits'}`;

/**
 * The steps where cases queue longest for people, longest first; each one shows itself on the
 * map. Queue per case is the queue per visit times the visits (rework visits a step again).
 */
export function QueueSteps({
  result,
  hoursPerDay,
  onShow,
  exists,
}: {
  result: SimulationResult;
  hoursPerDay: number;
  onShow: (stepId: string) => void;
  /** Whether the step is still on the map (it may have been deleted since the run). */
  exists: (stepId: string) => boolean;
}) {
  const span = (m: number) => formatMinutes(m, hoursPerDay);
  const rows = longestQueues(result);
  if (rows.length === 0) {
    return <p className="panel__empty">No case queued for anyone: every role kept up.</p>;
  }
  return (
    <ol className="sim-queues" data-testid="queue-steps">
      {rows.map(({ step, perCase }) => (
        <li key={step.id}>
          <button
            type="button"
            className="finding"
            onClick={() => onShow(step.id)}
            disabled={!exists(step.id)}
            data-step-id={step.id}
          >
            <span className="finding__message">
              <strong>{step.label || 'Unnamed step'}</strong>: {span(perCase)} a case
            </span>
            <span className="finding__stake">
              {span(step.meanQueueTime ?? 0)} each time × {visitsText(step.visits)} a case
              {!exists(step.id) && ' (no longer on the map)'}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
