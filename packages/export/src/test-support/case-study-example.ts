import { type ProcessMap, validateMap } from '@procmap/model';
import { hospitalDischarge } from '@procmap/test-kit';

/*
 * A realistic case study: the hospital discharge template with the room's ideas voted on and a
 * to-be, "Discharge before noon", that books transport on the ward round (the step moves from the
 * coordinator to the nurse), drops the pharmacy queue, has the pharmacy deliver the medicines
 * instead of a nurse fetching them (one step removed, one added), adds a pharmacist and shortens
 * the waits for dispensing and transport. Tests and the report screenshots read it.
 */

export const CASE_STUDY_ID = 'noon';

export function caseStudyExample(): ProcessMap {
  const asIs = hospitalDischarge();
  const ideas = [
    ...(asIs.comments ?? []).map((c) => (c.id === 'c2' ? { ...c, votes: { ana: 3, ben: 2 } } : c)),
    {
      id: 'c3',
      kind: 'idea',
      targetId: 'tto-queue',
      author: 'Priya (pharmacist)',
      text: 'A ward pharmacist screens the TTO at the bedside, so it skips the pharmacy queue.',
      createdAt: '2026-12-01T10:05:00Z',
      votes: { ana: 2, ben: 1, cy: 1 },
    },
    {
      id: 'c4',
      kind: 'idea',
      targetId: 'collect-meds',
      author: 'Sam (ward nurse)',
      text: 'Pharmacy delivers the medicines to the ward instead of a nurse walking over.',
      createdAt: '2026-12-01T10:07:00Z',
      votes: { cy: 2 },
    },
    {
      id: 'c5',
      kind: 'idea',
      author: 'Ana (consultant)',
      text: 'Nurse-led discharge when agreed criteria are met.',
      createdAt: '2026-12-01T10:09:00Z',
      votes: { ben: 1 },
    },
  ];
  const drop = new Set(['tto-queue', 'collect-meds']);
  const dropFlows = new Set(['f2', 'f11', 'f12', 'f18', 'f19', 'f20', 'f21']);
  const steps = asIs.steps
    .filter((s) => !drop.has(s.id))
    .map((s) => {
      if (s.id === 'book-transport') return { ...s, roleId: 'nurse', processTime: 10 };
      if (s.id === 'dispense') return { ...s, waitTime: 60 };
      if (s.id === 'transport-wait') return { ...s, waitTime: 60 };
      return s;
    });
  const deliver = {
    id: 'deliver-meds',
    roleId: 'pharmacist',
    kind: 'task',
    label: 'Deliver medicines to the ward',
    processTime: 10,
    waitTime: 30,
    valueClass: 'necessary',
  };
  const at = steps.findIndex((s) => s.id === 'final-check') + 1;
  const flows = [
    ...asIs.flows.filter((f) => !dropFlows.has(f.id)),
    { id: 't1', from: 'prescribe-tto', to: 'screen-tto' },
    { id: 't2', from: 'final-check', to: 'deliver-meds' },
    { id: 't3', from: 'deliver-meds', to: 'explain-meds' },
    { id: 't4', from: 'ward-round', to: 'book-transport' },
    { id: 't5', from: 'book-transport', to: 'tell-patient' },
    { id: 't6', from: 'explain-meds', to: 'checklist' },
  ];
  const roles = asIs.roles.map((r) => (r.id === 'pharmacist' ? { ...r, headcount: 3 } : r));
  const file = {
    ...asIs,
    comments: ideas,
    scenarios: [
      {
        id: CASE_STUDY_ID,
        name: 'Discharge before noon',
        description:
          'Transport is booked on the ward round, a ward pharmacist screens TTOs at the bedside and pharmacy delivers the medicines to the ward. One more pharmacist.',
        ideas: ['c2', 'c3', 'c4'],
        roles,
        steps: [...steps.slice(0, at), deliver, ...steps.slice(at)],
        flows,
      },
    ],
  };
  const v = validateMap(file);
  if (!v.ok) throw new Error(JSON.stringify(v.problems.slice(0, 3)));
  return v.map;
}
