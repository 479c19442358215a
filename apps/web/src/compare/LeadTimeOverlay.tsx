import { DEFAULT_SETTINGS } from '@procmap/model';
import { useId } from 'react';
import { chartDuration, OVERLAY_BOX, overlayGeometry } from './overlay-geometry';
import type { ComparisonOutcome } from './useComparisonRun';

/** Each process's line: its own colour and its own dash, so the lines differ without colour too. */
const LINE_NAMES = ['solid line', 'dashed line', 'dotted line', 'dash-dot line'];

/**
 * The simulated lead times of the processes compared, overlaid on one axis under one seed, with
 * a legend in words (each line's name, its dash and its figures) and the figures as a table. A
 * process that could not be simulated says why. Every time on it is written one way, in the
 * as-is's working day.
 */
export function LeadTimeOverlay({ outcome }: { outcome: ComparisonOutcome }) {
  const titleId = useId();
  const descId = useId();
  const leads = outcome.results.map((r) => (r.ok ? r.result.leadTime : null));
  const hoursPerDay = outcome.maps[0]?.settings?.hoursPerDay ?? DEFAULT_SETTINGS.hoursPerDay;
  const g = overlayGeometry(leads, hoursPerDay);
  const span = (minutes: number) => chartDuration(minutes, hoursPerDay);
  const simulated = outcome.results
    .map((r, i) => ({ r, i }))
    .filter((x): x is { r: typeof x.r & { ok: true }; i: number } => x.r.ok);
  const described = simulated
    .map(
      ({ r, i }) =>
        `${outcome.names[i]}: half within ${span(r.result.leadTime.p50)}, 9 in 10 within ${span(r.result.leadTime.p90)}`,
    )
    .join('; ');
  return (
    <figure className="compare-overlay" data-testid="compare-overlay">
      {simulated.length > 0 && (
        <svg
          viewBox={`0 0 ${OVERLAY_BOX.width} ${OVERLAY_BOX.height}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          className="compare-overlay__chart"
        >
          <title id={titleId}>Simulated lead times, all under seed {outcome.seed}</title>
          <desc id={descId}>{described}.</desc>
          <line
            className="compare-overlay__axis"
            x1={OVERLAY_BOX.left}
            x2={OVERLAY_BOX.width - OVERLAY_BOX.right}
            y1={g.baseline}
            y2={g.baseline}
          />
          {g.series.map((s, i) =>
            s ? (
              <g
                // biome-ignore lint/suspicious/noArrayIndexKey: one series per process, in order
                key={i}
                className={`compare-series compare-series--${i}`}
                data-process={outcome.ids[i]}
              >
                <path d={s.path} />
                <line x1={s.p90x} x2={s.p90x} y1={OVERLAY_BOX.top} y2={g.baseline} />
              </g>
            ) : null,
          )}
          {g.ticks.map((t) => (
            <g key={t.minutes}>
              <line
                className="compare-overlay__axis"
                x1={t.x}
                x2={t.x}
                y1={g.baseline}
                y2={g.baseline + 4}
              />
              <text
                className="compare-overlay__tick"
                x={t.x}
                y={g.baseline + 16}
                textAnchor={t.anchor}
              >
                {chartDuration(t.minutes, hoursPerDay)}
              </text>
            </g>
          ))}
        </svg>
      )}
      <figcaption>
        <p className="compare-overlay__caption">
          How many cases took how long in each process, simulated under the same seed (
          {outcome.seed}), so a difference is the processes’, not chance. Each outline is all that
          process’s cases; the thin upright line marks the time 9 in 10 cases finish within (p90).
        </p>
        <ul className="compare-legend" data-testid="compare-legend">
          {outcome.results.map((r, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: one entry per process, in order
              key={i}
              data-process={outcome.ids[i]}
            >
              {r.ok ? (
                <>
                  <svg
                    className={`compare-legend__swatch compare-series compare-series--${i}`}
                    viewBox="0 0 32 10"
                    aria-hidden="true"
                  >
                    <path d="M 1 5 L 31 5" />
                  </svg>
                  <strong>{outcome.names[i]}</strong> ({LINE_NAMES[i] ?? 'line'}): half the cases
                  within {span(r.result.leadTime.p50)}, 9 in 10 within {span(r.result.leadTime.p90)}
                  , on average {span(r.result.leadTime.mean)}
                </>
              ) : (
                <>
                  <strong>{outcome.names[i]}</strong> cannot be simulated:{' '}
                  {r.problems.map((p) => p.message).join(' ')}
                </>
              )}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
