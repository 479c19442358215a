import { docMaps, MapDoc } from '@procmap/doc';
import { roleId, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndSeeChange } from './scratch-apply';
import { labelProblems, shapeOf, shapeProblems, touchedProblems } from './update-rules';

/*
 * The map's rules on live edits of scenarios (ADR 9): what the document's own commands write
 * is taken; a hostile client's writes into a scenario are refused as they are in the as-is.
 */

const FILE = {
  format: 'procmap',
  version: 1,
  title: 'Referral',
  roles: [{ id: 'clerk', name: 'Clerk' }],
  steps: [{ id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives' }],
  flows: [],
};

/** The problems the room would find with what `edit` does on a client's copy of `room`. */
function problemsOf(room: Y.Doc, edit: (client: Y.Doc) => void) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(client);
  edit(client);
  const scratch = new Y.Doc();
  docMaps(scratch); // as the room's copy has them (see UpdateGate)
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room));
  const shape = shapeOf(room);
  const { touched } = applyAndSeeChange(scratch, Y.encodeStateAsUpdate(client, before));
  if (!touched) return [];
  return [
    ...shapeProblems(scratch, room, shape, touched.header),
    ...touchedProblems(scratch, touched, false),
    ...labelProblems(scratch, room, touched),
  ];
}

/** A room holding the file; with a scenario "to-be" when asked. */
function room(withScenario: boolean): Y.Doc {
  const doc = MapDoc.fromFile(FILE);
  if (withScenario) doc.createScenario({ name: 'To-be', id: 'to-be' });
  return doc.ydoc;
}

const scenarioIn = (d: Y.Doc) =>
  d.getMap<Y.Map<unknown>>('scenarios').get('to-be') as Y.Map<unknown>;
const stepIn = (d: Y.Doc) =>
  (scenarioIn(d).get('steps') as Y.Map<Y.Map<unknown>>).get('s1') as Y.Map<unknown>;

describe('live edits of scenarios', () => {
  it("takes what the document's own commands write: a new scenario, edits, ideas, deletion", () => {
    expect(problemsOf(room(false), (d) => new MapDoc(d).createScenario({ name: 'To-be' }))).toEqual(
      [],
    );
    const r = room(true);
    expect(
      problemsOf(r, (d) => {
        const to = new MapDoc(d).process('to-be');
        to.addStep({ roleId: roleId('clerk'), label: 'Check online' });
        to.updateStep(stepId('s1'), { label: 'Arrives online', waitTime: 5 });
        to.updateSettings({ demand: { count: 10, per: 'day' } });
      }),
    ).toEqual([]);
    expect(problemsOf(r, (d) => new MapDoc(d).updateScenario('to-be', { name: 'B' }))).toEqual([]);
    expect(problemsOf(r, (d) => new MapDoc(d).deleteScenario('to-be'))).toEqual([]);
  });

  it('refuses a bad record inside a scenario, naming where it is', () => {
    const problems = problemsOf(room(true), (d) => stepIn(d).set('processTime', -5));
    expect(problems.map((p) => p.path)).toEqual(['scenarios[to-be].steps[s1].processTime']);
  });

  it('refuses a label longer than the cap, and a name that is not text', () => {
    const long = problemsOf(room(true), (d) => stepIn(d).set('label', 'x'.repeat(5000)));
    expect(long.map((p) => [p.path, p.code])).toEqual([
      ['scenarios[to-be].steps[s1].label', 'out-of-range'],
    ]);
    const unnamed = problemsOf(room(true), (d) => scenarioIn(d).set('name', 42));
    expect(unnamed.map((p) => p.path)).toEqual(['scenarios[to-be].name']);
  });

  it('refuses a scenario that is not shaped as one', () => {
    const notMap = problemsOf(room(false), (d) =>
      d.getMap<unknown>('scenarios').set('x', 'just text'),
    );
    expect(notMap.map((p) => p.path)).toEqual(['scenarios[x]']);
    const reserved = problemsOf(room(false), (d) => {
      const s = d.getMap<unknown>('scenarios').set('as-is', new Y.Map<unknown>()) as Y.Map<unknown>;
      s.set('name', 'Sneaky');
      for (const part of ['roles', 'steps', 'flows']) s.set(part, new Y.Map());
    });
    expect(reserved.map((p) => p.path)).toContain('scenarios[as-is]');
    const ideas = problemsOf(room(true), (d) =>
      (scenarioIn(d).get('ideas') as Y.Map<unknown>).set('c1', 'yes'),
    );
    expect(ideas.map((p) => p.path)).toEqual(['scenarios[to-be].ideas[c1]']);
  });

  it('checks a whole scenario written at once, every record in it', () => {
    const problems = problemsOf(room(false), (d) => {
      const doc = new MapDoc(d);
      doc.createScenario({ name: 'To-be', id: 'bad' });
      const steps = (d.getMap<Y.Map<unknown>>('scenarios').get('bad') as Y.Map<unknown>).get(
        'steps',
      ) as Y.Map<Y.Map<unknown>>;
      steps.get('s1')?.set('kind', 'teleport');
    });
    expect(problems.map((p) => p.path)).toEqual(['scenarios[bad].steps[s1].kind']);
  });

  it('checks every record of a part replaced whole', () => {
    const problems = problemsOf(room(true), (d) => {
      const steps = new Y.Map<Y.Map<unknown>>();
      const bad = new Y.Map<unknown>();
      scenarioIn(d).set('steps', steps);
      steps.set('s9', bad);
      bad.set('id', 's9');
      bad.set('roleId', 'clerk');
      bad.set('label', 'Beam up');
      bad.set('kind', 'teleport');
    });
    expect(problems.map((p) => p.path)).toEqual(['scenarios[to-be].steps[s9].kind']);
  });

  it("holds scenarios an older replica keeps in the map's own fields to the file's rules", () => {
    const bogus = problemsOf(room(false), (d) =>
      d
        .getMap<unknown>('meta')
        .set('scenarios', [
          { id: 'x', name: 'X', roles: [], steps: [{ id: 's', kind: 'bogus' }], flows: [] },
        ]),
    );
    expect(bogus.length).toBeGreaterThan(0);
    expect(bogus.every((p) => p.path.startsWith('map.scenarios[0]'))).toBe(true);
    const fine = problemsOf(room(false), (d) =>
      d
        .getMap<unknown>('meta')
        .set('scenarios', [{ id: 'x', name: 'X', roles: [], steps: [], flows: [] }]),
    );
    expect(fine).toEqual([]);
  });

  it('takes a new scenario copying a name longer than the cap that the as-is kept from before it', () => {
    const doc = MapDoc.fromFile(FILE);
    // Stored before the cap: the room keeps it, and a copy of it is no new long name.
    doc.ydoc.getMap<Y.Map<unknown>>('steps').get('s1')?.set('label', 'y'.repeat(2000));
    const copied = problemsOf(doc.ydoc, (d) => new MapDoc(d).createScenario({ name: 'To-be' }));
    expect(copied).toEqual([]);
  });
});
