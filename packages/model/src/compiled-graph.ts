import { writeBranchShares } from './compiled-graph-shares';
import type { StepId } from './ids';
import type { Flow, ProcessMap, Role, Step } from './types';

/*
 * The map compiled once into the flow graph every engine walks: the analysis (expected visits,
 * lead time, rules), the layout (columns along the flow) and the simulation (routing cases).
 * Steps and flows become integer indices; each field the engines read is copied once into a
 * column, one typed array per field, indexed by step or by edge. Steps read from JSON come in
 * many object shapes (each with its own optional fields), so reading a field from them in a hot
 * loop is slow, and an object per edge would be memory to allocate and a pointer to follow on
 * every read.
 *
 * It never throws: a map fresh from a file may be malformed in any field. What cannot be read is
 * skipped and each structural problem is noted in `problems`, for the caller to report.
 */

/** Step kinds as small numbers, for the `kind` column. */
export const KIND_CODE = { start: 0, task: 1, decision: 2, delay: 3, end: 4 } as const;

/** A decision whose branch probabilities do not sum to 1 (within the tolerance asked for). */
export interface BadDecision {
  /** The decision's step index. */
  readonly step: number;
  /** Its branches' usable probabilities summed, missing ones given their share of the rest. */
  readonly sum: number;
}

/** What the compiled graph had to leave out or guess. Step numbers are step indices. */
export interface GraphProblems {
  /** The id of each step that repeats an earlier step's id (left out), once per repeat. */
  readonly duplicateStepIds: readonly string[];
  /** Flows with a usable id whose `from` or `to` names no step (left out of the edges). */
  readonly danglingFlows: readonly Flow[];
  readonly badDecisions: readonly BadDecision[];
  /** Steps whose role is not one of the map's roles (their `role` is -1). */
  readonly unknownRole: readonly number[];
}

/**
 * The map's flow graph in columns. Step `i` runs over `0 .. steps.length`, edge `e` over
 * `0 .. edgeFrom.length`, role `r` over `0 .. roles.length`. Read-only by contract: every
 * reader shares one instance, so a reader that must change a column (a what-if) copies it.
 */
export interface CompiledGraph {
  readonly map: ProcessMap;

  /** Steps with a usable id (a non-empty string), the first of each id only, in map order. */
  readonly steps: readonly Step[];
  /** Each step's id: `ids[i] === steps[i].id`. */
  readonly ids: readonly StepId[];
  /** Step index by id: the inverse of `ids`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** The step's kind as a `KIND_CODE`; a kind that is not one reads as a task. */
  readonly kind: Uint8Array;
  /** The step's label, '' when it is not text. */
  readonly labels: readonly string[];
  /** The role id each step names ('' when it is not text), known to the map or not. */
  readonly roleIds: readonly string[];
  /** Index of the step's role in `roles`; -1 when the map has no such role. */
  readonly role: Int32Array;

  /** Roles with a string id, the first of each id only, in map order (not lane order). */
  readonly roles: readonly Role[];
  readonly roleById: ReadonlyMap<string, Role>;

  /** Edges: the flows with a usable id whose ends are both steps, in map order. Self-loops stay. */
  readonly edgeFlows: readonly Flow[];
  /** Step index of each edge's source and target. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /**
   * The share of the source's cases that take the edge: from a decision, its branch share
   * (probabilities as given, missing ones sharing the remainder, scaled to sum to 1); from any
   * other step 1, since a case takes every way out of a non-decision step (see `parallel`).
   */
  readonly edgeWeight: Float64Array;
  /** Edges leaving step i, in map order: `outEdges[outStart[i] .. outStart[i + 1])`. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** Edges arriving at step i, in map order: `inEdges[inStart[i] .. inStart[i + 1])`. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** 1 for a non-decision step with several ways out: the case takes all of them at once. */
  readonly parallel: Uint8Array;

  readonly problems: GraphProblems;
}

/** How the graph is compiled. */
export interface CompileOptions {
  /**
   * How far from 1 a decision's probabilities may sum before it is a `badDecisions` problem.
   * Default 1e-9, as validation checks them.
   */
  readonly probabilityTolerance?: number;
}

/*
 * The kind code by switch rather than an object lookup: an unknown kind looked up as a key is a
 * slow miss.
 */
