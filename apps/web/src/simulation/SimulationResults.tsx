import { formatMinutes, formatMoney } from '@procmap/analysis';
import type { SimulationResult } from '@procmap/simulation';
import { LeadTimeHistogram } from './LeadTimeHistogram';
import { QueueSteps } from './QueueSteps';
import { RoleUtilisation } from './RoleUtilisation';
import { otherWarnings } from './results-view';

const number = (n: number, digits = 1) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits });

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  /** A second, smaller line: the interval around a mean, the unit of a count. */
  detail?: string | undefined;
  testId?: string;
}) {
  return (
    <div className="metric sim-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        {value}
        {detail && <span className="sim-figure__detail"> {detail}</span>}
      </dd>
    </div>
  );
}

/**
 * A run's answer: the plain-words summary first, then the spread of lead times, the headline
 * figures, how busy each role is, what the run warns about, and where cases queue.
 */
export function SimulationResults({
  result,
  summary,
  hoursPerDay,
  currency,
  onShowStep,
  exists,
  inputs,
  overlay,
  download,
}: {
  result: SimulationResult;
  summary: string;
  hoursPerDay: number;
  currency: string | undefined;
  onShowStep: (id: string) => void;
  exists: (id: string) => boolean;
  /** The inputs the run used, in words, when they are not the inputs shown for the next run. */
  inputs: string | null;
  /** The switch of the queue overlay, shown beside where cases queue. */
  overlay: React.ReactNode;
  /** Saving the whole result, as `procmap simulate --json` prints it, for a spreadsheet or R. */
  download: React.ReactNode;
}) {
  const span = (m: number) => formatMinutes(m, hoursPerDay);
  const lead = result.leadTime;
  const others = otherWarnings(result);
  return (
    <div className="sim-results" data-testid="sim-results">
      <p className="sim-summary" data-testid="sim-summary">
        {summary}
      </p>
      {inputs && (
        <p className="sim-used muted" data-testid="sim-used">
          This run used: {inputs}.
        </p>
      )}

      <h3 className="panel__subtitle">Lead time</h3>
      <LeadTimeHistogram leadTime={lead} hoursPerDay={hoursPerDay} />
      <dl className="metrics" data-testid="sim-figures">
        <Figure
          label="Mean lead time"
          testId="sim-mean"
          value={span(lead.mean)}
          detail={
            // With a role that cannot keep up, lead times grow with the run: nothing is steady.
            result.warnings.some((w) => w.code === 'overloaded')
              ? 'not steady: grows the longer the run, as a role cannot keep up'
              : lead.ci95
                ? // As a margin: at a day's scale the interval's two ends would read the same.
                  `± ${span((lead.ci95[1] - lead.ci95[0]) / 2)} (95% interval)`
                : undefined
          }
        />
        <Figure label="Longest" value={span(lead.max)} detail={`p95 ${span(lead.p95)}`} />
        <Figure
          label="Throughput"
          testId="sim-throughput"
          value={number(result.throughputPerHour, 2)}
          detail="cases an hour"
        />
        <Figure
          label="Cases in progress"
          testId="sim-wip"
          value={number(result.wip.mean)}
          detail="cases on average"
        />
        <Figure
          label="Cost per case"
          value={result.costPerCase === null ? '—' : formatMoney(result.costPerCase, currency)}
          detail={result.costPerCase === null ? 'no hourly costs' : undefined}
        />
      </dl>

      <h3 className="panel__subtitle">How busy each role is</h3>
      <RoleUtilisation result={result} />

      {others.length > 0 && (
        <>
          <h3 className="panel__subtitle">Warnings</h3>
          <ul className="sim-warnings" data-testid="sim-warnings">
            {others.map((w) => (
              <li key={`${w.code}|${w.stepId ?? ''}|${w.message}`} data-code={w.code}>
                <span className="finding__symbol finding__symbol--warning" aria-hidden="true">
                  !
                </span>
                <span className="visually-hidden">Warning: </span>
                {w.message}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="panel__subtitle">Where cases queue longest</h3>
      {overlay}
      <QueueSteps result={result} hoursPerDay={hoursPerDay} onShow={onShowStep} exists={exists} />
      <p className="sim-download">{download}</p>
    </div>
  );
}
