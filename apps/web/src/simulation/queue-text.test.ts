import { describe, expect, it } from 'vitest';
import type { MapNames } from '../editor/step-names';
import { queueScaleLabels, queueValueText, withQueueFigures } from './queue-text';

describe('the queue overlay in words', () => {
  it("says each step's queue per case as its chip shows it", () => {
    expect(queueValueText(90, 7.5)).toBe('Queue 1 h 30 min');
    expect(queueValueText(900, 7.5)).toBe('Queue 2 d');
    expect(queueValueText(0, 7.5)).toBe('No queue');
    expect(queueValueText(undefined, 7.5)).toBe('Not in the last run');
  });

  it('names the ends of the legend, or nothing when no case queued', () => {
    expect(queueScaleLabels(120, 7.5)).toEqual(['No queue', '1 h', '2 h']);
    expect(queueScaleLabels(0, 7.5)).toBeNull();
  });

  it("ends each step's spoken name with its figure", () => {
    const names = {
      steps: new Map([
        ['triage', 'Step: Triage, task'],
        ['new', 'Step: New, task'],
      ]),
      lanes: new Map(),
      order: new Map(),
    } as unknown as MapNames;
    const marks = new Map([['triage', { minutes: 30 }]]);
    const named = withQueueFigures(names, marks, 7.5);
    expect([...named.steps.values()]).toEqual([
      'Step: Triage, task; Queue 30 min',
      'Step: New, task; Not in the last run',
    ]);
    expect(named.lanes).toBe(names.lanes);
  });
});
