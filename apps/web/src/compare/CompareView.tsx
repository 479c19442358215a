import { AS_IS_NAME } from '@procmap/compare';
import type { MapDoc } from '@procmap/doc';
import type { Comment, ProcessMap } from '@procmap/model';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { changeGroups, ideaLines } from './change-list';
import { CompareCache, type CompareColumn } from './compare-cache';
import { metricRows, roleRows } from './compare-model';
import { CompareTable } from './CompareTable';
import { LeadTimeOverlay } from './LeadTimeOverlay';
import { MOST_SHOWN, shownIds } from './shown-ids';
import { useComparisonRun } from './useComparisonRun';
import './compare.css';

function ScenarioPicker({
  map,
  shown,
  onChange,
}: {
  map: ProcessMap;
  shown: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const scenarios = map.scenarios ?? [];
  const full = shown.length >= MOST_SHOWN;
  const hint = useId();
  return (
    <fieldset className="compare-picker" aria-describedby={hint}>
      <legend>Scenarios shown beside the as-is</legend>
      <p id={hint} className="compare-picker__hint">
        Up to {MOST_SHOWN} at once
        {full && scenarios.length > MOST_SHOWN ? ': untick one to choose another.' : '.'}
      </p>
      {scenarios.map((s) => {
        const on = shown.includes(s.id);
        return (
          <label key={s.id} className="compare-picker__choice">
            <input
              type="checkbox"
              checked={on}
              disabled={!on && full}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? // In the map's order, whatever order they were ticked in.
                      scenarios
                        .map((x) => x.id as string)
                        .filter((id) => id === s.id || shown.includes(id))
                    : shown.filter((id) => id !== s.id),
                )
              }
            />{' '}
            {s.name || 'Unnamed scenario'}
          </label>
        );
      })}
    </fieldset>
  );
}

function Changes({
  asIs,
  column,
  comments,
}: {
  asIs: CompareColumn;
  column: CompareColumn;
  comments: readonly Comment[];
}) {
  const groups = useMemo(
    () => (column.changes ? changeGroups(asIs.map, column.map, column.changes, asIs.format) : []),
    [asIs.map, column.map, column.changes, asIs.format],
  );
  const ideas = useMemo(() => ideaLines(column.ideas, comments), [column.ideas, comments]);
  return (
    <section className="compare-changes" data-testid="compare-changes" data-process={column.id}>
      <h3>What “{column.name}” changes</h3>
      {column.description && <p className="compare-changes__about">{column.description}</p>}
      {groups.length === 0 ? (
        <p>Nothing yet: it is still a copy of the as-is.</p>
      ) : (
        groups.map((g) => (
          <div key={g.title} className="compare-changes__group">
            <h4>{g.title}</h4>
            <ul>
              {g.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two steps may read alike
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        ))
      )}
      {ideas.length > 0 && (
        <div className="compare-changes__group">
          <h4>Ideas it takes up</h4>
          <ul>
            {ideas.map((c) => (
              <li key={c.id}>
                {c.text} <span className="compare-changes__votes">({c.votes})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * The as-is and up to three scenarios side by side: every headline metric with each scenario's
 * change and whether it is better or worse, each role's utilisation, what each scenario changes
 * by step, and on request their simulated lead times on one chart under one seed. Live: a
 * colleague's edit anywhere shows here at once, re-analysing only the process it touched.
 */
export function CompareView({ doc, onClose }: { doc: MapDoc; onClose: () => void }) {
  const map = useSyncExternalStore(doc.subscribe, doc.getSnapshot);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [cache] = useState(() => new CompareCache());
  const shown = shownIds(map, chosen);
  const shownKey = shown.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids are keyed by their text
  const columns = useMemo(() => cache.columns(map, shown), [cache, map, shownKey]);
  const metrics = useMemo(() => metricRows(columns), [columns]);
  const roles = useMemo(() => roleRows(columns), [columns]);
  const { state, outcome, start, cancel } = useComparisonRun();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const scenarios = map.scenarios ?? [];

  useEffect(() => heading.current?.focus(), []);
  // A column that goes (a colleague deleted its scenario) may take the keyboard with it: the
  // view's heading gets it back rather than the page body.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the columns shown change
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) heading.current?.focus();
  }, [shownKey]);

  const stale =
    outcome !== null &&
    (outcome.maps.length !== columns.length || outcome.maps.some((m, i) => m !== columns[i]?.map));

  return (
    <section
      className="compare"
      aria-labelledby={headingId}
      data-testid="compare-view"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="compare__head">
        <h2 id={headingId} ref={heading} tabIndex={-1} className="compare__title">
          Compare scenarios
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Back to the map
        </button>
      </header>
      {scenarios.length === 0 ? (
        <div className="compare__empty" data-testid="compare-empty">
          <p>
            This map has no scenarios yet, so there is nothing to compare the as-is with. A scenario
            is a to-be: a copy of the process you change freely (drop a step, move work to another
            role, shorten a wait) while the as-is stays as it is.
          </p>
          <p>
            To make one, open the process menu by the map’s title, choose “New scenario from as-is”
            and name it. Edit it on the map, then come back here to see what it changes and what it
            buys.
          </p>
        </div>
      ) : (
        <>
          <ScenarioPicker map={map} shown={shown} onChange={setChosen} />
          <CompareTable
            caption={`Per case: the ${AS_IS_NAME.toLowerCase()} and ${columns.length - 1} ${columns.length === 2 ? 'scenario' : 'scenarios'}, each change against the as-is`}
            columns={columns}
            rows={metrics}
            rowHead="Metric"
            testId="compare-metrics"
          />
          {roles.length > 0 && (
            <CompareTable
              caption="Utilisation by role: the share of each role’s time the demand asks for (n/a without demand or people)"
              columns={columns}
              rows={roles}
              rowHead="Role"
              testId="compare-roles"
            />
          )}
          <section className="compare-simulate" aria-label="Simulated lead times">
            <h3>Simulated lead times</h3>
            <div className="compare-simulate__bar">
              <button
                type="button"
                className="button button--primary"
                onClick={() => start(columns.map(({ id, name, map: m }) => ({ id, name, map: m })))}
                disabled={state.kind === 'running'}
              >
                Simulate all
              </button>
              {state.kind === 'running' && (
                <>
                  <progress
                    max={1}
                    value={state.done}
                    aria-label="Simulating all the processes"
                    data-testid="compare-progress"
                  />
                  <span aria-hidden="true">{Math.round(state.done * 100)}%</span>
                  <button type="button" className="button" onClick={cancel}>
                    Cancel
                  </button>
                </>
              )}
            </div>
            <p className="compare-simulate__status" role="status">
              {state.kind === 'running'
                ? 'Simulating every process under one seed…'
                : state.kind === 'cancelled'
                  ? 'Simulation cancelled.'
                  : state.kind === 'error'
                    ? `The simulation stopped: ${state.message}.`
                    : outcome
                      ? stale
                        ? 'The processes have changed since this run: simulate again to update the chart.'
                        : 'Simulated.'
                      : ''}
            </p>
            {outcome && <LeadTimeOverlay outcome={outcome} />}
          </section>
          <section className="compare-changes-list" aria-label="Changes by step">
            <h3>Changes from the as-is, by step</h3>
            {columns.slice(1).map((c) => (
              <Changes
                key={c.id}
                asIs={columns[0] as CompareColumn}
                column={c}
                comments={map.comments ?? []}
              />
            ))}
          </section>
        </>
      )}
    </section>
  );
}
