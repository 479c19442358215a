import type { Flow, ProcessMap, Role, Step } from '@procmap/model';

/*
 * The map as the analysis sees it: steps and flows as integer indices with compressed adjacency
 * (linear time, no per-query allocation), times read defensively, and the structural problems
 * found on the way. It never throws: a map fresh from a file may be malformed in any field.
 */

/** A decision whose branch probabilities do not sum to 1. */
export interface BadDecision {
  readonly step: number;
  readonly sum: number;
}

/** Step kinds as small numbers, for the per-step columns. */
export const KIND = { start: 0, task: 1, decision: 2, delay: 3, end: 4 } as const;
/** Value classes as numbers; 0 is unclassified. */
export const VALUE = { none: 0, 'value-adding': 1, necessary: 2, waste: 3 } as const;
/** Activities as numbers; 0 is ordinary work (the default). */
export const ACTIVITY = { work: 0, approval: 1, inspection: 2, transport: 3 } as const;

/*
 * Steps read from JSON come in many object shapes (each with its own optional fields), so
 * reading a field from them in a hot loop is slow. The fields the analysis reads are copied once
 * into columns, one array per field, indexed by step.
 */
export interface Graph {
  readonly map: ProcessMap;
  /** Steps with a usable id, first of each id only, in map order. */
  readonly steps: readonly Step[];
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  /** The role id each step names ('' when it is not text), known to the map or not. */
  readonly roleIds: readonly string[];
  /** Index of the step's role in `roles`, -1 when the map has no such role. */
  readonly role: Int32Array;
  readonly kind: Uint8Array;
  readonly valueClass: Uint8Array;
  readonly activity: Uint8Array;
  /** completeAccurate when a usable share, else NaN. */
  readonly completeAccurate: Float64Array;
  /** batchSize when a usable number, else NaN. */
  readonly batchSize: Float64Array;
  /** Per role: headcount when positive, hourly cost when not negative, else NaN. */
  readonly roleHeadcount: Float64Array;
  readonly roleCost: Float64Array;
  readonly roleNames: readonly string[];
  /** The step's dataEntered list when it has one. */
  readonly dataEntered: readonly (readonly unknown[] | undefined)[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly roles: readonly Role[];
  readonly roleById: ReadonlyMap<string, Role>;
  /**
   * Edges: the flows whose ends both exist, in map order, as columns by edge index like the
   * steps (an object per edge was memory to allocate and a pointer to follow on every read).
   */
  readonly edgeFlows: readonly Flow[];
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** The share of the source's cases taking it: its probability from a decision, else 1. */
  readonly edgeWeight: Float64Array;
  /** Outgoing edge indices of step i: outEdges[outStart[i] .. outStart[i + 1]). */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Hands-on and waiting minutes per visit (0 when missing or not a usable number). */
  readonly processTime: Float64Array;
  readonly waitTime: Float64Array;
  /** 1 for a non-decision step with several ways out: all of them are taken (parallel work). */
  readonly parallel: Uint8Array;
  readonly problems: {
    readonly duplicateStepIds: readonly string[];
    readonly danglingFlows: readonly Flow[];
    readonly badDecisions: readonly BadDecision[];
    readonly unknownRole: readonly number[];
    readonly missingProcessTime: readonly number[];
  };
}

/*
 * Codes of the text fields, by switch rather than an object lookup: most steps have no
 * activity, and looking `undefined` up as a key is a slow miss.
 */

/** The code of a step kind; -1 when it is not one. */
function kindCode(kind: unknown): number {
  switch (kind) {
    case 'start':
      return KIND.start;
    case 'task':
      return KIND.task;
    case 'decision':
      return KIND.decision;
    case 'delay':
      return KIND.delay;
    case 'end':
      return KIND.end;
    default:
      return -1;
  }
}

function valueCode(valueClass: unknown): number {
  switch (valueClass) {
    case 'value-adding':
      return VALUE['value-adding'];
    case 'necessary':
      return VALUE.necessary;
    case 'waste':
      return VALUE.waste;
    default:
      return VALUE.none;
  }
}

function activityCode(activity: unknown): number {
  switch (activity) {
    case 'approval':
      return ACTIVITY.approval;
    case 'inspection':
      return ACTIVITY.inspection;
    case 'transport':
      return ACTIVITY.transport;
    default:
      return ACTIVITY.work;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A usable non-negative number of minutes, or undefined. */
export function minutes(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** Reads a map, skipping what cannot be read and noting each structural problem. */
export function buildGraph(map: ProcessMap, probabilityTolerance: number): Graph {
  const rawSteps = list(map.steps);
  const steps: Step[] = [];
  // Sized for every entry; only the first steps.length are used.
  const kinds = new Uint8Array(rawSteps.length);
  const indexOf = new Map<string, number>();
  const duplicateStepIds: string[] = [];
  for (const raw of rawSteps) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') continue;
    if (indexOf.has(raw.id)) {
      duplicateStepIds.push(raw.id);
      continue;
    }
    let step = raw as unknown as Step;
    const code = kindCode(raw.kind);
    if (code < 0 || typeof raw.label !== 'string') {
      step = {
        ...step,
        kind: code < 0 ? 'task' : step.kind,
        label: typeof raw.label === 'string' ? raw.label : '',
      };
    }
    kinds[steps.length] = code < 0 ? KIND.task : code;
    indexOf.set(raw.id, steps.length);
    steps.push(step);
  }

  const roles: Role[] = [];
  const roleById = new Map<string, Role>();
  for (const raw of list(map.roles)) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || roleById.has(raw.id)) continue;
    const role = raw as unknown as Role;
    roles.push(role);
    roleById.set(role.id, role);
  }

  const n = steps.length;
  const rawFlows = list(map.flows);
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
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const a = (edgeFrom[e] as number) + 1;
    const b = (edgeTo[e] as number) + 1;
    outStart[a] = (outStart[a] as number) + 1;
    inStart[b] = (inStart[b] as number) + 1;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
    inStart[i + 1] = (inStart[i + 1] as number) + (inStart[i] as number);
  }
  const outEdges = new Int32Array(m);
  const inEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    outEdges[(outFill[edgeFrom[e] as number] as number)++] = e;
    inEdges[(inFill[edgeTo[e] as number] as number)++] = e;
  }

  const weights = new Float64Array(m).fill(1);
  const parallel = new Uint8Array(n);
  const badDecisions: BadDecision[] = [];
  for (let i = 0; i < n; i++) {
    const a = outStart[i] as number;
    const b = outStart[i + 1] as number;
    if (b - a < 1) continue;
    if (kinds[i] !== KIND.decision) {
      if (b - a > 1) parallel[i] = 1;
      continue;
    }
    const sum = decisionWeights(outEdges, a, b, edgeFlows, weights);
    if (Math.abs(sum - 1) > probabilityTolerance) badDecisions.push({ step: i, sum });
  }

  const processTime = new Float64Array(n);
  const waitTime = new Float64Array(n);
  const unknownRole: number[] = [];
  const missingProcessTime: number[] = [];
  const ids: string[] = new Array(n);
  const labels: string[] = new Array(n);
  const roleIds: string[] = new Array(n);
  const role = new Int32Array(n);
  const kind = kinds.subarray(0, n);
  const valueClass = new Uint8Array(n);
  const activity = new Uint8Array(n);
  const completeAccurate = new Float64Array(n);
  const batchSize = new Float64Array(n);
  const dataEntered: (readonly unknown[] | undefined)[] = new Array(n);
  const roleIndex = new Map<string, number>(roles.map((r, k) => [r.id, k]));
  // Steps in a row mostly share a role: the last lookup is remembered.
  let lastRoleId: string | undefined;
  let lastRole = -1;
  for (let i = 0; i < n; i++) {
    const step = steps[i] as Step;
    const pt = minutes(step.processTime);
    processTime[i] = pt ?? 0;
    waitTime[i] = minutes(step.waitTime) ?? 0;
    ids[i] = step.id;
    labels[i] = step.label;
    const rid = typeof step.roleId === 'string' ? step.roleId : '';
    roleIds[i] = rid;
    if (rid !== lastRoleId) {
      lastRoleId = rid;
      lastRole = roleIndex.get(rid) ?? -1;
    }
    role[i] = lastRole;
    valueClass[i] = valueCode(step.valueClass);
    activity[i] = activityCode(step.activity);
    const ca = step.completeAccurate;
    completeAccurate[i] =
      typeof ca === 'number' && Number.isFinite(ca) && ca >= 0 && ca <= 1 ? ca : Number.NaN;
    const data: unknown = step.dataEntered;
    dataEntered[i] = Array.isArray(data) && data.length > 0 ? data : undefined;
    const batch = step.batchSize;
    batchSize[i] = typeof batch === 'number' && Number.isFinite(batch) ? batch : Number.NaN;
    if (pt === undefined && step.kind === 'task') missingProcessTime.push(i);
    if (role[i] === -1) unknownRole.push(i);
  }
  const roleHeadcount = new Float64Array(roles.length);
  const roleCost = new Float64Array(roles.length);
  const roleNames: string[] = roles.map((r, k) => {
    const hc = r.headcount;
    roleHeadcount[k] = typeof hc === 'number' && Number.isFinite(hc) && hc > 0 ? hc : Number.NaN;
    const cost = r.hourlyCost;
    roleCost[k] =
      typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 ? cost : Number.NaN;
    return typeof r.name === 'string' ? r.name : '';
  });

  return {
    map,
    steps,
    ids,
    labels,
    roleIds,
    role,
    kind,
    valueClass,
    activity,
    completeAccurate,
    batchSize,
    roleHeadcount,
    roleCost,
    roleNames,
    dataEntered,
    indexOf,
    roles,
    roleById,
    edgeFlows,
    edgeFrom,
    edgeTo,
    edgeWeight: weights,
    outStart,
    outEdges,
    inStart,
    inEdges,
    processTime,
    waitTime,
    parallel,
    problems: { duplicateStepIds, danglingFlows, badDecisions, unknownRole, missingProcessTime },
  };
}

