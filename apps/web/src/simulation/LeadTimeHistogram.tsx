import { formatMinutes } from '@procmap/analysis';
import type { LeadTimeResult } from '@procmap/simulation';
import { useId } from 'react';
import { CHART_BOX, histogramGeometry, markerLabelsCollide } from './histogram-geometry';

const MARKER_WORDS = { p50: 'p50', p90: 'p90' } as const;

/**
 * The spread of lead times as bars, drawn from the run's bins, with the median (p50) and the
 * time 9 in 10 cases finish within (p90) marked and labelled. The picture has a text
 * alternative, and the bins are a table under it for anyone who wants the numbers.
 */
export function LeadTimeHistogram({
  leadTime,
  hoursPerDay,
}: {
  leadTime: LeadTimeResult;
  hoursPerDay: number;
}) {
  const titleId = useId();
  const descId = useId();
  const span = (m: number) => formatMinutes(m, hoursPerDay);
  const g = histogramGeometry(leadTime.histogram, leadTime);
  const total = leadTime.histogram.reduce((n, b) => n + b.count, 0);
  const stacked = markerLabelsCollide(g.markers);
  return (
    <figure className="sim-histogram" data-testid="lead-time-histogram">
      <svg
        viewBox={`0 0 ${CHART_BOX.width} ${CHART_BOX.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="sim-histogram__chart"
      >
        <title id={titleId}>Lead times of {total.toLocaleString('en-GB')} simulated cases</title>
        <desc id={descId}>
          Half the cases finish within {span(leadTime.p50)} (p50), 9 in 10 within{' '}
          {span(leadTime.p90)} (p90); the longest took {span(leadTime.max)}.
        </desc>
        {g.bars.map((bar) => (
          <rect
            key={bar.bin.from}
            className="sim-histogram__bar"
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            data-count={bar.bin.count}
          />
        ))}
        <line
          className="sim-histogram__axis"
          x1={CHART_BOX.left}
          x2={CHART_BOX.width - CHART_BOX.right}
          y1={g.baseline}
          y2={g.baseline}
        />
        {g.markers.map((m, i) => (
          <g key={m.key} className={`sim-histogram__marker sim-histogram__marker--${m.key}`}>
            <line x1={m.x} x2={m.x} y1={CHART_BOX.top - 4} y2={g.baseline} />
            <text
              x={m.labelX}
              y={stacked && i === 1 ? CHART_BOX.top + 8 : CHART_BOX.top - 8}
              textAnchor={m.anchor}
              data-testid={`marker-${m.key}`}
            >
              {MARKER_WORDS[m.key]} {span(m.minutes)}
            </text>
          </g>
        ))}
        {g.ticks.map((t) => (
          <text
            key={t.anchor}
            className="sim-histogram__tick"
            x={t.x}
            y={g.baseline + 15}
            textAnchor={t.anchor}
          >
            {span(t.minutes)}
          </text>
        ))}
      </svg>
      <figcaption className="sim-histogram__caption">
        Lead time: how many cases took how long. The lines mark p50 (half the cases finish within
        it) and p90 (9 in 10 do).
      </figcaption>
      <details className="sim-histogram__table">
        <summary>The chart as a table</summary>
        <table>
          <caption className="visually-hidden">Cases by lead time</caption>
          <thead>
            <tr>
              <th scope="col">Lead time</th>
              <th scope="col">Cases</th>
            </tr>
          </thead>
          <tbody>
            {leadTime.histogram.map((bin) => (
              <tr key={bin.from}>
                <td>
                  {span(bin.from)} to {span(bin.to)}
                </td>
                <td>{bin.count.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
