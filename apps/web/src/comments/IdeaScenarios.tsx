import type { ProcessDoc } from '@procmap/doc';
import type { Scenario } from '@procmap/model';
import { runCommand } from '../panels/run-command';
import { ideaLinks, takenUpIn } from './idea-links';

/**
 * On an idea's card: the scenarios that take it up ("Taken up in: To-be portal") and, with an
 * edit link, a list of the map's scenarios to tick or untick, each a change everyone sees at
 * once (and undoes with Ctrl+Z).
 */
export function IdeaScenarios({
  doc,
  commentId,
  scenarios,
  readOnly,
  onError,
}: {
  doc: ProcessDoc;
  commentId: string;
  scenarios: readonly Scenario[] | undefined;
  readOnly: boolean;
  onError: (message: string | null) => void;
}) {
  const links = ideaLinks(scenarios, commentId);
  if (links.length === 0) return null;
  const line = takenUpIn(links);
  return (
    <div className="idea-scenarios">
      <p className="idea-scenarios__line" data-testid="idea-taken-up">
        {line ?? 'Not taken up in a scenario yet.'}
      </p>
      {!readOnly && (
        <details className="idea-scenarios__menu">
          <summary>Scenarios that take it up…</summary>
          <fieldset>
            <legend className="visually-hidden">Scenarios that take this idea up</legend>
            {links.map((l) => (
              <label key={l.scenarioId} className="idea-scenarios__choice">
                <input
                  type="checkbox"
                  checked={l.linked}
                  onChange={(e) => {
                    const linked = e.target.checked;
                    onError(runCommand(() => doc.linkIdea(l.scenarioId, commentId, linked)));
                  }}
                />{' '}
                {l.name}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </div>
  );
}
