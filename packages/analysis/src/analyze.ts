import type { ProcessMap, StepId } from '@procmap/model';
import { buildContext } from './context';
import type { RuleContext } from './finding';
import { computeMetrics, publicMetrics } from './metrics';
import { RULES } from './rules';
import { resolveThresholds, type Thresholds } from './thresholds';
import { type AnalysisResult, type Finding, RULE_IDS } from './types';

export interface AnalyzeOptions {
  /** Overrides the map's own `settings.analysis` thresholds and the defaults. */
  readonly thresholds?: Partial<Thresholds>;
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
  const ctx = buildContext(map, thresholds);
  const raw = computeMetrics(ctx);
  const ruleCtx: RuleContext = { ...ctx, metrics: raw };
  const findings: Finding[] = [];
  for (const rule of RULES) for (const f of rule.run(ruleCtx)) findings.push(f);
  return { metrics: publicMetrics(raw, ctx), findings: sortFindings(findings) };
}

const RULE_RANK = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/**
 * Most time at stake first; then rule order; then the order the rule gave (steps in map order).
 * Thousands of findings on a large map: each gets one number, (stake in cents, rule, position),
 * and the numbers are sorted natively, without a comparator.
 */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const n = findings.length;
  const width = RULE_IDS.length * n;
  let most = 0;
  for (const f of findings) most = Math.max(most, Math.round(f.timeAtStake * 100));
  if ((most + 1) * width >= Number.MAX_SAFE_INTEGER) return sortByComparator(findings);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const f = findings[k] as Finding;
    const fewerCents = most - Math.round(f.timeAtStake * 100);
    keys[k] = fewerCents * width + (RULE_RANK.get(f.rule) as number) * n + k;
  }
  keys.sort();
  const out: Finding[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = findings[(keys[k] as number) % n] as Finding;
  return out;
}

/** The same order with a comparator, for stakes too large for one exact number. */
function sortByComparator(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, k) => ({ f, k, rule: RULE_RANK.get(f.rule) as number }))
    .sort((a, b) => b.f.timeAtStake - a.f.timeAtStake || a.rule - b.rule || a.k - b.k)
    .map((x) => x.f);
}

/** Expected visits v(i) per case of every step, from the flow probabilities (loops solved). */
export function expectedVisits(input: ProcessMap): ReadonlyMap<StepId, number> {
  const ctx = buildContext(asMap(input), resolveThresholds(asMap(input)));
  return new Map(ctx.g.steps.map((s, i) => [s.id, ctx.v[i] as number]));
}
