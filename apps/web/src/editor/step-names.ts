import type { MapGeometry } from '@procmap/layout';
import type { Severity } from '@procmap/analysis';
import type { CommentKind, MapIndex, RoleId, StepId, StepKind } from '@procmap/model';
import { type HeatMeasure, heatValueText } from '../analysis/heat-text';
import { findingsText } from '../analysis/severity';
import { markSpoken, type StepMark } from './scenario-marks';

/*
 * What a screen reader says for the map, its lanes and its steps: everything a sighted person
 * reads off a step card and the lines leaving it, in one sentence. Pure: the names are unit
 * tested, and the canvas only hands them to the elements.
 */

const KIND_WORDS: Readonly<Record<StepKind, string>> = {
  start: 'start',
  task: 'task',
  decision: 'decision',
  delay: 'delay',
  end: 'end',
};

/** Comment kinds as counted in a name, most pressing first: "1 pain point, 2 ideas". */
const COMMENT_WORDS: readonly (readonly [CommentKind, string, string])[] = [
  ['pain-point', 'pain point', 'pain points'],
  ['question', 'question', 'questions'],
  ['idea', 'idea', 'ideas'],
  ['note', 'note', 'notes'],
];

/** Open comments on one step, by kind. */
export type CommentCounts = Readonly<Partial<Record<CommentKind, number>>>;

