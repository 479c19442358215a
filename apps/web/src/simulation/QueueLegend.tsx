import { useId } from 'react';
import { useHoursPerDay } from '../editor/editor-context';
import { QUEUE_TITLE, queueScaleLabels } from './queue-text';
import { longestQueue, useSimulation } from './simulation-store';
import '../analysis/heat.css';

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
  const titleId = useId();
  const labels = queueScaleLabels(longestQueue(marks), hoursPerDay);
  return (
    <section
      className="heat-legend"
      aria-labelledby={titleId}
      data-testid="heat-legend"
      data-overlay="queue"
    >
      <h2 className="heat-legend__title" id={titleId}>
        Heat: {QUEUE_TITLE.toLowerCase()}
      </h2>
      <button
        type="button"
        className="button heat-legend__off"
        onClick={() => useSimulation.setState({ overlay: false })}
      >
        Turn off
      </button>
      {labels ? (
        <div className="heat-legend__scale">
          <div className="heat-legend__bar" aria-hidden="true" />
          <ul className="heat-legend__labels" aria-label="From cool to hot">
            <li>{labels[0]}</li>
            <li>{labels[1]}</li>
            <li>{labels[2]} (hottest)</li>
          </ul>
        </div>
      ) : (
        <p className="heat-legend__empty">
          No case queued for anyone: every step shows the cool end.
        </p>
      )}
      {at !== null && <p className="heat-legend__empty">From the simulation run at {clock(at)}.</p>}
    </section>
  );
}
