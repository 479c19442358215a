import { AS_IS_ID, type Scenario } from '@procmap/model';
import { useContext, useSyncExternalStore } from 'react';
import { EditorContext } from '../editor/editor-context';
import { scenarioLabel } from '../editor/scenario-names';

/**
 * Where a colleague is, in words: "the as-is", or a scenario's name in quotes (its id when this
 * tab does not have that scenario, e.g. one just made and not yet arrived).
 */
export function processLabel(process: string, scenarios: readonly Scenario[]): string {
  if (process === AS_IS_ID) return 'the as-is';
  const scenario = scenarios.find((s) => s.id === process);
  return `“${scenario ? scenarioLabel(scenario.name) : process}”`;
}

const NO_SCENARIOS: readonly Scenario[] = [];
const ignore = () => () => {};
const noMap = () => undefined;

/** The open map's scenarios, live; none outside the editor. */
export function useScenarios(): readonly Scenario[] {
  const map = useContext(EditorContext)?.doc.map;
  const whole = useSyncExternalStore(map?.subscribe ?? ignore, map?.getSnapshot ?? noMap);
  return whole?.scenarios ?? NO_SCENARIOS;
}
