import type { MapIndex, StepId } from '@procmap/model';
import type { SimulationProblem } from '@procmap/simulation';
import { useId } from 'react';
import { useSession } from '../store/session-store';

/** Problems fixed in the map settings (demand, headcounts), not on a step. */
const IN_SETTINGS = new Set<SimulationProblem['code']>(['no-demand', 'no-people']);

/**
 * Why the map cannot be simulated yet, as a list: each says what to add or fix and names the
 * step or role (the engine's messages), with a way there: the step on the map, or the map
 * settings where the demand and the headcounts are.
 */
export function SimulationProblems({
  problems,
  index,
  readOnly,
  onShowStep,
}: {
  problems: readonly SimulationProblem[];
  index: MapIndex;
  readOnly: boolean;
  onShowStep: (id: string) => void;
}) {
  const titleId = useId();
  const openSettings = () => {
    useSession.getState().clearSelection();
    useSession.getState().setPanelTab('properties');
  };
  return (
    <section className="sim-problems" aria-labelledby={titleId} data-testid="sim-problems">
      <h3 id={titleId}>
        The map cannot be simulated yet: {problems.length}{' '}
        {problems.length === 1 ? 'thing' : 'things'} to add or fix
      </h3>
      {readOnly && (
        <p className="panel__note">
          You can view this map only: someone who can edit it can make these changes.
        </p>
      )}
      <ul>
        {problems.map((p) => {
          const step = p.stepId ? index.step(p.stepId as StepId) : undefined;
          return (
            <li
              key={`${p.code}|${p.stepId ?? ''}|${p.roleId ?? ''}|${p.message}`}
              className="sim-problem"
              data-code={p.code}
              data-testid="sim-problem"
            >
              <p className="sim-problem__message">{p.message}</p>
              <div className="sim-problem__actions">
                {step && (
                  <button type="button" className="button" onClick={() => onShowStep(step.id)}>
                    Show “{step.label || 'Unnamed step'}” on the map
                  </button>
                )}
                {IN_SETTINGS.has(p.code) && !readOnly && (
                  <button type="button" className="button" onClick={openSettings}>
                    Open the map settings
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