/** What one step's name says. */
export interface StepFacts {
  readonly label: string;
  readonly kind: StepKind;
  readonly lane: string;
  /** Its place among its lane's steps in flow order (1-based), and how many the lane has. */
  readonly position: number;
  readonly of: number;
  /** The steps it leads to, each with the label of the flow there (a decision's answer). */
  readonly next: readonly { readonly label?: string | undefined; readonly to: string }[];
  /** Findings of the analysis naming it, and the worst one's severity. */
  readonly findings: number;
  readonly worst?: Severity | null;
  readonly comments: CommentCounts;
  /** In heat mode, its figure as the step's chip shows it ("Wait 30 min"). */
  readonly heat?: string | undefined;
  /** While a scenario is shown, how the step differs from the as-is ("new in this scenario"). */
  readonly scenario?: string | undefined;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

/** A step's label as read out: "Unnamed step" when it has none. */
export function spokenLabel(label: string): string {
  return clean(label) || 'Unnamed step';
}

/** A lane's name as read out: "Unnamed lane" when it has none. */
export function spokenLane(name: string): string {
  return clean(name) || 'Unnamed lane';
}

/**
 * "Step: Triage referral, task, lane Nurse, 2 of 9; next: Yes, Book clinic; No, Close case;
 * 2 findings, worst high, 1 pain point", with how it differs from the as-is after its place
 * while a scenario is shown ("changed in this scenario: wait"). Counts that are zero are left out; a step with nothing after it is
 * "the end of the process".
 */
export function stepName(facts: StepFacts): string {
  const where = `lane ${spokenLane(facts.lane)}, ${facts.position} of ${facts.of}`;
  const head = `Step: ${spokenLabel(facts.label)}, ${KIND_WORDS[facts.kind]}, ${where}`;
  const next =
    facts.next.length === 0
      ? 'end of the process'
      : `next: ${facts.next
          .map((n) => (n.label && clean(n.label) ? `${clean(n.label)}, ${n.to}` : n.to))
          .join('; ')}`;
  const counts: string[] = [];
  if (facts.findings > 0) counts.push(findingsText(facts.findings, facts.worst ?? null));
  for (const [kind, one, many] of COMMENT_WORDS) {
    const n = facts.comments[kind] ?? 0;
    if (n > 0) counts.push(plural(n, one, many));
  }
  return [
    head,
    ...(facts.scenario ? [facts.scenario] : []),
    next,
    ...(counts.length ? [counts.join(', ')] : []),
    ...(facts.heat ? [facts.heat] : []),
  ].join('; ');
}

/** "Lane Nurse, 4 steps". */
export function laneName(name: string, steps: number): string {
  const counted = steps === 0 ? 'no steps' : plural(steps, 'step', 'steps');
  const spoken = clean(name) ? `Lane ${clean(name)}` : 'Unnamed lane';
  return `${spoken}, ${counted}`;
}

/** The map as one keyboard stop: what it holds and how to move in it. */
export function mapName(steps: number, lanes: number): string {
  if (lanes === 0) return 'Process map: empty. Alt+L adds a lane.';
  const holds = `${plural(steps, 'step', 'steps')} in ${plural(lanes, 'lane', 'lanes')}`;
  return `Process map: ${holds}. Arrow keys move along the flow (left, right) and between lanes (up, down); Enter adds the next step; typing renames; Tab leaves the map.`;
}

/** Open (unresolved) comments per step id, by kind. */
export function openCommentCounts(index: MapIndex): Map<string, CommentCounts> {
  const counts = new Map<string, Partial<Record<CommentKind, number>>>();
  for (const comment of index.map.comments ?? []) {
    if (comment.resolved || comment.targetId === undefined) continue;
    const own = counts.get(comment.targetId) ?? {};
    own[comment.kind] = (own[comment.kind] ?? 0) + 1;
    counts.set(comment.targetId, own);
  }
  return counts;
}

/**
 * Each lane's drawn steps in flow order: left to right as the layout places them along the flow,
 * top to bottom where two share a column.
 */
export function stepsInFlowOrder(geometry: MapGeometry): Map<RoleId, StepId[]> {
  const byLane = new Map<RoleId, { id: StepId; x: number; y: number }[]>();
  for (const lane of geometry.lanes) byLane.set(lane.role.id, []);
  for (const box of geometry.steps) {
    byLane.get(box.step.roleId)?.push({ id: box.step.id, x: box.x, y: box.y });
  }
  const ordered = new Map<RoleId, StepId[]>();
  for (const [lane, boxes] of byLane) {
    boxes.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    ordered.set(
      lane,
      boxes.map((b) => b.id),
    );
  }
  return ordered;
}

/** The names of a map's lanes and drawn steps, and each lane's steps in flow order. */
export interface MapNames {
  readonly steps: ReadonlyMap<StepId, string>;
  readonly lanes: ReadonlyMap<RoleId, string>;
  readonly order: ReadonlyMap<RoleId, readonly StepId[]>;
}

function heatOf(
  minutes: Readonly<Record<HeatMeasure, number>> | undefined,
  heat:
    | { readonly measure: HeatMeasure; readonly leadTime: number; readonly hoursPerDay: number }
    | undefined,
): string | undefined {
  if (!heat || !minutes) return undefined;
  return heatValueText(heat.measure, minutes[heat.measure], heat.leadTime, heat.hoursPerDay);
}

const scenarioSpoken = (mark: StepMark | undefined) => (mark ? markSpoken(mark) : undefined);

/**
 * Names for every lane and drawn step. `findings` counts the analysis's findings per step id
 * (absent while the analysis runs: no findings are told then).
 */
export function mapNames(
  index: MapIndex,
  geometry: MapGeometry,
  findings?: ReadonlyMap<
    string,
    {
      readonly findings: number;
      readonly worst?: Severity | null;
      readonly minutes?: Readonly<Record<HeatMeasure, number>>;
    }
  >,
  /** The heat overlay when it is on: each step's name ends with its figure. */
  heat?: { readonly measure: HeatMeasure; readonly leadTime: number; readonly hoursPerDay: number },
  /** While a scenario is shown, how its steps differ from the as-is. */
  scenario?: ReadonlyMap<StepId, StepMark>,
): MapNames {
  const order = stepsInFlowOrder(geometry);
  const comments = openCommentCounts(index);
  const lanes = new Map<RoleId, string>();
  const steps = new Map<StepId, string>();
  for (const lane of geometry.lanes) {
    const ids = order.get(lane.role.id) ?? [];
    lanes.set(lane.role.id, laneName(lane.role.name, ids.length));
    ids.forEach((id, i) => {
      const step = index.step(id);
      if (!step) return;
      const next = index.outgoing(id).flatMap((flow) => {
        const to = index.step(flow.to);
        return to ? [{ label: flow.label, to: spokenLabel(to.label) }] : [];
      });
      steps.set(
        id,
        stepName({
          label: step.label,
          kind: step.kind,
          lane: lane.role.name,
          position: i + 1,
          of: ids.length,
          next,
          findings: findings?.get(id)?.findings ?? 0,
          worst: findings?.get(id)?.worst ?? null,
          heat: heatOf(findings?.get(id)?.minutes, heat),
          comments: comments.get(id) ?? {},
          scenario: scenarioSpoken(scenario?.get(id)),
        }),
      );
    });
  }
  return { steps, lanes, order };
}
