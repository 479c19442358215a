import type { ProcessMap } from '@procmap/model';

/*
 * Small maps for the simulation's tests, built from a list of steps and flows: each test states
 * only what its queueing model needs (arrival rate, people, times, branches).
 */

export interface TestStep {
  readonly id: string;
  readonly kind?: 'start' | 'task' | 'decision' | 'delay' | 'end';
  readonly role?: string;
  readonly processTime?: number;
  readonly waitTime?: number;
  readonly processVariation?: unknown;
  readonly waitVariation?: unknown;
  readonly batchSize?: number;
}

export interface TestMap {
  readonly perHour: number;
  readonly arrivals?: 'random' | 'even';
  readonly roles: Readonly<Record<string, number | undefined>>;
  readonly costs?: Readonly<Record<string, number>>;
  readonly steps: readonly TestStep[];
  /** [from, to] or [from, to, probability]. */
  readonly flows: readonly (readonly [string, string, number?])[];
}

/** A map file from the test's description. */
export function testMap(t: TestMap): ProcessMap {
  return {
    version: 1,
    id: 'sim-test',
    title: 'Simulation test',
    settings: {
      demand: { count: t.perHour, per: 'hour', ...(t.arrivals ? { arrivals: t.arrivals } : {}) },
    },
    roles: Object.entries(t.roles).map(([id, headcount]) => ({
      id,
      name: `Role ${id}`,
      ...(headcount === undefined ? {} : { headcount }),
      ...(t.costs?.[id] === undefined ? {} : { hourlyCost: t.costs[id] }),
    })),
    steps: t.steps.map((s) => ({
      id: s.id,
      kind: s.kind ?? 'task',
      label: `Step ${s.id}`,
      roleId: s.role ?? (Object.keys(t.roles)[0] as string),
      ...(s.processTime === undefined ? {} : { processTime: s.processTime }),
      ...(s.waitTime === undefined ? {} : { waitTime: s.waitTime }),
      ...(s.processVariation === undefined ? {} : { processVariation: s.processVariation }),
      ...(s.waitVariation === undefined ? {} : { waitVariation: s.waitVariation }),
      ...(s.batchSize === undefined ? {} : { batchSize: s.batchSize }),
    })),
    flows: t.flows.map(([from, to, probability], k) => ({
      id: `f${k}`,
      from,
      to,
      ...(probability === undefined ? {} : { probability }),
    })),
  } as unknown as ProcessMap;
}

/** One step worked by one pool: an M/M/c queue when the time is exponential. */
export function singleQueue(people: number, minutes: number, perHour: number): ProcessMap {
  return testMap({
    perHour,
    roles: { clerk: people },
    steps: [
      { id: 'in', kind: 'start' },
      { id: 'work', processTime: minutes, processVariation: { distribution: 'exponential' } },
      { id: 'out', kind: 'end' },
    ],
    flows: [
      ['in', 'work'],
      ['work', 'out'],
    ],
  });
}
