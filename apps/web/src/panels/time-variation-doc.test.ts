import { DocError, MapDoc } from '@procmap/doc';
import { type ProcessMap, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rangeVariation, timePatch } from './time-variation';

/*
 * What the panel's variation fields write goes through the shared document like every other
 * step field: checked by the same schema, one undo step per edit and per user, and seen by
 * everyone on the map.
 */

const settings = { hoursPerDay: 7.5 };
const TRIAGE = stepId('triage');

/** A referral triaged by a nurse: ten minutes, half an hour's wait before it. */
function referralMap(): ProcessMap {
  return {
    format: 'procmap',
    version: 1,
    title: 'Referral triage',
    roles: [{ id: 'nurse', name: 'Triage nurse' }],
    steps: [
      {
        id: 'triage',
        roleId: 'nurse',
        kind: 'task',
        label: 'Triage',
        processTime: 10,
        waitTime: 30,
      },
    ],
    flows: [],
  } as unknown as ProcessMap;
}

const triage = (doc: MapDoc) => doc.getSnapshot().steps.find((s) => s.id === TRIAGE);

/** Alice and Bob on the same map, each with their own undo; `sync` exchanges their edits. */
function twoPeople() {
  const alice = MapDoc.fromFile(referralMap(), { actor: 'alice' });
  const bob = new MapDoc(new Y.Doc(), { actor: 'bob' });
  const sync = () => {
    Y.applyUpdate(bob.ydoc, Y.encodeStateAsUpdate(alice.ydoc, Y.encodeStateVector(bob.ydoc)));
    Y.applyUpdate(alice.ydoc, Y.encodeStateAsUpdate(bob.ydoc, Y.encodeStateVector(alice.ydoc)));
  };
  sync();
  return { alice, bob, sync };
}

describe('a time variation in the shared document', () => {
  it('a range typed in the panel is stored, exported and undone as one step', () => {
    const doc = MapDoc.fromFile(referralMap(), { actor: 'alice' });
    const typed = rangeVariation({
      field: 'processTime',
      min: '5',
      max: '30m',
      time: 10,
      distribution: 'fixed',
      settings,
    });
    if (!typed.ok) throw new Error(typed.message);

    doc.updateStep(TRIAGE, { processVariation: typed.variation });

    const expected = { distribution: 'triangular', min: 5, max: 30 };
    expect(triage(doc)?.processVariation).toEqual(expected);
    expect(doc.exportFile().steps[0]?.processVariation).toEqual(expected);
    expect(MapDoc.fromFile(doc.exportFile()).exportFile()).toEqual(doc.exportFile());
    expect(doc.undo()).toBe(true);
    expect(triage(doc)?.processVariation).toBeUndefined();
    expect(doc.redo()).toBe(true);
    expect(triage(doc)?.processVariation).toEqual(expected);
  });

  it('refuses a crossed range written past the panel, changing nothing', () => {
    const doc = MapDoc.fromFile(referralMap());
    const before = doc.getSnapshot();
    expect(() =>
      doc.updateStep(TRIAGE, {
        waitVariation: { distribution: 'uniform', min: 30, max: 5 },
      }),
    ).toThrow(DocError);
    expect(doc.getSnapshot()).toBe(before);
  });

  it('clearing a time takes its variation with it, and one undo brings both back', () => {
    const doc = MapDoc.fromFile(referralMap());
    doc.updateStep(TRIAGE, { waitVariation: { distribution: 'exponential' } });
    const step = triage(doc);
    if (!step) throw new Error('no triage step');
    const cleared = timePatch({ field: 'waitTime', text: '', step, settings });
    if (!cleared.ok) throw new Error(cleared.message);

    doc.updateStep(TRIAGE, cleared.patch);
    expect(triage(doc)).not.toHaveProperty('waitTime');
    expect(triage(doc)).not.toHaveProperty('waitVariation');
    doc.undo();
    expect(triage(doc)).toMatchObject({
      waitTime: 30,
      waitVariation: { distribution: 'exponential' },
    });
  });

  it("reaches a colleague, and each person's undo takes back only their own change", () => {
    const { alice, bob, sync } = twoPeople();
    alice.updateStep(TRIAGE, { processVariation: { distribution: 'lognormal', cv: 0.5 } });
    sync();
    expect(triage(bob)?.processVariation).toEqual({ distribution: 'lognormal', cv: 0.5 });

    bob.updateStep(TRIAGE, { waitVariation: { distribution: 'triangular', min: 15, max: 60 } });
    sync();
    expect(bob.undo()).toBe(true);
    sync();
    expect(triage(alice)).toMatchObject({
      processVariation: { distribution: 'lognormal', cv: 0.5 },
    });
    expect(triage(alice)).not.toHaveProperty('waitVariation');
  });

  it('settings.simulation and demand arrivals are stored and undone like other settings', () => {
    const doc = MapDoc.fromFile(referralMap());
    doc.updateSettings({ demand: { count: 40, per: 'day', arrivals: 'even' } });
    doc.updateSettings({ simulation: { cases: 2000, seed: 7 } });
    expect(doc.exportFile().settings).toEqual({
      demand: { count: 40, per: 'day', arrivals: 'even' },
      simulation: { cases: 2000, seed: 7 },
    });
    expect(() => doc.updateSettings({ simulation: { cases: 0.5 } })).toThrow(DocError);
    doc.undo();
    expect(doc.exportFile().settings).toEqual({
      demand: { count: 40, per: 'day', arrivals: 'even' },
    });
  });
});
