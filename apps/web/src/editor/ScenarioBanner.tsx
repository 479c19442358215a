import { marksSummary, type ScenarioMarks } from './scenario-marks';

/**
 * A strip above the canvas while a scenario is shown: which one, in words, and what differs from
 * the as-is; the canvas's frame takes the scenario colour with it (editor.css).
 */
export function ScenarioBanner({ name, marks }: { name: string; marks: ScenarioMarks }) {
  return (
    <div className="scenario-banner" data-testid="scenario-banner">
      <strong className="scenario-banner__name">
        Scenario: {name.trim() || 'Unnamed scenario'}
      </strong>
      <span> — differences from the as-is are marked. </span>
      <span className="scenario-banner__summary">{marksSummary(marks)}</span>
    </div>
  );
}
