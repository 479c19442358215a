/**
 * A strip above the canvas while a scenario is shown: which one, in words, what differs from the
 * as-is (steps, settings, roles), and its description, cut to one line with the whole of it in
 * the tooltip and the accessible name; the canvas's frame takes the scenario colour with it
 * (editor.css).
 */
export function ScenarioBanner({
  name,
  summary,
  description,
}: {
  name: string;
  summary: string;
  description: string;
}) {
  const text = description.trim().replace(/\s+/g, ' ');
  return (
    <div className="scenario-banner" data-testid="scenario-banner">
      <strong className="scenario-banner__name">
        Scenario: {name.trim() || 'Unnamed scenario'}
      </strong>
      <span> — differences from the as-is are marked. </span>
      <span className="scenario-banner__summary">{summary}</span>
      {text && (
        <span
          className="scenario-banner__description"
          title={description}
          data-testid="scenario-banner-description"
        >
          {/* The whole text for a screen reader; the clipped line for the eye. */}
          <span className="visually-hidden">Description: {description}</span>
          <span aria-hidden="true">{text}</span>
        </span>
      )}
    </div>
  );
}
