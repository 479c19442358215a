import { useSimulation } from './simulation-store';

/**
 * The simulation's polite live region: started, a quarter done in a long run, finished with the
 * summary, cancelled. Always on the page beside the panel, so a run that ends while someone
 * works on the map is still told.
 */
export function SimulationAnnouncer() {
  const said = useSimulation((s) => s.said);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="sim-announcer"
    >
      {/* Keyed by serial: the same words said twice are heard twice. */}
      {said && <span key={said.serial}>{said.text}</span>}
    </div>
  );
}