/**
 * A decision's branch shares: missing probabilities share the remainder equally; a set that
 * does not sum to 1 is scaled to 1 so the visits stay a distribution. Returns the sum before
 * scaling, for the caller to report.
 */
function decisionWeights(
  outEdges: Int32Array,
  a: number,
  b: number,
  flows: readonly Flow[],
  weights: Float64Array,
): number {
  return shares(outEdges, a, b, flows, weights, undefined);
}

/** A usable probability of a flow, or undefined (missing, out of range, not a number). */
function probabilityOf(flow: Flow | undefined): number | undefined {
  const p = flow?.probability;
  return typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1 ? p : undefined;
}

function shares(
  outEdges: Int32Array,
  a: number,
  b: number,
  flows: readonly Flow[],
  weights: Float64Array,
  zero: ReadonlySet<number> | undefined,
): number {
  let given = 0;
  let missing = 0;
  for (let k = a; k < b; k++) {
    const e = outEdges[k] as number;
    const p = zero?.has(e) ? 0 : probabilityOf(flows[e]);
    if (p !== undefined) given += p;
    else missing++;
  }
  const share = missing > 0 ? Math.max(0, 1 - given) / missing : 0;
  let total = 0;
  for (let k = a; k < b; k++) {
    const e = outEdges[k] as number;
    const w = zero?.has(e) ? 0 : (probabilityOf(flows[e]) ?? share);
    weights[e] = w;
    total += w;
  }
  for (let k = a; k < b; k++) {
    const e = outEdges[k] as number;
    weights[e] = total > 0 ? (weights[e] as number) / total : 1 / (b - a);
  }
  return total;
}

/**
 * The branch shares of decision `d` as if the flows in `zero` had probability 0 (the map edited
 * so), written into `weights` for d's flows only: what a what-if without a rework branch reads.
 */
export function sharesWithout(
  g: Graph,
  d: number,
  zero: ReadonlySet<number>,
  weights: Float64Array,
): void {
  shares(
    g.outEdges,
    g.outStart[d] as number,
    g.outStart[d + 1] as number,
    g.edgeFlows,
    weights,
    zero,
  );
}
