import { type ProcessMap, validateMap } from '@procmap/model';

/*
 * The referral pair worked by hand, shared by the tests of the comparison, the case study, the
 * CLI and the Compare view, as plain map-file values (each call returns a fresh copy).
 *
 * As-is: the clerk keys the referral in (10 min work after 60 min in the tray), then the nurse
 * checks it (5 min after 30 min, value-adding): lead time 105 min, one handoff, cost
 * 10/60 × £30 + 5/60 × £60 = £10 a case, hands-on 15 min, value-adding 5 min so PCE 5/105.
 * To-be "portal": the referral arrives in the nurse's lane and goes straight to the check: lead
 * time 35 min, no handoff, £5 a case, hands-on 5 min, PCE 5/35; "Key in" is gone and the clerks
 * go from two to one (the clerk's lane stays, with no work).
 */

type Json = Record<string, unknown>;

/** The two lanes: `clerks` clerks (two in the as-is) at £30 an hour, one nurse at £60. */
export function referralRoles(clerks = 2): Json[] {
  return [
    { id: 'clerk', name: 'Clerk', headcount: clerks, hourlyCost: 30 },
    { id: 'nurse', name: 'Nurse', headcount: 1, hourlyCost: 60 },
  ];
}

/** The nurse's check: 5 min after 30 min waiting, value-adding. The same on both sides. */
export function referralCheck(): Json {
  return {
    id: 'check',
    roleId: 'nurse',
    kind: 'task',
    label: 'Check',
    processTime: 5,
    waitTime: 30,
    valueClass: 'value-adding',
  };
}

/**
 * The as-is steps: "Referral arrives" (clerk), "Key in" (clerk, 10 min after `keyWait`, 60 by
 * default), "Check" (nurse), "Booked" (nurse).
 */
export function referralSteps(keyWait = 60): Json[] {
  return [
    { id: 'in', roleId: 'clerk', kind: 'start', label: 'Referral arrives' },
    {
      id: 'key',
      roleId: 'clerk',
      kind: 'task',
      label: 'Key in',
      processTime: 10,
      waitTime: keyWait,
    },
    referralCheck(),
    { id: 'out', roleId: 'nurse', kind: 'end', label: 'Booked' },
  ];
}

/** The as-is flows: f1 arrives → Key in, f2 Key in → Check, f3 Check → Booked. */
export function referralFlows(): Json[] {
  return [
    { id: 'f1', from: 'in', to: 'key' },
    { id: 'f2', from: 'key', to: 'check' },
    { id: 'f3', from: 'check', to: 'out' },
  ];
}

/** The portal's steps: the referral arrives in the nurse's lane, then "Check", "Booked". */
export function portalSteps(): Json[] {
  return [
    { id: 'in', roleId: 'nurse', kind: 'start', label: 'Referral arrives' },
    referralCheck(),
    { id: 'out', roleId: 'nurse', kind: 'end', label: 'Booked' },
  ];
}

/** The portal's flows: the new t1 arrives → Check, and f3 kept. */
export function portalFlows(): Json[] {
  return [
    { id: 't1', from: 'in', to: 'check' },
    { id: 'f3', from: 'check', to: 'out' },
  ];
}

export interface ReferralPairOptions {
  /** The map's settings; none by default (no demand, so no takt time and no simulation). */
  readonly settings?: object;
  /** Fields put over the idea "c1" by Ana, "Portal", which the portal takes up (no votes). */
  readonly idea?: object;
  /** Fields put over the scenario "portal", named "To-be: portal", with one clerk. */
  readonly portal?: object;
  /** Scenarios after the portal. */
  readonly more?: readonly object[];
}

/** The referral pair as a map file: the as-is and its scenario "portal" (see above). */
export function referralPair(options: ReferralPairOptions = {}): Json {
  return {
    format: 'procmap',
    version: 1,
    title: 'Referral',
    ...(options.settings ? { settings: options.settings } : {}),
    roles: referralRoles(),
    steps: referralSteps(),
    flows: referralFlows(),
    comments: [
      {
        id: 'c1',
        kind: 'idea',
        author: 'Ana',
        text: 'Portal',
        createdAt: '2026-12-01T09:00:00Z',
        ...options.idea,
      },
    ],
    scenarios: [
      {
        id: 'portal',
        name: 'To-be: portal',
        ideas: ['c1'],
        roles: referralRoles(1),
        steps: portalSteps(),
        flows: portalFlows(),
        ...options.portal,
      },
      ...(options.more ?? []),
    ],
  };
}

/** The referral pair as a checked map; throws, naming the problems, if it is not valid. */
export function referralPairMap(options: ReferralPairOptions = {}): ProcessMap {
  const v = validateMap(referralPair(options));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.map;
}
