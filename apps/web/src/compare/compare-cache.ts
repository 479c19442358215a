import { type AnalysisResult, analyze, type FormatSettings } from '@procmap/analysis';
import { AS_IS_NAME } from '@procmap/compare';
import {
  AS_IS_ID,
  diffMaps,
  type MapChanges,
  type ProcessMap,
  resolveSettings,
  type Scenario,
  scenarioMap,
} from '@procmap/model';

/*
 * The processes the Compare view shows, each analysed once per version of it: the document's
 * snapshot keeps the object of every scenario nobody touched (and the as-is's lists when only a
 * scenario changed), so an edit in one scenario re-analyses and re-diffs that scenario only, and
 * an edit of the as-is re-analyses the as-is and re-diffs the scenarios against it.
 */

/** One process as a column of the view. */
export interface CompareColumn {
  /** "as-is" or the scenario's id. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** The idea comments the scenario takes up (none for the as-is). */
  readonly ideas: readonly string[];
  /** The process as a map of its own (what analysis and simulation read). */
  readonly map: ProcessMap;
  readonly analysis: AnalysisResult;
  /** What the scenario changes from the as-is, by id; absent for the as-is. */
  readonly changes?: MapChanges;
  readonly format: FormatSettings;
}

interface Entry {
  readonly keys: readonly unknown[];
  readonly column: CompareColumn;
}

const sameKeys = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** What the formatters need from a process's settings. */
export function formatOf(map: ProcessMap): FormatSettings {
  const s = resolveSettings(map);
  return typeof s.currency === 'string'
    ? { hoursPerDay: s.hoursPerDay, currency: s.currency }
    : { hoursPerDay: s.hoursPerDay };
}

function remember(
  entries: Map<string, Entry>,
  id: string,
  keys: readonly unknown[],
  make: () => CompareColumn,
): CompareColumn {
  const entry = entries.get(id);
  if (entry && sameKeys(entry.keys, keys)) return entry.column;
  const column = make();
  entries.set(id, { keys, column });
  return column;
}

export class CompareCache {
  private readonly entries = new Map<string, Entry>();
  private readonly diffs = new Map<string, Entry>();
  /** How many processes were analysed so far: what a test reads to see the memo work. */
  analyses = 0;

  /**
   * The as-is, then each scenario of `ids` the map still has (unknown ids are skipped: a
   * scenario deleted by a colleague drops out of the view).
   */
  columns(map: ProcessMap, ids: readonly string[]): CompareColumn[] {
    const asIsKeys = [map.roles, map.steps, map.flows, map.settings];
    const asIs = this.get(AS_IS_ID, asIsKeys, () => {
      const { scenarios: _scenarios, ...process } = map;
      return {
        id: AS_IS_ID,
        name: AS_IS_NAME,
        ideas: [],
        map: process,
        analysis: this.analyse(process),
        format: formatOf(process),
      };
    });
    const out = [asIs];
    const byId = new Map((map.scenarios ?? []).map((s) => [s.id as string, s]));
    for (const id of ids) {
      const scenario = byId.get(id);
      if (!scenario || id === AS_IS_ID) continue;
      // Analysed again only when the scenario (or the map's settings under it) changed; diffed
      // again when it or the as-is did.
      const analysed = this.get(id, [scenario, map.settings], () =>
        this.scenarioColumn(map, scenario),
      );
      out.push(
        this.getDiff(id, [analysed, asIs], () => ({
          ...analysed,
          changes: diffMaps(asIs.map, analysed.map),
        })),
      );
    }
    // Forget scenarios no longer shown, so a long session does not keep every version.
    const shown = new Set(out.map((c) => c.id));
    for (const id of this.entries.keys()) if (!shown.has(id)) this.entries.delete(id);
    for (const id of this.diffs.keys()) if (!shown.has(id)) this.diffs.delete(id);
    return out;
  }

  private get(id: string, keys: readonly unknown[], make: () => CompareColumn): CompareColumn {
    return remember(this.entries, id, keys, make);
  }

  private getDiff(id: string, keys: readonly unknown[], make: () => CompareColumn): CompareColumn {
    return remember(this.diffs, id, keys, make);
  }

  private analyse(map: ProcessMap): AnalysisResult {
    this.analyses++;
    return analyze(map);
  }

  private scenarioColumn(map: ProcessMap, scenario: Scenario): CompareColumn {
    const found = scenarioMap(map, scenario.id);
    const process = found.ok ? found.map : map;
    return {
      id: scenario.id,
      name: scenario.name,
      ...(scenario.description ? { description: scenario.description } : {}),
      ideas: scenario.ideas ?? [],
      map: process,
      analysis: this.analyse(process),
      format: formatOf(process),
    };
  }
}
