import { type MapGeometry, mapGeometry } from '@procmap/layout';
import { AS_IS_ID, findScenario, normalize, type ProcessMap } from '@procmap/model';
import { useEffect, useMemo, useRef } from 'react';
import { useSession } from '../store/session-store';
import { type Ghost, ghostsOf, type ScenarioMarks, scenarioMarks } from './scenario-marks';
import { scenarioSummary } from './scenario-summary';

/** The scenario shown on the canvas: its name, how it differs from the as-is, its ghosts. */
export interface ScenarioShown {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Its differences from the as-is in words: steps, then settings and roles. */
  readonly summary: string;
  readonly marks: ScenarioMarks;
  readonly ghosts: readonly Ghost[];
}

/**
 * The scenario shown, if any, marked against the as-is (`whole` is the map: the as-is with its
 * scenarios; `shown` the scenario as a map, `geometry` how it is drawn). When the scenario shown
 * is deleted, by anyone, the editor goes back to the as-is and says so.
 */
export function useScenarioShown(
  whole: ProcessMap,
  processId: string,
  shown: ProcessMap,
  geometry: MapGeometry,
): ScenarioShown | null {
  const scenario = processId === AS_IS_ID ? undefined : findScenario(whole, processId);
  const { roles, steps, flows } = whole;
  const on = scenario !== undefined;
  // The as-is as drawn, for the ghosts: only while a scenario is shown, and only again when the
  // as-is itself changes (the snapshot shares its lists while only a scenario is edited).
  const header = useRef(whole);
  header.current = whole;
  const asIsGeometry = useMemo(
    () => (on ? mapGeometry(normalize({ ...header.current, roles, steps, flows }).map) : null),
    [on, roles, steps, flows],
  );
  const marks = useMemo(
    () => (on ? scenarioMarks({ roles, steps, flows }, shown) : null),
    [on, roles, steps, flows, shown],
  );
  const ghosts = useMemo(
    () => (marks && asIsGeometry ? ghostsOf(marks.removed, asIsGeometry, geometry) : []),
    [marks, asIsGeometry, geometry],
  );

  // Its last name, to say which one went when it is deleted.
  const lastName = useRef('');
  if (scenario) lastName.current = scenario.name;
  const gone = processId !== AS_IS_ID && !scenario;
  useEffect(() => {
    if (!gone) return;
    const { showProcess, setHint } = useSession.getState();
    showProcess(AS_IS_ID);
    const name = lastName.current.trim();
    setHint(`The scenario${name ? ` “${name}”` : ''} was deleted: showing the as-is.`);
  }, [gone]);

  const summary = useMemo(
    () => (scenario && marks ? scenarioSummary(header.current, scenario, marks) : ''),
    [scenario, marks],
  );
  return useMemo(
    () =>
      scenario && marks
        ? {
            id: scenario.id,
            name: scenario.name,
            description: scenario.description ?? '',
            summary,
            marks,
            ghosts,
          }
        : null,
    [scenario, marks, ghosts, summary],
  );
}
