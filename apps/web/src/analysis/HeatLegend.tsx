import { useId, useMemo } from 'react';
import { useHoursPerDay } from '../editor/editor-context';
import { QueueLegend } from '../simulation/QueueLegend';
import { useSimulation } from '../simulation/simulation-store';
import { useAnalysis } from './analysis-store';
import { HEAT_TITLES, heatScaleLabels } from './heat-text';
import './heat.css';

/**
 * The legend of whichever overlay colours the steps: the analysis heat, or the simulated queue
 * (one at a time).
 */
export function HeatLegend() {
  const queue = useSimulation((s) => s.overlay);
  return queue ? <QueueLegend /> : <AnalysisHeatLegend />;
}

/**
 * The heat overlay's legend, on the canvas whenever the heat is on (whichever tab the panel
 * shows): what the colour measures, and the figures at the cool end, the middle and the hot
 * end of the scale; a button turns the heat off again.
 */
function AnalysisHeatLegend() {
  const heatMode = useAnalysis((s) => s.heatMode);
  const marks = useAnalysis((s) => s.marks);
  const leadTime = useAnalysis((s) => s.result?.metrics.leadTime ?? 0);
  const hoursPerDay = useHoursPerDay();
  const titleId = useId();
  const hottest = useMemo(() => {
    if (heatMode === 'off') return 0;
    let max = 0;
    for (const mark of marks.values()) max = Math.max(max, mark.minutes[heatMode]);
    return max;
  }, [heatMode, marks]);
  if (heatMode === 'off') return null;
  const labels = heatScaleLabels(heatMode, hottest, leadTime, hoursPerDay);
  return (
    <section className="heat-legend" aria-labelledby={titleId} data-testid="heat-legend">
      <h2 className="heat-legend__title" id={titleId}>
        Heat: {HEAT_TITLES[heatMode].toLowerCase()}
      </h2>
      <button
        type="button"
        className="button heat-legend__off"
        onClick={() => useAnalysis.getState().setHeatMode('off')}
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
          {heatMode === 'wait'
            ? 'No step has a wait yet: every step shows the cool end.'
            : 'No step has a time yet: every step shows the cool end.'}
        </p>
      )}
    </section>
  );
}
