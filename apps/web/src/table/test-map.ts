import type { ProcessMap, Role, Step } from '@procmap/model';
import type { CellContext } from './table-columns';

/** A referral handled by a clerk and a nurse: the table tests' map. */
export function referral(): ProcessMap {
  const roles: Role[] = [
    { id: 'clerk', name: 'Clerk', order: 0 },
    { id: 'nurse', name: 'Triage nurse', order: 1 },
  ] as unknown as Role[];
  const step = (id: string, roleId: string, label: string, more: Partial<Step> = {}) =>
    ({ id, roleId, kind: 'task', label, ...more }) as Step;
  return {
    format: 'procmap',
    version: 1,
    title: 'Referral',
    roles,
    steps: [
      step('book', 'nurse', 'Book clinic', { processTime: 5, waitTime: 2880 }),
      step('receive', 'clerk', 'Receive letter', { kind: 'start', processTime: 2 }),
      step('triage', 'nurse', 'Triage', {
        processTime: 10,
        waitTime: 30,
        valueClass: 'value-adding',
        completeAccurate: 0.8,
        systems: ['EPR'],
      }),
      step('register', 'clerk', 'Register', { processTime: 8, dataEntered: ['NHS number'] }),
    ],
    flows: [
      { id: 'f1', from: 'receive', to: 'register' },
      { id: 'f2', from: 'register', to: 'triage' },
      { id: 'f3', from: 'triage', to: 'book' },
    ],
  } as unknown as ProcessMap;
}

/** The cell context of a map: its lanes and a 7.5 hour day. */
export function contextOf(map: ProcessMap): CellContext {
  return { roles: map.roles, settings: { hoursPerDay: 7.5 } };
}
