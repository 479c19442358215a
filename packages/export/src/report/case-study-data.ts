import type { AnalysisResult, FormatSettings } from '@procmap/analysis';
import {
  compareScenarios,
  type MetricChange,
  metricChanges,
  type RoleChange,
  roleChanges,
} from '@procmap/compare';
import type { Comment, MapChanges, ProcessMap, Scenario } from '@procmap/model';
import { exportErrors } from '../export-errors';
import type { DifferenceMarks } from '../difference-marks';
import { cleanText } from '../text';
import { type ChangeGroup, changeList, changeTag } from './change-list';
import {
  type ReportSimulation,
  reportSimulationInputs,
  runReportSimulation,
} from './simulation-run';
import { commentVotes } from './votes';

/*
 * Everything the case study of one scenario prints, worked out before its first line is
 * written, since its first page already states the decision: the scenario against the as-is
 * (`@procmap/compare`: the same figures as the Compare view and `procmap compare`), the change
 * list, the marks for its map, the ideas it takes up and, with demand, both simulated under the
 * as-is's seed.
 */

export interface CaseStudyIdea {
  readonly comment: Comment;
  readonly votes: number | undefined;
}

export interface CaseStudy {
  readonly scenario: Scenario;
  /** The scenario's name as printed. */
  readonly name: string;
  readonly asIs: ProcessMap;
  /** The scenario's process as a map of its own. */
  readonly toBe: ProcessMap;
  readonly asIsAnalysis: AnalysisResult;
  readonly toBeAnalysis: AnalysisResult;
  readonly changes: MapChanges;
  readonly groups: readonly ChangeGroup[];
  readonly marks: DifferenceMarks;
  readonly metrics: readonly MetricChange[];
  readonly roles: readonly RoleChange[];
  /** The idea comments it puts into practice, most votes first; ids naming no idea are left out. */
  readonly ideas: readonly CaseStudyIdea[];
  /** Both simulated under one seed; undefined when neither has demand. */
  readonly simulation?: { readonly asIs?: ReportSimulation; readonly toBe?: ReportSimulation };
}

/**
 * The case study of scenario `id` of `map`. `asIsRun` is the as-is's simulation when the
 * report already ran it (same inputs, same seed: the same answer). An unknown id is refused.
 */
export function caseStudyOf(
  map: ProcessMap,
  id: string,
  formats: FormatSettings,
  asIsRun: ReportSimulation | undefined,
): CaseStudy {
  const compared = compareScenarios(map, [id]);
  if (!compared.ok) throw exportErrors.unknownScenario(compared.message);
  const [asIsMap, toBe] = compared.maps as [ProcessMap, ProcessMap];
  const [before, after] = compared.comparison.scenarios;
  const scenario = map.scenarios?.find((s) => s.id === id);
  if (!before || !after?.changes || !scenario) throw exportErrors.unknownScenario(id);
  const changes = after.changes;
  const roleName = new Map(asIsMap.roles.map((r) => [r.id as string, cleanText(r.name)]));
  const fromRole = new Map(asIsMap.steps.map((s) => [s.id as string, roleName.get(s.roleId)]));
  // A move and the other changed fields are two tags on the map, each of its own width.
  const changedFields = changes.steps.changed.map((c) => ({
    id: c.id,
    moved: c.fields.includes('roleId'),
    rest: c.fields.filter((f) => f !== 'roleId'),
  }));
  const marks: DifferenceMarks = {
    added: new Set(changes.steps.added),
    changed: new Map(
      changedFields.filter((c) => c.rest.length > 0).map((c) => [c.id, changeTag(c.rest)]),
    ),
    moved: new Map(
      changedFields.filter((c) => c.moved).map((c) => [c.id, fromRole.get(c.id) || 'another role']),
    ),
  };
  return {
    scenario,
    name: cleanText(scenario.name) || scenario.id,
    asIs: asIsMap,
    toBe,
    asIsAnalysis: before.metrics,
    toBeAnalysis: after.metrics,
    changes,
    groups: changeList(asIsMap, toBe, changes, formats),
    marks,
    metrics: metricChanges(before.metrics.metrics, after.metrics.metrics),
    roles: roleChanges(before.metrics.metrics, after.metrics.metrics),
    ideas: ideasOf(map, scenario),
    ...simulations(asIsMap, toBe, asIsRun),
  };
}

/** The as-is and the scenario simulated under the as-is's seed, when either has demand. */
function simulations(
  asIs: ProcessMap,
  toBe: ProcessMap,
  asIsRun: ReportSimulation | undefined,
): Pick<CaseStudy, 'simulation'> {
  const seed = reportSimulationInputs(asIs).inputs.seed;
  const before = asIsRun ?? runReportSimulation(asIs, seed);
  const after = runReportSimulation(toBe, seed);
  if (!before && !after) return {};
  return {
    simulation: { ...(before ? { asIs: before } : {}), ...(after ? { toBe: after } : {}) },
  };
}

/** The scenario's ideas as the map's idea comments, most votes first, then in its order. */
function ideasOf(map: ProcessMap, scenario: Scenario): CaseStudyIdea[] {
  const byId = new Map((map.comments ?? []).map((c) => [c.id as string, c]));
  const out: CaseStudyIdea[] = [];
  for (const id of new Set(scenario.ideas ?? [])) {
    const comment = byId.get(id);
    if (comment?.kind === 'idea') out.push({ comment, votes: commentVotes(comment) });
  }
  return out
    .map((idea, order) => ({ idea, order }))
    .sort((a, b) => (b.idea.votes ?? 0) - (a.idea.votes ?? 0) || a.order - b.order)
    .map(({ idea }) => idea);
}
