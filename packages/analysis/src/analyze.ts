import type { ProcessMap, StepId } from '@procmap/model';
import { buildContext } from './context';
import type { RuleContext } from './finding';
import { attribute, claimBook, claimed, claimsOf, criticalVisits } from './gains';
import type { AnalysisMemo } from './memo';
import { computeMetrics, publicMetrics } from './metrics';
import { RULES } from './rules';
import { resolveThresholds, type Thresholds } from './thresholds';
import { type AnalysisResult, type Finding, RULE_IDS } from './types';

export interface AnalyzeOptions {
  /** Overrides the map's own `settings.analysis` thresholds and the defaults. */
  readonly thresholds?: Partial<Thresholds>;
  /**
   * Shares the message pieces (step names, durations, shares) with other analyses given the same
   * memo: for analysing related processes together, such as the as-is and its scenarios. The
   * result is the same with or without it.
   */
  readonly memo?: AnalysisMemo;
}

const EMPTY_MAP = { format: 'procmap', version: 1, title: '', roles: [], steps: [], flows: [] };

/** Reads anything as a map: a value that is not an object analyses as an empty map. */
function asMap(input: ProcessMap): ProcessMap {
  return typeof input === 'object' && input !== null ? input : (EMPTY_MAP as ProcessMap);
}

/**
 * Analyses a map: the Lean metrics per case and the waste findings, sorted by time at stake.
 * Pure and deterministic; never changes the map; never throws on a malformed one (its
 * structural problems come back as findings).
 *
 * @example
 * const { metrics, findings } = analyze(map);
 * console.log(metrics.leadTime, findings[0]?.message);
 */
export function analyze(input: ProcessMap, options: AnalyzeOptions = {}): AnalysisResult {
  const map = asMap(input);
  const thresholds = resolveThresholds(map, options.thresholds);
  const ctx = buildContext(map, thresholds, options.memo);
  const raw = computeMetrics(ctx);
  const ruleCtx: RuleContext = { ...ctx, metrics: raw };
  const findings: Finding[] = [];
  for (const rule of RULES) for (const f of rule.run(ruleCtx)) findings.push(f);
  const cv = criticalVisits(ctx);
  // Every finding a rule makes is returned in the order it was made: the claim book is numbered
  // the same way. (Should a rule ever drop one, no time is counted as unique rather than wrongly.)
  const book = ctx.claims.step.length === findings.length ? ctx.claims : claimBook();
  if (ctx.hasParallel) {
    // With parallel work a step beside a longer branch does not lengthen the case: the stakes
    // count the critical path only (a loop's gain is already its lead time computed again).
    const one: number[] = [0, 0, 0];
    for (let k = 0; k < findings.length; k++) {
      const f = findings[k] as Finding;
      const claims = claimsOf(book, k, one);
      if (!claims || f.rule === 'rework-loop') continue;
      (f as { timeAtStake: number }).timeAtStake = Math.round(claimed(ctx, cv, claims) * 100) / 100;
    }
  }
  const order = sortOrder(findings);
  const sorted: Finding[] = new Array(findings.length);
  for (let s = 0; s < order.length; s++) sorted[s] = findings[order[s] as number] as Finding;
  attribute(ctx, cv, sorted, order, book, raw.leadTime);
  return { metrics: publicMetrics(raw, ctx), findings: sorted };
}

const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/**
 * The order of the findings: most time at stake first; then rule order; then the order the rule
 * gave (steps in map order). Thousands of findings on a large map: each gets one number, (stake
 * in cents, rule, position), and the numbers are sorted natively, without a comparator.
 * Returns the position in `findings` of each finding in that order.
 */
function sortOrder(findings: readonly Finding[]): Int32Array {
  const n = findings.length;
  const width = RULE_IDS.length * n;
  let most = 0;
  for (const f of findings) most = Math.max(most, Math.round(f.timeAtStake * 100));
  if ((most + 1) * width >= Number.MAX_SAFE_INTEGER) return orderByComparator(findings);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const f = findings[k] as Finding;
    const fewerCents = most - Math.round(f.timeAtStake * 100);
    keys[k] = fewerCents * width + (RULE_RANK.get(f.rule) as number) * n + k;
  }
  keys.sort();
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = (keys[k] as number) % n;
  return out;
}

/** The same order with a comparator, for stakes too large for one exact number. */
function orderByComparator(findings: readonly Finding[]): Int32Array {
  return Int32Array.from(
    findings
      .map((f, k) => ({ f, k, rule: RULE_RANK.get(f.rule) as number }))
      .sort((a, b) => b.f.timeAtStake - a.f.timeAtStake || a.rule - b.rule || a.k - b.k)
      .map((x) => x.k),
  );
}

/** Expected visits v(i) per case of every step, from the flow probabilities (loops solved). */
export function expectedVisits(input: ProcessMap): ReadonlyMap<StepId, number> {
  const ctx = buildContext(asMap(input), resolveThresholds(asMap(input)));
  return new Map(ctx.g.steps.map((s, i) => [s.id, ctx.v[i] as number]));
}
