import { useEffect } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import { disposeSimulation } from './simulation-runner';
import { resetSimulation, useSimulation } from './simulation-store';

/**
 * The simulation's life beside an open map: one overlay at a time (the analysis heat turned on
 * turns the queue overlay off; the queue overlay turns the heat off itself), and on leaving the
 * map any run is stopped and its results forgotten.
 */
export function useSimulationSession(): void {
  useEffect(() => {
    const unsubscribe = useAnalysis.subscribe((state, before) => {
      if (state.heatMode !== 'off' && state.heatMode !== before.heatMode) {
        useSimulation.setState({ overlay: false });
      }
    });
    return () => {
      unsubscribe();
      disposeSimulation();
      resetSimulation();
    };
  }, []);
}
