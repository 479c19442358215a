import {
  annotations,
  describeBottleneck,
  type Finding,
  formatMetric,
  formatMinutes,
  METRIC_DESCRIPTORS,
  type MetricKey,
} from '@procmap/analysis';
import { type MapIndex, resolveSettings, WASTES } from '@procmap/model';
import { useReactFlow } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { WASTE_LABELS } from '../app/labels';
import { motionMs } from '../editor/motion';
import { useSession } from '../store/session-store';
import { type HeatMode, useAnalysis } from './analysis-store';
import { scrollToTop } from './scroll';
import { SEVERITY_SYMBOLS, SEVERITY_WORDS } from './severity';

/** The headline figures of the tab, in the order shown (the descriptors give name and unit). */
const SHOWN: readonly MetricKey[] = [
  'leadTime',
  'processTime',
  'waitTime',
  'processCycleEfficiency',
  'handoffs',
  'rolledCompleteAccurate',
  'costPerCase',
  'taktTime',
];

const HEAT_MODES: readonly { readonly value: HeatMode; readonly label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'wait', label: 'Wait' },
  { value: 'lead', label: 'Lead time' },
];

/** A finding's identity for React: its rule, what it names and what it says. */
const findingKey = (f: Finding) =>
  `${f.rule}|${f.stepIds.join(',')}|${f.flowIds.join(',')}|${f.roleIds.join(',')}|${f.message}`;

