import type { SimulationResult } from '@procmap/simulation';
import { roleRows } from './results-view';

/** The queue's mean length in words; nothing when it rounds to no one. */
function waiting(cases: number): string | null {
  const shown = cases.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  if (shown === '0') return null;
  return `${shown} ${shown === '1' ? 'case' : 'cases'} waiting on average`;
}

const STATE_WORDS = { ok: '', busy: ', nearly full', overloaded: '', unlimited: '' } as const;

/**
 * How busy each role's people are, one bar each. An overloaded role is red and says so in words
 * ("Overloaded", and the run's message on how fast its queue grows): the colour is never the
 * only cue. A role without a headcount has no bar: it had as many people as it needed.
 */
export function RoleUtilisation({ result }: { result: SimulationResult }) {
  const rows = roleRows(result);
  if (rows.length === 0) return null;
  return (
    <ul className="sim-roles" data-testid="role-utilisation">
      {rows.map((row) => (
        <li
          key={row.role.id}
          className={`sim-role sim-role--${row.state}`}
          data-testid="role-row"
          data-role-id={row.role.id}
          data-state={row.state}
        >
          <div className="sim-role__head">
            <span className="sim-role__name">{row.role.name || 'Unnamed role'}</span>
            <span className="sim-role__figure" data-testid="role-utilisation-text">
              {row.state === 'overloaded' && (
                <span className="sim-role__flag" aria-hidden="true">
                  !{' '}
                </span>
              )}
              {row.text}
              {STATE_WORDS[row.state]}
            </span>
          </div>
          {row.state !== 'unlimited' && (
            <div className="sim-role__track" aria-hidden="true">
              <div
                className="sim-role__fill"
                style={{ width: `${(row.fill * 100).toFixed(1)}%` }}
              />
            </div>
          )}
          <p className="sim-role__detail">
            {row.role.headcount !== null &&
              `${row.role.headcount} ${row.role.headcount === 1 ? 'person' : 'people'}`}
            {row.role.headcount !== null && waiting(row.role.meanQueueLength) && ' · '}
            {waiting(row.role.meanQueueLength)}
          </p>
          {row.warnings.map((w) => (
            <p
              key={`${w.code}|${w.message}`}
              className={`sim-role__warning sim-role__warning--${w.code}`}
              data-testid="role-warning"
              data-code={w.code}
            >
              {w.message}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
