import type { ProcessMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { expect } from 'vitest';
import type { AnalysisResult, Finding, RuleId } from './index';

/*
 * Shared by this package's tests; never exported from index.ts. Named maps whose figures are
 * worked out by hand in metrics.test.ts.
 */

/** 7.5 h a day and 40 cases a day: 450 working minutes, takt 450 / 40 = 11.25 min. */
export const DAY_SETTINGS = {
  hoursPerDay: 7.5,
  daysPerWeek: 5,
  demand: { count: 40, per: 'day' },
  currency: 'GBP',
} as const;

/** A referral in a straight line: GP writes it (10 min), the clerk books it after 2 h. */
export function straightLine(): ProcessMap {
  return mapBuilder('Straight referral', { settings: DAY_SETTINGS })
    .role('gp', 'GP', { headcount: 2, hourlyCost: 60 })
    .role('clerk', 'Ward clerk', { headcount: 1, hourlyCost: 30 })
    .start('start', 'gp', 'Patient seen')
    .task('write', 'gp', 'Write referral', {
      processTime: 10,
      valueClass: 'value-adding',
      completeAccurate: 0.9,
    })
    .task('book', 'clerk', 'Book clinic', {
      processTime: 5,
      waitTime: 120,
      valueClass: 'necessary',
      completeAccurate: 0.9,
    })
    .end('end', 'clerk', 'Appointment sent')
    .chain('start', 'write', 'book', 'end')
    .build();
}

/** Triage, then 70% routine and 30% urgent. */
export function triageDecision(): ProcessMap {
  return mapBuilder('Triage', { settings: DAY_SETTINGS })
    .role('nurse', 'Nurse', { headcount: 3, hourlyCost: 30 })
    .role('doctor', 'Doctor', { headcount: 1, hourlyCost: 90 })
    .start('start', 'nurse', 'Referral arrives')
    .task('triage', 'nurse', 'Triage referral', {
      processTime: 6,
      waitTime: 30,
      valueClass: 'value-adding',
    })
    .decision('urgent?', 'nurse', 'Urgent?')
    .task('routine', 'nurse', 'Book routine clinic', {
      processTime: 10,
      waitTime: 60,
      valueClass: 'necessary',
    })
    .task('urgent', 'doctor', 'See urgently', { processTime: 20, valueClass: 'value-adding' })
    .end('end-routine', 'nurse', 'Booked')
    .end('end-urgent', 'doctor', 'Seen')
    .chain('start', 'triage', 'urgent?')
    .branch('urgent?', 'routine', 0.7, 'Routine')
    .branch('urgent?', 'urgent', 0.3, 'Urgent')
    .chain('routine', 'end-routine')
    .chain('urgent', 'end-urgent')
    .build();
}

/** Fill in a form, check it; 20% go back to be filled in again. */
export function reworkLoop(): ProcessMap {
  return mapBuilder('Claim form', { settings: DAY_SETTINGS })
    .role('clerk', 'Clerk', { headcount: 2, hourlyCost: 20 })
    .start('start', 'clerk', 'Claim arrives')
    .task('fill', 'clerk', 'Fill in claim form', {
      processTime: 10,
      waitTime: 20,
      valueClass: 'value-adding',
    })
    .task('check', 'clerk', 'Check claim form', { processTime: 5, activity: 'inspection' })
    .decision('ok?', 'clerk', 'Form complete?')
    .end('end', 'clerk', 'Claim accepted')
    .chain('start', 'fill', 'check', 'ok?')
    .branch('ok?', 'fill', 0.2, 'Incomplete')
    .branch('ok?', 'end', 0.8, 'Complete')
    .build();
}

/** One task split into two parallel branches that join again. */
export function parallelBranches(): ProcessMap {
  return mapBuilder('Admission', { settings: DAY_SETTINGS })
    .role('ward', 'Ward', { headcount: 4 })
    .start('start', 'ward', 'Patient arrives')
    .task('admit', 'ward', 'Admit patient', { processTime: 5 })
    .task('bloods', 'ward', 'Take bloods', { processTime: 10, waitTime: 20 })
    .task('history', 'ward', 'Take history', { processTime: 40 })
    .task('plan', 'ward', 'Agree care plan', { processTime: 5 })
    .end('end', 'ward', 'Admitted')
    .chain('start', 'admit', 'bloods', 'plan', 'end')
    .chain('admit', 'history', 'plan')
    .build();
}

/** The findings of one rule. */
export function findingsOf(result: AnalysisResult, rule: RuleId): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

/** Every step, flow and role id a result reports exists in the map. */
export function expectIdsExist(map: ProcessMap, result: AnalysisResult): void {
  const steps = new Set(map.steps.map((s) => s.id as string));
  const flows = new Set(map.flows.map((f) => f.id as string));
  const roles = new Set(map.roles.map((r) => r.id as string));
  for (const f of result.findings) {
    for (const id of f.stepIds) expect(steps.has(id), `${f.rule} step ${id}`).toBe(true);
    for (const id of f.flowIds) expect(flows.has(id), `${f.rule} flow ${id}`).toBe(true);
    for (const id of f.roleIds) expect(roles.has(id), `${f.rule} role ${id}`).toBe(true);
  }
  const m = result.metrics;
  if (m.bottleneck) expect(steps.has(m.bottleneck.stepId)).toBe(true);
  if (m.longestWait) expect(steps.has(m.longestWait.stepId)).toBe(true);
  for (const r of m.roles) expect(roles.has(r.roleId)).toBe(true);
}

/** Freezes a value and everything in it, so any write throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
