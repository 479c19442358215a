/*
 * Map documents for tests, as plain JSON values (not typed as ProcessMap) so a test can break
 * any field. Each call returns a fresh copy.
 */

type Json = Record<string, unknown>;

/** A small valid map: 2 roles, 4 steps, 3 flows, 1 comment. */
export function referralMap(): Json {
  return {
    format: 'procmap',
    version: 1,
    id: 'opd-referral',
    title: 'Outpatient referral',
    roles: [
      { id: 'gp', name: 'GP', order: 0 },
      { id: 'clerk', name: 'Ward clerk', order: 1 },
    ],
    steps: [
      { id: 's1', roleId: 'gp', kind: 'start', label: 'Patient seen' },
      { id: 's2', roleId: 'gp', kind: 'task', label: 'Write referral', processTime: 10 },
      { id: 's3', roleId: 'clerk', kind: 'task', label: 'Book clinic', waitTime: 2400 },
      { id: 's4', roleId: 'clerk', kind: 'end', label: 'Appointment sent' },
    ],
    flows: [
      { id: 'f1', from: 's1', to: 's2' },
      { id: 'f2', from: 's2', to: 's3' },
      { id: 'f3', from: 's3', to: 's4' },
    ],
    comments: [
      {
        id: 'c1',
        targetId: 's3',
        kind: 'pain-point',
        author: 'Analyst',
        text: 'Letters wait for the weekly batch',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ],
  };
}

/** Returns a copy of the referral map with `edit` applied to it. */
export function referralMapWith(edit: (map: Json & ReferralLists) => void): Json {
  const map = referralMap() as Json & ReferralLists;
  edit(map);
  return map;
}

type ReferralLists = {
  roles: Json[];
  steps: Json[];
  flows: Json[];
  comments: Json[];
};

/**
 * The referral map with demand and people, so it can be simulated: 40 referrals a day; three
 * GPs write each in 5 to 30 min (10 most often); one ward clerk books it in about 5 min, after
 * the 2400 min wait. Both roles are busy about 44% of a 7.5 h day, so cases queue a little.
 */
export function busyReferralMap(): Json {
  return referralMapWith((m) => {
    m.settings = { demand: { count: 40, per: 'day' } };
    m.roles[0] = { ...m.roles[0], headcount: 3 };
    m.roles[1] = { ...m.roles[1], headcount: 1 };
    m.steps[1] = {
      ...m.steps[1],
      processVariation: { distribution: 'triangular', min: 5, max: 30 },
    };
    m.steps[2] = {
      ...m.steps[2],
      processTime: 5,
      processVariation: { distribution: 'exponential' },
    };
  });
}

/** Returns a copy of the busy referral map with `edit` applied to it. */
export function busyReferralMapWith(edit: (map: Json & ReferralLists) => void): Json {
  const map = busyReferralMap() as Json & ReferralLists;
  edit(map);
  return map;
}
