import { formatStepTimes as stepTimes } from './duration';
import { roleId, stepId } from './ids';
import type { Step } from './types';
import { describe, expect, it } from 'vitest';

const step = (fields: Partial<Step>): Step => ({
  id: stepId('s'),
  roleId: roleId('r'),
  kind: 'task',
  label: 'Triage',
  ...fields,
});

describe('formatStepTimes', () => {
  it('shows process time and wait as the analysis rounds them, in working days', () => {
    expect(stepTimes(step({ processTime: 10, waitTime: 900 }), 7.5)).toBe('10 min · waits 2 d');
    expect(stepTimes(step({ processTime: 90 }), 7.5)).toBe('1.5 h');
    expect(stepTimes(step({ waitTime: 450 }), 8)).toBe('waits 7.5 h');
  });

  it('shows nothing for a step without times, and no zero wait', () => {
    expect(stepTimes(step({}), 7.5)).toBeUndefined();
    expect(stepTimes(step({ waitTime: 0 }), 7.5)).toBeUndefined();
    expect(stepTimes(step({ processTime: 0, waitTime: 0 }), 7.5)).toBe('0 min');
  });
});
