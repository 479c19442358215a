import { AS_IS_ID, type ProcessMap } from '@procmap/model';
import { CHOICES, type ExportFormat } from './export-protocol';

/*
 * The export dialog's "Process" choice on a map with scenarios: the as-is or one scenario. The
 * map pictures and the CSV show the process chosen; the report is the as-is report, or the case
 * study of the scenario chosen against the as-is.
 */

export interface ProcessChoice {
  /** "as-is" or a scenario's id. */
  readonly value: string;
  readonly label: string;
}

type Scenarios = Pick<ProcessMap, 'scenarios'>;

/** The choices for `format`, the as-is first; none when the map has no scenarios. */
export function processChoices(map: Scenarios, format: ExportFormat): ProcessChoice[] {
  const scenarios = map.scenarios ?? [];
  if (scenarios.length === 0) return [];
  const report = CHOICES[format].format === 'report';
  return [
    { value: AS_IS_ID, label: report ? 'As-is: the improvement report' : 'As-is' },
    ...scenarios.map((s) => {
      const name = s.name.trim() || s.id;
      return { value: s.id, label: report ? `Case study: ${name}` : name };
    }),
  ];
}

/**
 * The scenario an export asks for: undefined for the as-is, and for a scenario no longer on the
 * map (a colleague deleted it while the dialog was open), so the choice falls back to the as-is.
 */
export function chosenScenario(map: Scenarios, chosen: string): string | undefined {
  if (chosen === AS_IS_ID) return undefined;
  return map.scenarios?.some((s) => s.id === chosen) ? chosen : undefined;
}

/** The chosen scenario's name, for the file name; undefined for the as-is. */
export function scenarioName(map: Scenarios, scenario: string | undefined): string | undefined {
  if (scenario === undefined) return undefined;
  const found = map.scenarios?.find((s) => s.id === scenario);
  return found ? found.name.trim() || found.id : undefined;
}
