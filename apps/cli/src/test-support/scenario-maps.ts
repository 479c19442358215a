import { referralRoles } from '@procmap/test-kit';
import { busyReferralMap } from './maps';

/*
 * Maps with scenarios for the tests of `procmap compare` and `--scenario`, as plain JSON values.
 * Each call returns a fresh copy.
 */

type Json = Record<string, unknown>;

/**
 * Referral triage, worked by hand (7.5 h days, 40 referrals a day, so 450 working minutes a
 * day), on the referral pair's two lanes (test-kit's scenario-maps.ts).
 *
 * As-is: the clerk keys the referral in (10 min, after 60 min in the tray), the nurse triages it
 * (5 min, after 120 min waiting for the session; value-adding), the clerk books the appointment
 * (6 min, after 30 min). Lead time 10+60 + 5+120 + 6+30 = 231 min = 3 h 51 min; two handoffs
 * (clerk → nurse → clerk); cost (10+6)/60 × £30 + 5/60 × £60 = £8 + £5 = £13; the clerks (two)
 * work 16 × 40 = 640 of 900 min a day: 71.1%; the nurse 5 × 40 = 200 of 450: 44.4%.
 *
 * To-be "online": the referral arrives in the nurse's lane (portal: no keying in), triage waits
 * 30 min, the nurse books at once (4 min, no wait). Lead time 35 + 4 = 39 min; no handoff; cost
 * 9/60 × £60 = £9; the nurse 9 × 40 = 360 of 450 min: 80%; the one clerk has no work left: 0%.
 */
export function triageMap(): Json {
  return {
    format: 'procmap',
    version: 1,
    id: 'triage',
    title: 'Referral triage',
    settings: { currency: 'GBP', demand: { count: 40, per: 'day' } },
    roles: referralRoles(),
    steps: triageSteps(120),
    flows: triageFlows(),
    comments: [
      {
        id: 'c1',
        kind: 'idea',
        author: 'Ana',
        text: 'Referrals through the portal',
        createdAt: '2026-12-01T09:00:00Z',
        votes: { ana: 1, ben: 2 },
      },
    ],
    scenarios: [
      {
        id: 'online',
        name: 'To-be: online',
        description: 'The nurse triages and books',
        ideas: ['c1'],
        roles: referralRoles(1),
        steps: [
          { id: 'arrives', roleId: 'nurse', kind: 'start', label: 'Referral arrives' },
          triageStep(30),
          { id: 'book', roleId: 'nurse', kind: 'task', label: 'Book', processTime: 4, waitTime: 0 },
          { id: 'booked', roleId: 'nurse', kind: 'end', label: 'Booked' },
        ],
        flows: [
          { id: 't1', from: 'arrives', to: 'triage' },
          ...triageFlows().filter((f) => f.id === 'f3' || f.id === 'f4'),
        ],
      },
      // The as-is with the wait before triage halved: a second scenario, for --scenarios.
      {
        id: 'session',
        name: 'Two triage sessions',
        ideas: [],
        settings: { currency: 'GBP', demand: { count: 40, per: 'day' } },
        roles: referralRoles(),
        steps: triageSteps(60),
        flows: triageFlows(),
      },
    ],
  };
}

/** The nurse's triage: 5 min, value-adding, after `wait` minutes. */
function triageStep(wait: number): Json {
  const step = { id: 'triage', roleId: 'nurse', kind: 'task', label: 'Triage', processTime: 5 };
  return { ...step, waitTime: wait, valueClass: 'value-adding' };
}

/** The as-is triage steps, with `triageWait` minutes before triage. */
function triageSteps(triageWait: number): Json[] {
  return [
    { id: 'arrives', roleId: 'clerk', kind: 'start', label: 'Referral arrives' },
    { id: 'key', roleId: 'clerk', kind: 'task', label: 'Key in', processTime: 10, waitTime: 60 },
    triageStep(triageWait),
    { id: 'book', roleId: 'clerk', kind: 'task', label: 'Book', processTime: 6, waitTime: 30 },
    { id: 'booked', roleId: 'clerk', kind: 'end', label: 'Booked' },
  ];
}

/** The as-is flows: arrives → Key in → Triage → Book → booked (f1 to f4). */
function triageFlows(): Json[] {
  return [
    { id: 'f1', from: 'arrives', to: 'key' },
    { id: 'f2', from: 'key', to: 'triage' },
    { id: 'f3', from: 'triage', to: 'book' },
    { id: 'f4', from: 'book', to: 'booked' },
  ];
}

/**
 * The busy referral map (test-support/maps.ts) with two scenarios that are exact copies of its
 * process, one asking for another seed in its settings, and one that cannot be simulated (no
 * start step): the comparison simulates all under the as-is's seed.
 */
export function busyCopiesMap(): Json {
  const map = busyReferralMap() as Json & { roles: Json[]; steps: Json[]; flows: Json[] };
  const process = () => structuredClone({ roles: map.roles, steps: map.steps, flows: map.flows });
  map.settings = { ...(map.settings as Json), simulation: { seed: 7 } };
  map.scenarios = [
    { id: 'copy', name: 'Copy', ...process() },
    {
      id: 'reseeded',
      name: 'Copy, other seed',
      settings: { simulation: { seed: 99 } },
      ...process(),
    },
    { id: 'empty', name: 'Nothing mapped', roles: [], steps: [], flows: [] },
  ];
  return map;
}
