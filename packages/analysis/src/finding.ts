import type { FlowId, RoleId, StepId, Waste } from '@procmap/model';
import { type Context, inFlowOrder } from './context';
import type { Claims } from './gains';
import type { RawMetrics } from './metrics';
import type { Thresholds } from './thresholds';
import type { Finding, RuleId, Severity } from './types';

/** What a rule reads: the context plus the metrics. */
export interface RuleContext extends Context {
  readonly metrics: RawMetrics;
  readonly thresholds: Thresholds;
}

/** One waste rule: a small pure function from the analysed map to its findings. */
export interface Rule {
  readonly id: RuleId;
  run(ctx: RuleContext): Finding[];
}

export interface FindingParts {
  readonly waste: Waste | null;
  readonly severity: Severity;
  /** The one step concerned (the common case: no list to allocate). */
  readonly step?: number;
  /** Step indices; reported in flow order unless `keepOrder`. */
  readonly steps?: readonly number[];
  readonly keepOrder?: boolean;
  /** Edge indices of the flows concerned, or flow ids of flows outside the graph. */
  readonly edges?: readonly number[];
  readonly flowIds?: readonly string[];
  readonly roleIds?: readonly string[];
  readonly message: string;
  readonly timeAtStake: number;
  /** The lead-time entries the stake is made of (see gains.ts). */
  readonly claims?: Claims;
}

/** Shared by every finding that names no flow or role: thousands on a large map. */
const NONE: readonly never[] = Object.freeze([]);

/** Builds a finding whose ids all come from the map. */
export function finding(ctx: Context, rule: RuleId, parts: FindingParts): Finding {
  const { g } = ctx;
  const steps = parts.steps ?? NONE;
  const ordered =
    steps.length < 2 ? steps : parts.keepOrder ? [...new Set(steps)] : inFlowOrder(ctx, steps);
  // Loops rather than map/filter with arrow functions: V8 optimises a closure made anew on
  // every call again and again, and this runs for every finding.
  let stepIds: string[];
  if (parts.step !== undefined) stepIds = [g.ids[parts.step] as string];
  else {
    stepIds = new Array(ordered.length);
    for (let k = 0; k < ordered.length; k++) stepIds[k] = g.ids[ordered[k] as number] as string;
  }
  const edges = parts.edges ?? NONE;
  let flows: readonly string[] = NONE;
  if (edges.length > 0) {
    const ids: string[] = new Array(edges.length);
    for (let k = 0; k < edges.length; k++) ids[k] = g.edgeFlows[edges[k] as number]?.id as string;
    flows = ids;
  }
  if (parts.flowIds && parts.flowIds.length > 0) flows = [...flows, ...parts.flowIds];
  const roles = parts.roleIds ?? NONE;
  let roleIds: readonly string[] = NONE;
  if (roles.length > 0) {
    const known: string[] = [];
    for (const r of new Set(roles)) if (g.roleById.has(r)) known.push(r);
    roleIds = known;
  }
  const stake = parts.timeAtStake;
  const made: Finding = {
    rule,
    waste: parts.waste,
    severity: parts.severity,
    stepIds: stepIds as StepId[],
    flowIds: (flows.length < 2 ? flows : [...new Set(flows)]) as FlowId[],
    roleIds: roleIds as RoleId[],
    message: parts.message,
    timeAtStake: Number.isFinite(stake) && stake > 0 ? Math.round(stake * 100) / 100 : 0,
    uniqueTimeAtStake: 0,
  };
  const book = ctx.claims;
  if (parts.claims && parts.claims.length > 0) book.multi.set(book.step.length, parts.claims);
  book.step.push(-1);
  book.wait.push(0);
  book.work.push(0);
  return made;
}

/**
 * A finding on one step that names no flow, built without a parts object: the usual finding
 * (thousands on a large map), the same as finding() with `step` (and one role id) given. Its
 * stake is made of `waitClaim` minutes of the step's wait and `workClaim` of its hands-on time.
 */
export function stepFinding(
  ctx: Context,
  rule: RuleId,
  waste: Waste | null,
  severity: Severity,
  i: number,
  message: string,
  waitClaim: number,
  workClaim: number,
  roleId?: string,
): Finding {
  const stake = waitClaim + workClaim;
  const made: Finding = {
    rule,
    waste,
    severity,
    stepIds: [ctx.g.ids[i]] as StepId[],
    flowIds: NONE,
    roleIds: (roleId === undefined ? NONE : ctx.g.roleById.has(roleId) ? [roleId] : []) as RoleId[],
    message,
    timeAtStake: Number.isFinite(stake) && stake > 0 ? Math.round(stake * 100) / 100 : 0,
    uniqueTimeAtStake: 0,
  };
  const book = ctx.claims;
  book.step.push(stake > 0 ? i : -1);
  book.wait.push(waitClaim);
  book.work.push(workClaim);
  return made;
}

/** Claims on steps' own time: `share` of v x wait and of v x hands-on time of each. */
export function ownClaims(ctx: Context, steps: readonly number[], share = 1): Claims {
  const out: Claims = [];
  for (const i of steps) {
    const v = (ctx.v[i] as number) * share;
    out.push(i, v * (ctx.g.waitTime[i] as number), v * (ctx.g.processTime[i] as number));
  }
  return out;
}

/** The own time of one visit to step i: wait before it plus hands-on time. */
export const own = (ctx: Context, i: number) =>
  (ctx.g.processTime[i] as number) + (ctx.g.waitTime[i] as number);

/** The name of a step's role for messages. */
export function roleName(ctx: Context, i: number): string {
  const r = ctx.g.role[i] as number;
  const name = r < 0 ? '' : (ctx.g.roleNames[r] as string);
  return name.trim() !== '' ? name : (ctx.g.roleIds[i] as string);
}

/** A list of names: `a`, `a and b`, `a, b and c`; long lists are cut with a count. */
export function listOf(names: readonly string[], max = 6): string {
  const shown =
    names.length > max ? [...names.slice(0, max - 1), `${names.length - max + 1} more`] : names;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A count with its noun: `1 step`, `3 steps` (the plural given when it is not just an s). */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
