import type { ProcessMap } from '@procmap/model';
import type { SimulationResult } from '@procmap/simulation';

/*
 * Named fixtures for the tab's helpers: a two-step clinic referral map, and a run's result
 * written out by hand (the helpers shape results; the engine's own tests check the numbers).
 */

/** Referral triage: a clerk logs it, a nurse triages it; 40 a day. */
export function referralMap(): ProcessMap {
  return {
    format: 'procmap',
    version: 1,
    title: 'Referral triage',
    settings: { hoursPerDay: 7.5, demand: { count: 40, per: 'day' } },
    roles: [
      { id: 'clerk', name: 'Ward clerk', headcount: 2, order: 1, color: '#336699' },
      { id: 'nurse', name: 'Triage nurse', headcount: 1, order: 2 },
    ],
    steps: [
      { id: 'in', roleId: 'clerk', kind: 'start', label: 'Referral in' },
      { id: 'log', roleId: 'clerk', kind: 'task', label: 'Log referral', processTime: 5 },
      {
        id: 'triage',
        roleId: 'nurse',
        kind: 'task',
        label: 'Triage',
        processTime: 10,
        waitTime: 30,
        position: { x: 100, y: 40 },
      },
      { id: 'done', roleId: 'nurse', kind: 'end', label: 'Booked' },
    ],
    flows: [
      { id: 'f1', from: 'in', to: 'log' },
      { id: 'f2', from: 'log', to: 'triage' },
      { id: 'f3', from: 'triage', to: 'done' },
    ],
    comments: [],
  } as unknown as ProcessMap;
}

/** A run of the referral map where the nurse is overloaded and the clerk has no headcount. */
export function referralResult(): SimulationResult {
  return {
    cases: 10_000,
    replications: 10,
    warmup: 500,
    seed: 1,
    leadTime: {
      mean: 185.2,
      ci95: [181, 189.4],
      p50: 160,
      p90: 310,
      p95: 355,
      max: 720,
      histogram: [
        { from: 0, to: 60, count: 120 },
        { from: 60, to: 120, count: 300 },
        { from: 120, to: 180, count: 0 },
        { from: 180, to: 240, count: 40 },
      ],
    },
    throughputPerHour: 5.33,
    wip: { mean: 16.4 },
    costPerCase: 21.5,
    roles: [
      {
        id: 'clerk',
        name: 'Ward clerk',
        headcount: null,
        utilisation: null,
        meanQueueLength: 0,
        meanQueueTime: 0,
      },
      {
        id: 'nurse',
        name: 'Triage nurse',
        headcount: 1,
        utilisation: 0.97,
        meanQueueLength: 12,
        meanQueueTime: 80,
      },
      {
        id: 'porter',
        name: 'Porter',
        headcount: 3,
        utilisation: 0.9,
        meanQueueLength: 0.5,
        meanQueueTime: 2,
      },
      {
        id: 'admin',
        name: 'Admin',
        headcount: 2,
        utilisation: 0.4,
        meanQueueLength: 0,
        meanQueueTime: 0,
      },
    ],
    steps: [
      {
        id: 'log',
        label: 'Log referral',
        visits: 1,
        meanQueueTime: 0,
        meanProcessTime: 5,
        meanWaitTime: 0,
      },
      {
        id: 'triage',
        label: 'Triage',
        visits: 1.25,
        meanQueueTime: 80,
        meanProcessTime: 10,
        meanWaitTime: 30,
      },
      {
        id: 'porter',
        label: 'Fetch notes',
        visits: 1,
        meanQueueTime: 2,
        meanProcessTime: 3,
        meanWaitTime: 0,
      },
      {
        id: 'never',
        label: 'Escalate',
        visits: 0,
        meanQueueTime: null,
        meanProcessTime: null,
        meanWaitTime: null,
      },
    ],
    warnings: [
      {
        code: 'unlimited',
        roleId: 'clerk',
        message: 'Ward clerk has no headcount: simulated with as many people as needed.',
      },
      {
        code: 'overloaded',
        roleId: 'nurse',
        message: 'Triage nurse cannot keep up: 121% busy; the queue grows by 7 cases a day',
      },
      { code: 'stuck', stepId: 'triage', message: '3 cases never finished.' },
    ],
  };
}
