import { useMemo } from 'react';
import { useHoursPerDay } from '../editor/editor-context';
import { QueueLegend } from '../simulation/QueueLegend';
import { useSimulation } from '../simulation/simulation-store';
import { useAnalysis } from './analysis-store';
import { HEAT_TITLES, heatScaleLabels } from './heat-text';
import { LegendFrame } from './LegendFrame';

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
  const hottest = useMemo(() => {
    if (heatMode === 'off') return 0;
    let max = 0;
    for (const mark of marks.values()) max = Math.max(max, mark.minutes[heatMode]);
    return max;
  }, [heatMode, marks]);
  if (heatMode === 'off') return null;
  const labels = heatScaleLabels(heatMode, hottest, leadTime, hoursPerDay);
  return (
    <LegendFrame
      title={HEAT_TITLES[heatMode]}
      labels={labels}
      empty={
        heatMode === 'wait'
          ? 'No step has a wait yet: every step shows the cool end.'
          : 'No step has a time yet: every step shows the cool end.'
      }
      onTurnOff={() => useAnalysis.getState().setHeatMode('off')}
    />
  );
}
