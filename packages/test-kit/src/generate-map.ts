import type { Flow, ProcessMap, Role, Step, StepKind, ValueClass } from '@procmap/model';
import { flowId, roleId, stepId } from '@procmap/model';
import { createPrng, type Prng } from './prng';

/*
 * Large, plausible maps for benchmarks and property tests, in one linear pass. Steps are made
 * in order, and every new step is fed from the open ends before it, so each is reachable from
 * the start; every open end is fed into a later step or the end, so each can reach the end.
 * Decisions fan out into 2-3 branches that rejoin; rework decisions send a small share of
 * cases back to a recent step of the main line.
 */

export interface GenerateOptions {
  /** Exact number of steps, start and end included (at least 2). */
  readonly steps: number;
  /** Number of lanes (default 5). */
  readonly roles?: number;
  readonly seed?: number;
  /** Chance that a main-line position opens a branching decision (default 0.08). */
  readonly decisionRate?: number;
  /** Chance that a main-line position is a rework check looping back (default 0.03). */
  readonly loopRate?: number;
}

const ROLE_NAMES = ['Reception', 'Admin team', 'Clinician', 'Manager', 'Booking office'];
const VERBS = ['Review', 'Record', 'Update', 'Prepare', 'Scan', 'File', 'Book', 'Assess', 'Call'];
const CHECKS = ['Check', 'Validate', 'Verify'];
const SENDS = ['Send', 'Post', 'Forward'];
const OBJECTS = ['request', 'referral', 'form', 'order', 'letter', 'record', 'claim', 'report'];
const DATA = ['NHS number', 'Name', 'Address', 'Date of birth', 'Phone number', 'Reason', 'Amount'];
const SYSTEMS = ['PAS', 'EMIS', 'e-RS', 'SAP', 'Email', 'Spreadsheet'];
const WAITS = [0, 0, 0, 5, 15, 30, 60, 120, 240, 450, 900, 2250];
const CLASSES: readonly ValueClass[] = ['value-adding', 'necessary', 'necessary', 'waste'];
const BRANCH_LABELS = [
  ['Yes', 'No'],
  ['Routine', 'Urgent', 'Refer on'],
] as const;
const RECENT = 8;

type Open = { readonly from: string; readonly probability?: number; readonly label?: string };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const round2 = (n: number) => Math.round(n * 100) / 100;

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`generateMap: ${message}`);
}

