import { describe, expect, it } from 'vitest';
import { labelLengthProblem, MAX_LABEL_LENGTH, shortLabel } from './limits';
import { validateMap } from './validate';

const file = (label: string, extra: object = {}) => ({
  format: 'procmap',
  version: 1,
  title: 'Map',
  roles: [{ id: 'r', name: 'Clerk' }],
  steps: [{ id: 's', roleId: 'r', kind: 'task', label }],
  flows: [],
  ...extra,
});

describe('label length', () => {
  it('takes a name of exactly the cap and refuses one character more, naming where', () => {
    expect(validateMap(file('x'.repeat(MAX_LABEL_LENGTH))).ok).toBe(true);
    const result = validateMap(file('x'.repeat(5000)));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        path: 'steps[0].label',
        code: 'out-of-range',
        message: 'is 5,000 characters long; a name may be at most 500',
      }),
    );
  });

  it('caps lane names, flow labels and the title too, but not notes', () => {
    const long = 'y'.repeat(MAX_LABEL_LENGTH + 1);
    const result = validateMap(
      file('ok', {
        title: long,
        roles: [{ id: 'r', name: long }],
        steps: [
          { id: 's', roleId: 'r', kind: 'task', label: 'a', notes: long.repeat(10) },
          { id: 't', roleId: 'r', kind: 'task', label: 'b' },
        ],
        flows: [{ id: 'f', from: 's', to: 't', label: long }],
      }),
    );
    expect(result.problems.map((p) => p.path).sort()).toEqual(
      ['flows[0].label', 'roles[0].name', 'title'].sort(),
    );
  });

  it('reports nothing for text within the cap or for what is not text', () => {
    expect(labelLengthProblem('short', 'x')).toBeUndefined();
    expect(labelLengthProblem(42, 'x')).toBeUndefined();
  });

  it('shortens a name for a sentence at a word boundary, with an ellipsis', () => {
    expect(shortLabel('Book clinic')).toBe('Book clinic');
    const long = 'Check the application against the eligibility criteria and request evidence';
    const short = shortLabel(long, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shortLabel('a\n  b')).toBe('a b');
    expect(shortLabel('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