function Metric({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="metric" title={hint}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * The longest wait as a case meets it: the step's own wait, and, when not every case reaches
 * the step, the average per case that ranks it (so it agrees with the finding's figure).
 */
function LongestWait({
  perCase,
  each,
  span,
}: {
  perCase: number;
  each: number | undefined;
  span: (minutes: number) => string;
}) {
  if (each === undefined || each <= 0 || span(each) === span(perCase)) {
    return <>{span(perCase)} per case</>;
  }
  return (
    <>
      {span(each)} each time it is reached; {span(perCase)} per case on average
    </>
  );
}

/** Groups findings by waste, in the TIMWOODS order, map problems last; each group by time. */
function groupFindings(findings: readonly Finding[]) {
  const groups: { key: string; title: string; findings: Finding[] }[] = [];
  for (const waste of [...WASTES, null] as const) {
    const inGroup = findings.filter((f) => f.waste === waste);
    if (inGroup.length === 0) continue;
    groups.push({
      key: waste ?? 'map',
      title: waste ? WASTE_LABELS[waste] : 'Map checks',
      findings: inGroup,
    });
  }
  // The waste with the most time to gain first (shared time counted once): where to look.
  const stake = (g: (typeof groups)[number]) =>
    g.findings.reduce((t, f) => t + f.uniqueTimeAtStake, 0);
  return groups.sort((a, b) => (a.key === 'map' ? 1 : b.key === 'map' ? -1 : stake(b) - stake(a)));
}

/** The room's own pain points and ideas (open comments), most votes first: beside the findings. */
function RoomAnnotations({ index }: { index: MapIndex }) {
  const room = useMemo(() => annotations(index.map), [index.map]);
  if (room.length === 0) return null;
  return (
    <section className="finding-group" aria-label="From the room" data-testid="room-pain-points">
      <h3>
        From the room <span className="muted">({room.length})</span>
      </h3>
      <ul>
        {room.map((a) => (
          <li key={a.id} className={`room-pain room-pain--${a.kind}`}>
            <span className="finding__message">
              <strong>{a.kind === 'idea' ? 'Idea' : 'Pain point'}:</strong> {a.text}
            </span>
            <span className="finding__stake">
              {a.target !== null ? `on ${a.target || 'Unnamed step'} · ` : ''}
              {a.votes} {a.votes === 1 ? 'vote' : 'votes'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The waste analysis of the open map, live: the headline metrics, then the findings grouped
 * by waste; a finding selects its steps and brings them into view. Computed off the main
 * thread after every edit, by anyone.
 */
export function AnalysisPanel({ index }: { index: MapIndex }) {
  const { result, computing, error, heatMode, setHeatMode } = useAnalysis();
  const flow = useReactFlow();
  const settings = resolveSettings(index.map);
  const span = (m: number) => formatMinutes(m, settings.hoursPerDay);
  const top = useRef<HTMLElement>(null);
  // The tab shares its scrolling box with the other tabs: it opens at its own top, not where
  // the properties were scrolled to.
  useLayoutEffect(() => {
    if (top.current) scrollToTop(top.current);
  }, []);

  const show = (finding: Finding) => {
    const ids = finding.stepIds.filter((id) => index.step(id));
    if (ids.length === 0) return;
    useSession.getState().selectSteps(ids);
    void flow.fitView({
      nodes: ids.map((id) => ({ id })),
      duration: motionMs(300),
      padding: 0.35,
      maxZoom: 1,
    });
  };

  let body: React.ReactNode;
  if (error) {
    body = (
      <p className="notice notice--error" role="alert">
        {error} The map is unchanged; the next edit tries again.
      </p>
    );
  } else if (index.map.steps.length === 0) {
    body = (
      <p className="panel__empty">
        Add steps, then give them process and wait times: the analysis shows where the time goes and
        which waste to tackle first.
      </p>
    );
  } else if (!result) {
    body = <p className="panel__empty">Analysing…</p>;
  } else {
    const m = result.metrics;
    const groups = groupFindings(result.findings);
    const gains = result.findings.reduce((t, f) => t + f.uniqueTimeAtStake, 0);
    body = (
      <>
        <dl className="metrics" data-testid="metrics">
          {SHOWN.map((key) => {
            const d = METRIC_DESCRIPTORS.find((x) => x.key === key);
            if (!d) return null;
            const value = formatMetric(m, key, settings);
            return (
              <Metric
                key={key}
                label={d.label}
                value={value ?? '—'}
                hint={value === null ? `${d.hint}. Not known: ${d.missing}.` : d.hint}
              />
            );
          })}
        </dl>
        {gains > 0 && (
          <p className="panel__note" data-testid="gains-total">
            Together the findings put up to <strong>{span(gains)}</strong> of the {span(m.leadTime)}{' '}
            lead time at stake (time two findings share counted once).
          </p>
        )}
        {(m.bottleneck || m.longestWait) && (
          <ul className="metric-notes">
            {m.bottleneck && (
              <li>
                Bottleneck: <strong>{describeBottleneck(m.bottleneck)}</strong>
              </li>
            )}
            {m.longestWait && (
              <li>
                Longest wait: <strong>{m.longestWait.label || 'Unnamed step'}</strong>,{' '}
                <LongestWait
                  perCase={m.longestWait.waitTime}
                  each={index.step(m.longestWait.stepId)?.waitTime}
                  span={span}
                />
              </li>
            )}
          </ul>
        )}
        <fieldset className="heat-toggle">
          <legend>Colour steps by</legend>
          {HEAT_MODES.map((mode) => (
            <label key={mode.value}>
              <input
                type="radio"
                name="heat"
                value={mode.value}
                checked={heatMode === mode.value}
                onChange={() => setHeatMode(mode.value)}
              />
              {mode.label}
            </label>
          ))}
        </fieldset>
        <RoomAnnotations index={index} />
        {groups.length === 0 ? (
          <p className="panel__empty">No findings: nothing in this map trips a rule.</p>
        ) : (
          groups.map((group) => (
            <section key={group.key} className="finding-group" aria-label={group.title}>
              <h3>
                {group.title} <span className="muted">({group.findings.length})</span>
              </h3>
              <ul>
                {group.findings.map((finding) => (
                  <li key={findingKey(finding)}>
                    <button
                      type="button"
                      className={`finding finding--${finding.severity}`}
                      data-testid="finding"
                      data-rule={finding.rule}
                      onClick={() => show(finding)}
                      disabled={finding.stepIds.length === 0}
                    >
                      <span className="finding__message">
                        <span
                          className={`finding__symbol finding__symbol--${finding.severity}`}
                          data-testid="finding-symbol"
                          aria-hidden="true"
                          title={`${SEVERITY_WORDS[finding.severity]} severity`}
                        >
                          {SEVERITY_SYMBOLS[finding.severity]}
                        </span>
                        <span className="visually-hidden">
                          {SEVERITY_WORDS[finding.severity]} severity:{' '}
                        </span>
                        {finding.message}
                      </span>
                      {finding.timeAtStake > 0 && (
                        <span
                          className="finding__stake"
                          title={
                            finding.uniqueTimeAtStake < finding.timeAtStake
                              ? 'Part of this time is also counted by a larger finding'
                              : undefined
                          }
                        >
                          {span(finding.timeAtStake)} a case at stake
                          {finding.uniqueTimeAtStake < finding.timeAtStake &&
                            (finding.uniqueTimeAtStake > 0
                              ? ` (${span(finding.uniqueTimeAtStake)} not also counted by a larger finding)`
                              : ' (all of it also counted by a larger finding)')}
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </>
    );
  }

  return (
    <section
      ref={top}
      aria-label="Waste analysis"
      data-testid="analysis-panel"
      aria-busy={computing}
    >
      <h2 className="panel__title">
        Waste analysis
        {computing && result && <span className="panel__updating muted"> updating…</span>}
      </h2>
      {body}
    </section>
  );
}
