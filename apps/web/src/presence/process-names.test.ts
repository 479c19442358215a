import type { Scenario } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { processLabel } from './process-names';

const portal = {
  id: 'portal',
  name: 'To-be portal',
  roles: [],
  steps: [],
  flows: [],
} as unknown as Scenario;
const unnamed = { id: 'blank', name: '  ', roles: [], steps: [], flows: [] } as unknown as Scenario;

describe('processLabel', () => {
  it('names the as-is, a scenario by its name, and one this tab does not have by its id', () => {
    expect(processLabel('as-is', [portal])).toBe('the as-is');
    expect(processLabel('portal', [portal])).toBe('“To-be portal”');
    expect(processLabel('blank', [portal, unnamed])).toBe('“Unnamed scenario”');
    expect(processLabel('gone', [portal])).toBe('“gone”');
  });
});
