import { emptyMap, type ProcessMap, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_FORMAT, fragmentOf, parseFragment } from '../fragment';
import { expectTriple, newDoc, role, sampleFile } from '../test-helpers';

const ids = (...xs: string[]) => xs.map(stepId);
const stepsIn = (map: ProcessMap, roleId: string) => map.steps.filter((s) => s.roleId === roleId);

describe('fragmentOf', () => {
  it('given some steps, then it holds them, their lanes and only the flows between them', () => {
    const fragment = fragmentOf(sampleFile(), ids('s2', 's3'));
    expect(fragment.format).toBe(FRAGMENT_FORMAT);
    expect(fragment.steps.map((s) => s.id)).toEqual(['s2', 's3']);
    expect(fragment.roles).toEqual([
      { id: 'clerk', name: 'Clerk', color: '#4f7cff' },
      { id: 'gp', name: 'GP' },
    ]);
    expect(fragment.flows.map((f) => f.id).sort()).toEqual(['f2', 'f4']);
  });
});

describe('parseFragment', () => {
  const text = JSON.stringify(fragmentOf(sampleFile(), ids('s2', 's3')));

  it('given a copied fragment as text, then it reads back equal', () => {
    expect(parseFragment(text)).toEqual(fragmentOf(sampleFile(), ids('s2', 's3')));
  });

  it.each([
    ['plain text', 'Register referral'],
    ['not an object', '42'],
    ['another format', JSON.stringify({ format: 'procmap', version: 1 })],
    ['a newer version', text.replace('"version":1', '"version":2')],
    [
      'no steps',
      JSON.stringify({ format: FRAGMENT_FORMAT, version: 1, roles: [], steps: [], flows: [] }),
    ],
    ['a step of an unknown kind', text.replace('"kind":"decision"', '"kind":"<script>"')],
    ['a negative time', text.replace('"processTime":10', '"processTime":-5')],
    [
      'steps that are not a list',
      JSON.stringify({ format: FRAGMENT_FORMAT, version: 1, roles: [], steps: {}, flows: [] }),
    ],
  ])('given %s, then null and no exception', (_what, input) => {
    expect(parseFragment(input)).toBeNull();
  });
});

describe('pasteFragment', () => {
  it('given a copy within the map, then new steps in the same lanes, offset, with their flows; one undo', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const fragment = fragmentOf(doc.getSnapshot(), ids('s2', 's3'));
    const { before, after, result } = expectTriple(doc, () =>
      doc.pasteFragment(fragment, { offset: { x: 40, y: 0 } }),
    );
    expect(result).toHaveLength(2);
    expect(result.some((id) => before.steps.some((s) => s.id === id))).toBe(false);
    const [a, b] = result.map((id) => after.steps.find((s) => s.id === id)!);
    expect(a).toMatchObject({
      roleId: 'clerk',
      label: 'Register referral',
      position: { x: 160, y: 40 },
    });
    expect(a?.dataEntered).toEqual(['NHS number', 'Address']);
    expect(b).toMatchObject({ roleId: 'gp', label: 'Triage', kind: 'decision' });
    const pastedFlows = after.flows.filter((f) => result.includes(f.from) && result.includes(f.to));
    expect(pastedFlows.map((f) => [f.from, f.to, f.label ?? '', f.probability])).toEqual(
      expect.arrayContaining([
        [a?.id, b?.id, '', undefined],
        [b?.id, a?.id, 'incomplete', 0.2],
      ]),
    );
    expect(after.flows).toHaveLength(before.flows.length + 2);
    expect(after.roles).toEqual(before.roles);
  });

  it('given another map with a lane of the same name, then steps go to that lane', () => {
    const fragment = fragmentOf(sampleFile(), ids('s3'));
    const doc = newDoc('bob', {
      file: { ...emptyMap('Other'), roles: [role('doctor', '  gp ', { order: 0 })] },
    });
    const [pasted] = doc.pasteFragment(fragment);
    expect(doc.getSnapshot().steps.find((s) => s.id === pasted)?.roleId).toBe('doctor');
    expect(doc.getSnapshot().roles).toHaveLength(1);
  });

  it('given a map without the lane, then a lane of that name is added, colour kept, one undo removes both', () => {
    const fragment = fragmentOf(sampleFile(), ids('s1', 's2'));
    const doc = newDoc('bob', { file: emptyMap('Empty') });
    const { after } = expectTriple(doc, () => doc.pasteFragment(fragment));
    expect(after.roles).toEqual([expect.objectContaining({ name: 'Clerk', color: '#4f7cff' })]);
    expect(stepsIn(after, after.roles[0]!.id)).toHaveLength(2);
  });

  it('given the same fragment pasted twice, then two independent copies', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const fragment = fragmentOf(doc.getSnapshot(), ids('s4', 's5'));
    const first = doc.pasteFragment(fragment);
    const second = doc.pasteFragment(fragment);
    expect(new Set([...first, ...second]).size).toBe(4);
    expect(doc.getSnapshot().steps).toHaveLength(9);
  });
});
