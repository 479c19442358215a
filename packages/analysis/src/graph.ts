import {
  type CompiledGraph,
  compileGraph,
  KIND_CODE,
  type ProcessMap,
  type Step,
} from '@procmap/model';

/*
 * The map as the analysis sees it: the model's compiled flow graph (steps and flows as integer
 * indices, compressed adjacency, branch shares, structural problems), with the columns only the
 * analysis reads added on top: times, value class, activity, %C&A, batches, data entered and the
 * roles' headcounts and costs. It never throws: a map fresh from a file may be malformed in any
 * field.
 */

/** Step kinds as small numbers: the compiled graph's `kind` column. */
export const KIND = KIND_CODE;
/** Value classes as numbers; 0 is unclassified. */
export const VALUE = { none: 0, 'value-adding': 1, necessary: 2, waste: 3 } as const;
/** Activities as numbers; 0 is ordinary work (the default). */
export const ACTIVITY = { work: 0, approval: 1, inspection: 2, transport: 3 } as const;

/** The compiled graph with the analysis' own columns, one array per field, indexed by step. */
export interface Graph extends CompiledGraph {
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
  /** Hands-on and waiting minutes per visit (0 when missing or not a usable number). */
  readonly processTime: Float64Array;
  readonly waitTime: Float64Array;
  readonly problems: CompiledGraph['problems'] & {
    /** Tasks without a usable processTime. */
    readonly missingProcessTime: readonly number[];
  };
}

/*
 * Codes of the text fields, by switch rather than an object lookup: most steps have no
 * activity, and looking `undefined` up as a key is a slow miss.
 */

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

/** A usable non-negative number of minutes, or undefined. */
export function minutes(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** A number read from the map when it passes `ok`, else NaN. */
const numberOr = (v: unknown, ok: (x: number) => boolean): number =>
  typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : Number.NaN;

const isShare = (x: number) => x >= 0 && x <= 1;
const isPositive = (x: number) => x > 0;
const notNegative = (x: number) => x >= 0;
const any = () => true;

/** Compiles the map and reads the analysis' columns, skipping what cannot be read. */
export function buildGraph(map: ProcessMap, probabilityTolerance: number): Graph {
  const g = compileGraph(map, { probabilityTolerance });
  const n = g.steps.length;
  const processTime = new Float64Array(n);
  const waitTime = new Float64Array(n);
  const missingProcessTime: number[] = [];
  const valueClass = new Uint8Array(n);
  const activity = new Uint8Array(n);
  const completeAccurate = new Float64Array(n);
  const batchSize = new Float64Array(n);
  const dataEntered: (readonly unknown[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const step = g.steps[i] as Step;
    const pt = minutes(step.processTime);
    processTime[i] = pt ?? 0;
    waitTime[i] = minutes(step.waitTime) ?? 0;
    valueClass[i] = valueCode(step.valueClass);
    activity[i] = activityCode(step.activity);
    completeAccurate[i] = numberOr(step.completeAccurate, isShare);
    const data: unknown = step.dataEntered;
    dataEntered[i] = Array.isArray(data) && data.length > 0 ? data : undefined;
    batchSize[i] = numberOr(step.batchSize, any);
    if (pt === undefined && g.kind[i] === KIND.task) missingProcessTime.push(i);
  }
  const roleHeadcount = new Float64Array(g.roles.length);
  const roleCost = new Float64Array(g.roles.length);
  const roleNames: string[] = g.roles.map((r, k) => {
    roleHeadcount[k] = numberOr(r.headcount, isPositive);
    roleCost[k] = numberOr(r.hourlyCost, notNegative);
    return typeof r.name === 'string' ? r.name : '';
  });

  // Every field named, not `...g`: with a spread copy the whole analysis measured about 15%
  // slower (V8 reads such an object's fields more slowly in the hot loops). A column added to the
  // compiled graph is a type error here until it is copied too.
  return {
    map: g.map,
    steps: g.steps,
    ids: g.ids,
    indexOf: g.indexOf,
    kind: g.kind,
    labels: g.labels,
    roleIds: g.roleIds,
    role: g.role,
    roles: g.roles,
    roleById: g.roleById,
    edgeFlows: g.edgeFlows,
    edgeFrom: g.edgeFrom,
    edgeTo: g.edgeTo,
    edgeWeight: g.edgeWeight,
    outStart: g.outStart,
    outEdges: g.outEdges,
    inStart: g.inStart,
    inEdges: g.inEdges,
    parallel: g.parallel,
    valueClass,
    activity,
    completeAccurate,
    batchSize,
    roleHeadcount,
    roleCost,
    roleNames,
    dataEntered,
    processTime,
    waitTime,
    problems: { ...g.problems, missingProcessTime },
  };
}
