import { useHoursPerDay } from '../editor/editor-context';
import { QUEUE_TITLE, queueScaleLabels } from './queue-text';
import { longestQueue, useSimulation } from './simulation-store';
import { LegendFrame } from '../analysis/LegendFrame';

const clock = (at: number) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * The queue overlay's legend, on the canvas while it is on: the analysis heat legend's look,
 * with the simulated queue per case from cool to hot, and when that run was.
 */
export function QueueLegend() {
  const marks = useSimulation((s) => s.marks);
  const at = useSimulation((s) => (s.outcome?.kind === 'result' ? s.outcome.at : null));
  const hoursPerDay = useHoursPerDay();
  const labels = queueScaleLabels(longestQueue(marks), hoursPerDay);
  return (
    <LegendFrame
      title={QUEUE_TITLE}
      labels={labels}
      empty="No case queued for anyone: every step shows the cool end."
      onTurnOff={() => useSimulation.setState({ overlay: false })}
      overlay="queue"
      footer={
        at !== null && <p className="heat-legend__empty">From the simulation run at {clock(at)}.</p>
      }
    />
  );
}