/** A deterministic, valid map of exactly `steps` steps for benchmarks and property tests. */
export function generateMap(options: GenerateOptions): ProcessMap {
  const { steps: total, roles: laneCount = 5, seed = 1 } = options;
  const { decisionRate = 0.08, loopRate = 0.03 } = options;
  check(Number.isInteger(total) && total >= 2, `steps must be a whole number >= 2, got ${total}`);
  check(Number.isInteger(laneCount) && laneCount >= 1, `roles must be >= 1, got ${laneCount}`);
  check(decisionRate >= 0 && decisionRate <= 1, 'decisionRate must be within 0..1');
  check(loopRate >= 0 && loopRate <= 1, 'loopRate must be within 0..1');

  // Separate streams, so changing how labels are drawn does not reshape the graph.
  const root = createPrng(seed);
  const shape = root.fork();
  const fields = root.fork();

  const roles: Role[] = Array.from({ length: laneCount }, (_, i) => ({
    id: roleId(`r${i + 1}`),
    name: `${ROLE_NAMES[i % ROLE_NAMES.length]}${i >= ROLE_NAMES.length ? ` ${i + 1}` : ''}`,
    order: i,
    headcount: fields.int(1, 6),
    hourlyCost: fields.pick([14, 18, 24, 35, 55, 90]),
  }));
  const steps: Step[] = [];
  const flows: Flow[] = [];
  const recent: string[] = [];
  let lane = 0;
  let open: Open[] = [];

  const connect = (to: string) => {
    for (const o of open) {
      const flow: Mutable<Flow> = {
        id: flowId(`f${flows.length + 1}`),
        from: stepId(o.from),
        to: stepId(to),
      };
      if (o.label !== undefined) flow.label = o.label;
      if (o.probability !== undefined) flow.probability = o.probability;
      flows.push(flow);
    }
  };
  const add = (kind: StepKind, label?: string): string => {
    const id = `s${steps.length}`;
    // Work mostly stays in its lane; a switch is a handoff.
    if (steps.length > 0 && shape.chance(0.35)) lane = shape.int(0, laneCount - 1);
    steps.push(makeStep(fields, id, roles[lane]?.id ?? roleId('r1'), kind, steps.length, label));
    connect(id);
    open = [{ from: id }];
    return id;
  };

  add('start', 'Case arrives');
  let remaining = total - 2;
  while (remaining > 0) {
    const k = shape.chance(0.3) ? 3 : 2;
    if (remaining >= k + 1 && shape.chance(decisionRate)) {
      // decision + join + branch steps; branch 0 may be empty (a skip), the others are not.
      const branchSteps = shape.int(k - 1, Math.min(remaining - 2, 4 * k));
      const lengths: number[] = Array.from({ length: k }, (_, i) => (i === 0 ? 0 : 1));
      for (let extra = branchSteps - (k - 1); extra > 0; extra--) {
        const b = shape.int(0, k - 1);
        lengths[b] = (lengths[b] ?? 0) + 1;
      }
      const about = label(fields, steps.length);
      const decision = add('decision', k === 2 ? `Accept ${about}?` : `Triage ${about}`);
      const shares = probabilities(shape, k);
      const labels = BRANCH_LABELS[k - 2] as readonly string[];
      const tails: Open[] = [];
      lengths.forEach((length, b) => {
        open = [{ from: decision, probability: shares[b], label: labels[b] }];
        for (let i = 0; i < length; i++) add(shape.chance(0.15) ? 'delay' : 'task');
        tails.push(...open);
      });
      open = tails;
      recent.push(add('task'));
      remaining -= 2 + branchSteps;
    } else if (recent.length > 0 && shape.chance(loopRate)) {
      const target = recent[
        shape.int(Math.max(0, recent.length - RECENT), recent.length - 1)
      ] as string;
      const back = shape.pick([0.05, 0.1, 0.15, 0.2, 0.25]);
      const gate = add('decision', `Is ${label(fields, steps.length)} complete?`);
      flows.push({
        id: flowId(`f${flows.length + 1}`),
        from: stepId(gate),
        to: stepId(target),
        label: 'Rework',
        probability: back,
      });
      open = [{ from: gate, probability: round2(1 - back), label: 'Complete' }];
      remaining -= 1;
    } else {
      recent.push(add(shape.chance(0.1) ? 'delay' : 'task'));
      remaining -= 1;
    }
    if (recent.length > 4 * RECENT) recent.splice(0, recent.length - RECENT);
  }
  add('end', 'Case closed');

  return {
    format: 'procmap',
    version: 1,
    id: `generated-${total}-${seed}`,
    title: `Generated map (${total} steps, seed ${seed})`,
    settings: {
      hoursPerDay: 7.5,
      daysPerWeek: 5,
      demand: { count: 40, per: 'day' },
      currency: 'GBP',
    },
    roles,
    steps,
    flows,
  };
}

/** k shares in hundredths summing to 1, the first the most likely (as in real triage). */
function probabilities(prng: Prng, k: number): number[] {
  if (k === 2) {
    const p = prng.pick([0.5, 0.6, 0.7, 0.8, 0.9]);
    return [p, round2(1 - p)];
  }
  const first = prng.pick([0.5, 0.6, 0.7]);
  const second = round2(prng.int(1, Math.round((1 - first) * 100) - 1) / 100);
  return [first, second, round2(1 - first - second)];
}

const label = (prng: Prng, n: number) => `${prng.pick(OBJECTS)} ${n}`;

function makeStep(
  prng: Prng,
  id: string,
  role: Role['id'],
  kind: StepKind,
  n: number,
  given?: string,
): Step {
  const step: Mutable<Step> = { id: stepId(id), roleId: role, kind, label: given ?? '' };
  // Start, end and decisions come with their label and carry no work of their own.
  if (given !== undefined) return step;
  if (kind === 'delay') {
    step.label = `Wait for ${label(prng, n)}`;
    step.waitTime = prng.pick([60, 450, 900, 2250]);
    step.valueClass = 'waste';
    return step;
  }
  const style = prng.int(0, 9);
  const verb = style < 2 ? prng.pick(CHECKS) : style < 3 ? prng.pick(SENDS) : prng.pick(VERBS);
  step.label = `${verb} ${label(prng, n)}`;
  step.processTime = prng.int(1, 30);
  step.waitTime = prng.pick(WAITS);
  step.valueClass = prng.pick(CLASSES);
  if (style < 2) step.activity = 'inspection';
  else if (style < 3) step.activity = 'transport';
  else if (verb === 'Review' && prng.chance(0.3)) step.activity = 'approval';
  if (style < 2) step.completeAccurate = round2(0.75 + prng.next() * 0.24);
  if (prng.chance(0.3)) step.dataEntered = [...new Set([prng.pick(DATA), prng.pick(DATA)])];
  if (prng.chance(0.6)) step.systems = [prng.pick(SYSTEMS)];
  if (prng.chance(0.02)) step.batchSize = prng.int(5, 50);
  return step;
}
