import { annotations, type Finding } from '@procmap/analysis';
import { type MapIndex, resolveSettings, roundedDuration, WASTES } from '@procmap/model';
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useSession } from '../store/session-store';
import { type HeatMode, useAnalysis } from './analysis-store';
import { WASTE_LABELS } from '../app/labels';
import { formatMoney, formatShare } from './format';

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
  // The waste with the most time at stake first: where the room should look.
  const stake = (g: (typeof groups)[number]) => g.findings.reduce((t, f) => t + f.timeAtStake, 0);
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
  const span = (m: number) => roundedDuration(m, settings.hoursPerDay);

  const show = (finding: Finding) => {
    const ids = finding.stepIds.filter((id) => index.step(id));
    if (ids.length === 0) return;
    useSession.getState().selectSteps(ids);
    void flow.fitView({
      nodes: ids.map((id) => ({ id })),
      duration: 300,
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
    body = (
      <>
        <dl className="metrics" data-testid="metrics">
          <Metric label="Lead time" value={span(m.leadTime)} hint="End to end, per case" />
          <Metric label="Process time" value={span(m.processTime)} hint="Hands-on work per case" />
          <Metric label="Waiting" value={span(m.waitTime)} />
          <Metric
            label="Process cycle efficiency"
            value={formatShare(m.processCycleEfficiency)}
            hint="Value-adding time ÷ lead time"
          />
          <Metric
            label="Handoffs per case"
            value={String(Math.round(m.handoffs * 10) / 10)}
            hint="Times a case changes hands between roles, on average over the paths cases take"
          />
          <Metric
            label="Right first time"
            value={formatShare(m.rolledCompleteAccurate)}
            hint="Rolled % complete and accurate"
          />
          <Metric
            label="Cost per case"
            value={formatMoney(m.costPerCase, index.map.settings?.currency)}
          />
          <Metric label="Takt time" value={m.taktTime === null ? '—' : span(m.taktTime)} />
        </dl>
        {(m.bottleneck || m.longestWait) && (
          <ul className="metric-notes">
            {m.bottleneck && (
              <li>
                Bottleneck: <strong>{m.bottleneck.label || 'Unnamed step'}</strong>
                {m.bottleneck.basis === 'time' ? ' (longest step; add demand and headcount)' : ''}
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
                      <span className="finding__message">{finding.message}</span>
                      {finding.timeAtStake > 0 && (
                        <span className="finding__stake">{span(finding.timeAtStake)} at stake</span>
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
    <section aria-label="Waste analysis" data-testid="analysis-panel" aria-busy={computing}>
      <h2 className="panel__title">
        Waste analysis
        {computing && result && <span className="panel__updating muted"> updating…</span>}
      </h2>
      {body}
    </section>
  );
}
