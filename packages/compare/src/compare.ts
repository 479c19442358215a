import {
  type AnalysisMemo,
  type AnalysisResult,
  type Annotation,
  analysisMemo,
  analyze,
  annotations,
} from '@procmap/analysis';
import { AS_IS_ID, diffFrom, type MapChanges, type ProcessMap, scenarioMap } from '@procmap/model';

/*
 * The as-is and its scenarios side by side (SIMULATION.md, "Scenarios in the map file"): for
 * each, the analysis exactly as `procmap analyze --json` gives it, and for each scenario what
 * it changes from the as-is, by id. The as-is is always first, with the id "as-is".
 */

/** What `procmap analyze --json` answers for one process: the analysis and the room's notes. */
export type AnalysisAnswer = AnalysisResult & { readonly annotations: readonly Annotation[] };

export interface ComparedProcess {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** The idea comments the scenario puts into practice (never for the as-is). */
  readonly ideas?: readonly string[];
  readonly metrics: AnalysisAnswer;
  /** What the scenario does differently from the as-is; absent for the as-is. */
  readonly changes?: MapChanges;
}

export interface Comparison {
  readonly scenarios: readonly ComparedProcess[];
}

export type Compared =
  | { readonly ok: true; readonly comparison: Comparison; readonly maps: readonly ProcessMap[] }
  | { readonly ok: false; readonly message: string };

/** The name the as-is goes by wherever processes are listed. */
export const AS_IS_NAME = 'As-is';

/**
 * The ids to compare: the as-is first, then `ids` in the order given (each once), or every
 * scenario of the map in file order when `ids` is not given. Unknown ids are refused.
 */
export function comparedIds(
  map: ProcessMap,
  ids?: readonly string[],
): { ok: true; ids: string[] } | { ok: false; message: string } {
  const wanted = ids ?? (map.scenarios ?? []).map((s) => s.id);
  const out = [AS_IS_ID];
  for (const id of wanted) {
    if (out.includes(id)) continue;
    const found = scenarioMap(map, id);
    if (!found.ok) return found;
    out.push(id);
  }
  return { ok: true, ids: out };
}

/**
 * The analysis answer for one process, as `procmap analyze --json` writes it. A memo shares the
 * work of writing messages with the other processes analysed alongside.
 */
export function analysisAnswer(map: ProcessMap, memo?: AnalysisMemo): AnalysisAnswer {
  return { ...analyze(map, memo ? { memo } : {}), annotations: annotations(map) };
}

/**
 * Compares the as-is with the scenarios `ids` (every scenario when absent). Also returns each
 * process as a map (same order), for a caller that goes on to simulate or draw them.
 */
export function compareScenarios(map: ProcessMap, ids?: readonly string[]): Compared {
  const chosen = comparedIds(map, ids);
  if (!chosen.ok) return chosen;
  const maps: ProcessMap[] = [];
  const scenarios: ComparedProcess[] = [];
  // The processes share most steps: the as-is is indexed once for every scenario's diff, and
  // the analyses share the message pieces they write (step names, durations, shares).
  const changesFrom = diffFrom(map);
  const memo = analysisMemo();
  for (const id of chosen.ids) {
    const found = scenarioMap(map, id);
    if (!found.ok) return found;
    maps.push(found.map);
    const s = found.scenario;
    if (s === undefined) {
      scenarios.push({ id: AS_IS_ID, name: AS_IS_NAME, metrics: analysisAnswer(map, memo) });
      continue;
    }
    scenarios.push({
      id: s.id,
      name: s.name,
      ...(s.description === undefined ? {} : { description: s.description }),
      ideas: s.ideas ?? [],
      metrics: analysisAnswer(found.map, memo),
      changes: changesFrom(found.map),
    });
  }
  return { ok: true, comparison: { scenarios }, maps };
}
