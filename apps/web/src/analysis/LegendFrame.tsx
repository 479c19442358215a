import { type ReactNode, useId } from 'react';
import './heat.css';

/**
 * The frame every overlay legend on the canvas shares (the analysis heat, the simulated
 * queue): what the colour measures, the figures at the cool end, the middle and the hot end of
 * the scale (or why there is no scale), a button that turns the overlay off, and a last line.
 */
export function LegendFrame({
  title,
  labels,
  empty,
  onTurnOff,
  overlay,
  footer,
}: {
  title: string;
  labels: readonly [string, string, string] | null;
  /** Said instead of the scale when nothing has a figure yet. */
  empty: string;
  onTurnOff: () => void;
  /** Which overlay, for tests and styles (`data-overlay`). */
  overlay?: string;
  footer?: ReactNode;
}) {
  const titleId = useId();
  return (
    <section
      className="heat-legend"
      aria-labelledby={titleId}
      data-testid="heat-legend"
      data-overlay={overlay}
    >
      <h2 className="heat-legend__title" id={titleId}>
        Heat: {title.toLowerCase()}
      </h2>
      <button type="button" className="button heat-legend__off" onClick={onTurnOff}>
        Turn off
      </button>
      {labels ? (
        <div className="heat-legend__scale">
          <div className="heat-legend__bar" aria-hidden="true" />
          <ul className="heat-legend__labels" aria-label="From cool to hot">
            <li>{labels[0]}</li>
            <li>{labels[1]}</li>
            <li>{labels[2]} (hottest)</li>
          </ul>
        </div>
      ) : (
        <p className="heat-legend__empty">{empty}</p>
      )}
      {footer}
    </section>
  );
}