function kindCode(kind: unknown): number {
  switch (kind) {
    case 'start':
      return KIND_CODE.start;
    case 'task':
      return KIND_CODE.task;
    case 'decision':
      return KIND_CODE.decision;
    case 'delay':
      return KIND_CODE.delay;
    case 'end':
      return KIND_CODE.end;
    default:
      return KIND_CODE.task;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** Compiles a map's flow graph, skipping what cannot be read and noting each structural problem. */
export function compileGraph(map: ProcessMap, options: CompileOptions = {}): CompiledGraph {
  const tolerance = options.probabilityTolerance ?? 1e-9;
  const file: Record<string, unknown> = isRecord(map) ? map : {};

  const roles: Role[] = [];
  const roleById = new Map<string, Role>();
  const roleIndex = new Map<string, number>();
  for (const raw of list(file.roles)) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || roleById.has(raw.id)) continue;
    const role = raw as unknown as Role;
    roleIndex.set(role.id, roles.length);
    roles.push(role);
    roleById.set(role.id, role);
  }

  const rawSteps = list(file.steps);
  const steps: Step[] = [];
  // Sized for every entry, cut to steps.length after: cheaper than growing them step by step.
  const ids: StepId[] = new Array(rawSteps.length);
  const labels: string[] = new Array(rawSteps.length);
  const roleIds: string[] = new Array(rawSteps.length);
  const kinds = new Uint8Array(rawSteps.length);
  const roleOf = new Int32Array(rawSteps.length);
  const indexOf = new Map<string, number>();
  const duplicateStepIds: string[] = [];
  const unknownRole: number[] = [];
  // Steps in a row mostly share a role: the last lookup is remembered.
  let lastRoleId: string | undefined;
  let lastRole = -1;
  for (const raw of rawSteps) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') continue;
    if (indexOf.has(raw.id)) {
      duplicateStepIds.push(raw.id);
      continue;
    }
    const i = steps.length;
    indexOf.set(raw.id, i);
    steps.push(raw as unknown as Step);
    ids[i] = raw.id as StepId;
    labels[i] = typeof raw.label === 'string' ? raw.label : '';
    kinds[i] = kindCode(raw.kind);
    const rid = typeof raw.roleId === 'string' ? raw.roleId : '';
    roleIds[i] = rid;
    if (rid !== lastRoleId) {
      lastRoleId = rid;
      lastRole = roleIndex.get(rid) ?? -1;
    }
    roleOf[i] = lastRole;
    if (lastRole === -1) unknownRole.push(i);
  }
  const n = steps.length;
  ids.length = n;
  labels.length = n;
  roleIds.length = n;
  const kind = kinds.subarray(0, n);

  const rawFlows = list(file.flows);
  const edgeFlows: Flow[] = [];
  const danglingFlows: Flow[] = [];
  // Sized for every entry; only the first edgeFlows.length are used.
  const fromOf = new Int32Array(rawFlows.length);
  const toOf = new Int32Array(rawFlows.length);
  for (const raw of rawFlows) {
    if (!isRecord(raw) || typeof raw.id !== 'string') continue;
    const flow = raw as unknown as Flow;
    const from = indexOf.get(raw.from as string);
    const to = indexOf.get(raw.to as string);
    if (from === undefined || to === undefined) {
      danglingFlows.push(flow);
      continue;
    }
    fromOf[edgeFlows.length] = from;
    toOf[edgeFlows.length] = to;
    edgeFlows.push(flow);
  }
  const m = edgeFlows.length;
  const edgeFrom = fromOf.subarray(0, m);
  const edgeTo = toOf.subarray(0, m);
  const out = compressedRows(n, edgeFrom);
  const inc = compressedRows(n, edgeTo);

  const edgeWeight = new Float64Array(m).fill(1);
  const parallel = new Uint8Array(n);
  const badDecisions: BadDecision[] = [];
  for (let i = 0; i < n; i++) {
    const a = out.start[i] as number;
    const b = out.start[i + 1] as number;
    if (b - a < 1) continue;
    if (kind[i] !== KIND_CODE.decision) {
      if (b - a > 1) parallel[i] = 1;
      continue;
    }
    const sum = writeBranchShares(out.edges, a, b, edgeFlows, edgeWeight, undefined);
    if (Math.abs(sum - 1) > tolerance) badDecisions.push({ step: i, sum });
  }

  return {
    map,
    steps,
    ids,
    indexOf,
    kind,
    labels,
    roleIds,
    role: roleOf.subarray(0, n),
    roles,
    roleById,
    edgeFlows,
    edgeFrom,
    edgeTo,
    edgeWeight,
    outStart: out.start,
    outEdges: out.edges,
    inStart: inc.start,
    inEdges: inc.edges,
    parallel,
    problems: { duplicateStepIds, danglingFlows, badDecisions, unknownRole },
  };
}

/**
 * Compressed sparse rows of the edges by one end (`end[e]` is the step of edge e): the edges of
 * step i are `edges[start[i] .. start[i + 1])`, in edge order. Counting sort: linear.
 */
function compressedRows(n: number, end: Int32Array): { start: Int32Array; edges: Int32Array } {
  const m = end.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const k = (end[e] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const edges = new Int32Array(m);
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) edges[(fill[end[e] as number] as number)++] = e;
  return { start, edges };
}

/**
 * The branch shares of decision `d` as if the flows in `zero` had probability 0 (the map edited
 * so), written into `weights` for d's edges only: what a what-if without a rework branch reads.
 */
export function branchSharesWithout(
  g: CompiledGraph,
  d: number,
  zero: ReadonlySet<number>,
  weights: Float64Array,
): void {
  writeBranchShares(
    g.outEdges,
    g.outStart[d] as number,
    g.outStart[d + 1] as number,
    g.edgeFlows,
    weights,
    zero,
  );
}

/** Where cases begin: `start` steps, or steps nothing flows into when there is no start. */
export function entryIndices(g: CompiledGraph): number[] {
  const starts: number[] = [];
  for (let i = 0; i < g.steps.length; i++) if (g.kind[i] === KIND_CODE.start) starts.push(i);
  if (starts.length > 0) return starts;
  const none: number[] = [];
  for (let i = 0; i < g.steps.length; i++) if (g.inStart[i] === g.inStart[i + 1]) none.push(i);
  return none;
}
