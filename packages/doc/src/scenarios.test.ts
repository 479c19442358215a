import { commentId, type ProcessMap, roleId, stepId, validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapDoc } from './map-doc';
import { docErrorOf, newDoc, sampleFile, syncDocs, twoPeers } from './test-helpers';

/*
 * Scenarios in the shared document (ADR 9): a top-level `scenarios` map of whole processes,
 * edited with the same commands as the as-is through `process(id)`, synced, undone per user,
 * and read back as the file's `scenarios` list.
 */

function withScenario(): ProcessMap {
  const file = sampleFile();
  return {
    ...file,
    scenarios: [
      {
        id: 'to-be',
        name: 'To-be',
        description: 'No weekly batch',
        createdAt: '2026-12-01T10:00:00.000Z',
        ideas: ['c3'],
        settings: { demand: { count: 48, per: 'day' } },
        roles: file.roles,
        steps: file.steps.slice(0, 2),
        flows: [file.flows[0] as ProcessMap['flows'][number]],
        custom: { kept: true },
      } as NonNullable<ProcessMap['scenarios']>[number],
    ],
  };
}

const scenarioOf = (doc: MapDoc, id: string) =>
  doc.getSnapshot().scenarios?.find((s) => s.id === id);

describe('scenarios in a file', () => {
  it('survive file → document → file whole, and reach a colleague', () => {
    const file = withScenario();
    expect(validateMap(file).ok).toBe(true);
    const doc = MapDoc.fromFile(file);
    expect(doc.exportFile().scenarios).toEqual(file.scenarios);
    expect(doc.ydoc.getMap('meta').has('scenarios')).toBe(false);
    expect(doc.ydoc.getMap('scenarios').size).toBe(1);
    const other = new MapDoc();
    syncDocs(doc, other);
    expect(other.exportFile()).toEqual(doc.exportFile());
  });

  it('leave a map without scenarios exactly as it was', () => {
    const doc = MapDoc.fromFile(sampleFile());
    expect(doc.exportFile()).toEqual(sampleFile());
    expect('scenarios' in doc.exportFile()).toBe(false);
  });

  it('are moved out of meta where an older replica kept them, once, by whoever knows them', () => {
    // An older replica imported the file: it kept `scenarios` as a field of the map it did not know.
    const old = new Y.Doc();
    const meta = old.getMap<unknown>('meta');
    old.transact(() => {
      meta.set('title', 'Old');
      meta.set('scenarios', withScenario().scenarios);
    });
    const doc = new MapDoc(new Y.Doc());
    syncDocs(old, doc);
    expect(doc.ydoc.getMap('meta').has('scenarios')).toBe(false);
    expect(scenarioOf(doc, 'to-be')?.steps).toHaveLength(2);
    expect(scenarioOf(doc, 'to-be')?.ideas).toEqual(['c3']);
    expect(doc.canUndo()).toBe(false); // a migration is nobody's edit to take back
    // Opening a document that already holds them in meta migrates at once, too.
    const opened = new MapDoc(old);
    expect(old.getMap('meta').has('scenarios')).toBe(false);
    expect(opened.getSnapshot().scenarios?.map((s) => s.id)).toEqual(['to-be']);
  });
});

describe('making and editing scenarios', () => {
  it('copies the as-is keeping every id, and edits it apart from the as-is', () => {
    const doc = newDoc('alice');
    doc.importFile(sampleFile());
    const id = doc.createScenario({ name: 'To-be: triage by nurse' });
    const made = scenarioOf(doc, id);
    const asIs = doc.getSnapshot();
    expect(made?.name).toBe('To-be: triage by nurse');
    expect(made?.createdAt).toBe('2026-11-20T10:00:00.000Z');
    expect(made?.steps).toEqual(asIs.steps);
    expect(made?.flows).toEqual(asIs.flows);
    expect(made?.roles).toEqual(asIs.roles);

    const to = doc.process(id);
    to.moveStepToRole(stepId('s3'), roleId('nurse'));
    to.updateStep(stepId('s3'), { processTime: 3 });
    to.deleteSteps([stepId('s2')]);
    to.updateSettings({ demand: { count: 60, per: 'day' } });
    // The as-is is untouched by every scenario edit.
    expect(doc.getSnapshot().steps).toBe(asIs.steps);
    expect(doc.getSnapshot().settings).toEqual(asIs.settings);
    const after = scenarioOf(doc, id);
    expect(after?.steps.find((s) => s.id === 's3')).toMatchObject({
      roleId: 'nurse',
      processTime: 3,
    });
    expect(after?.steps.some((s) => s.id === 's2')).toBe(false);
    expect(after?.settings).toEqual({ demand: { count: 60, per: 'day' } });

    // And an edit of the as-is leaves the scenario as it was.
    const scenarioBefore = scenarioOf(doc, id);
    doc.updateStep(stepId('s4'), { label: 'Book clinic' });
    expect(scenarioOf(doc, id)).toBe(scenarioBefore);
    expect(validateMap(doc.exportFile()).ok).toBe(true);
  });

  it('copies another scenario with its ideas and settings', () => {
    const doc = MapDoc.fromFile(withScenario());
    const id = doc.createScenario({ name: 'Variant', from: 'to-be', description: 'Two clerks' });
    const copy = scenarioOf(doc, id);
    expect(copy?.ideas).toEqual(['c3']);
    expect(copy?.settings).toEqual({ demand: { count: 48, per: 'day' } });
    expect(copy?.steps).toEqual(scenarioOf(doc, 'to-be')?.steps);
    expect(copy?.description).toBe('Two clerks');
  });

  it('renames, describes and deletes, each one undo step; undo brings a deleted scenario back whole', () => {
    const doc = MapDoc.fromFile(withScenario());
    const whole = scenarioOf(doc, 'to-be');
    doc.updateScenario('to-be', { name: 'To-be A', description: undefined });
    expect(scenarioOf(doc, 'to-be')).toMatchObject({ name: 'To-be A' });
    expect(scenarioOf(doc, 'to-be')?.description).toBeUndefined();
    doc.deleteScenario('to-be');
    expect(doc.getSnapshot().scenarios).toBeUndefined();
    expect(docErrorOf(() => doc.process('to-be').addRole({ name: 'Porter' })).code).toBe(
      'unknown-scenario',
    );
    doc.undo();
    expect(scenarioOf(doc, 'to-be')).toMatchObject({ name: 'To-be A', steps: whole?.steps });
    doc.undo();
    expect(scenarioOf(doc, 'to-be')).toEqual(whole);
  });

  it('refuses what a file could not hold, changing nothing', () => {
    const doc = MapDoc.fromFile(withScenario());
    const before = doc.exportFile();
    expect(docErrorOf(() => doc.createScenario({ name: '  ' })).message).toBe(
      'A scenario needs a name',
    );
    expect(docErrorOf(() => doc.createScenario({ name: 'x'.repeat(501) })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.createScenario({ name: 'A', id: 'as-is' })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.createScenario({ name: 'A', id: 'to-be' })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.createScenario({ name: 'A', from: 'nope' })).code).toBe(
      'unknown-scenario',
    );
    expect(docErrorOf(() => doc.updateScenario('nope', { name: 'B' })).code).toBe(
      'unknown-scenario',
    );
    expect(docErrorOf(() => doc.linkIdea('to-be', 'c1', true)).message).toBe(
      'Only an idea can be linked to a scenario',
    );
    expect(docErrorOf(() => doc.linkIdea('to-be', 'zz', true)).code).toBe('unknown-comment');
    expect(docErrorOf(() => doc.process('to-be').addStep({ roleId: roleId('nobody') })).code).toBe(
      'unknown-role',
    );
    expect(doc.exportFile()).toEqual(before);
  });

  it('keeps the records nobody touched, and the other scenarios, as the same objects', () => {
    const doc = MapDoc.fromFile(withScenario());
    const other = doc.createScenario({ name: 'Other' });
    const before = doc.getSnapshot();
    doc.process('to-be').updateStep(stepId('s2'), { waitTime: 5 });
    const after = doc.getSnapshot();
    const was = before.scenarios?.find((s) => s.id === 'to-be');
    const now = after.scenarios?.find((s) => s.id === 'to-be');
    expect(now).not.toBe(was);
    expect(now?.steps[0]).toBe(was?.steps[0]);
    expect(now?.steps[1]).not.toBe(was?.steps[1]);
    expect(now?.roles).toBe(was?.roles);
    expect(after.scenarios?.find((s) => s.id === other)).toBe(
      before.scenarios?.find((s) => s.id === other),
    );
    expect(after.steps).toBe(before.steps);
  });
});

describe('scenarios between colleagues', () => {
  it('undoes per user: my scenario edit, never my colleague’s', () => {
    const { a, b } = twoPeers(withScenario());
    a.process('to-be').updateStep(stepId('s1'), { label: 'Online form' });
    syncDocs(a, b);
    b.process('to-be').updateStep(stepId('s2'), { label: 'Check form' });
    syncDocs(a, b);
    a.undo();
    syncDocs(a, b);
    const steps = scenarioOf(b, 'to-be')?.steps.map((s) => s.label);
    expect(steps).toEqual(['Letter arrives', 'Check form']);
  });

  it('keeps both when two people link ideas at once', () => {
    const file = withScenario();
    const idea = file.comments?.[2] as NonNullable<ProcessMap['comments']>[number];
    const scenario = file.scenarios?.[0] as NonNullable<ProcessMap['scenarios']>[number];
    const { a, b } = twoPeers({
      ...file,
      comments: [...(file.comments ?? []), { ...idea, id: commentId('c4'), text: 'Online form' }],
      scenarios: [{ ...scenario, ideas: [] }],
    });
    a.linkIdea('to-be', 'c3', true);
    b.linkIdea('to-be', 'c4', true);
    syncDocs(a, b);
    expect([...(scenarioOf(a, 'to-be')?.ideas ?? [])].sort()).toEqual(['c3', 'c4']);
    expect(scenarioOf(b, 'to-be')?.ideas).toEqual(scenarioOf(a, 'to-be')?.ideas);
    b.linkIdea('to-be', 'c4', false);
    syncDocs(a, b);
    expect(scenarioOf(a, 'to-be')?.ideas).toEqual(['c3']);
  });

  it('a scenario deleted while a colleague edits it stays deleted, and the as-is keeps its edits', () => {
    const { a, b } = twoPeers(withScenario());
    a.deleteScenario('to-be');
    b.process('to-be').updateStep(stepId('s2'), { label: 'Edited meanwhile' });
    b.updateStep(stepId('s4'), { label: 'As-is edit' });
    syncDocs(a, b);
    expect(a.getSnapshot().scenarios).toBeUndefined();
    expect(b.getSnapshot().scenarios).toBeUndefined();
    expect(a.exportFile()).toEqual(b.exportFile());
    expect(a.getSnapshot().steps.find((s) => s.id === 's4')?.label).toBe('As-is edit');
  });
});

describe('a process as the editor shows it', () => {
  it("reads as the scenario's map, the same object until the document changes", () => {
    const doc = MapDoc.fromFile(withScenario());
    const view = doc.view('to-be');
    const first = view.getSnapshot();
    expect(first.steps.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(first.settings?.demand).toEqual({ count: 48, per: 'day' });
    expect(first.settings?.currency).toBe('GBP');
    expect(first.comments).toBe(doc.getSnapshot().comments);
    expect(view.getSnapshot()).toBe(first);
    expect(doc.view('to-be')).toBe(view);
    expect(doc.view('as-is').getSnapshot()).toBe(doc.getSnapshot());
  });

  it('edits the process shown, and joins a later edit to an earlier one as the map does', () => {
    const doc = newDoc('alice');
    doc.importFile(withScenario());
    const view = doc.view('to-be');
    const { stepId: added } = view.addNextStep(stepId('s2'), {});
    const mark = view.editMark();
    view.amend(mark, (d) => d.updateStep(added, { label: 'Check online' }));
    expect(view.getSnapshot().steps.find((s) => s.id === added)?.label).toBe('Check online');
    expect(doc.getSnapshot().steps.some((s) => s.id === added)).toBe(false);
    expect(view.hasStep(added)).toBe(true);
    view.undo(); // one step: the new step and its name
    expect(view.hasStep(added)).toBe(false);
  });

  it('reads as the as-is once its scenario is deleted, and says so', () => {
    const doc = MapDoc.fromFile(withScenario());
    const view = doc.view('to-be');
    expect(view.exists()).toBe(true);
    doc.deleteScenario('to-be');
    expect(view.exists()).toBe(false);
    expect(view.getSnapshot()).toBe(doc.getSnapshot());
  });
});

describe('undo after a scenario was deleted and brought back', () => {
  it("keeps the deleter's older edits undoable; a colleague's edits from before stay, no longer theirs to undo", () => {
    const { a, b } = twoPeers(sampleFile());
    const id = a.createScenario({ name: 'To-be' });
    a.process(id).deleteSteps([stepId('s2')]);
    syncDocs(a, b);
    b.process(id).updateStep(stepId('s4'), { label: 'Book online' });
    syncDocs(a, b);
    a.deleteScenario(id);
    syncDocs(a, b);
    a.undo(); // the scenario comes back whole, Bob's rename in it
    syncDocs(a, b);
    const steps = (d: MapDoc) => scenarioOf(d, id)?.steps ?? [];
    expect(steps(b).find((s) => s.id === 's4')?.label).toBe('Book online');
    // The copy brought back is the deleter's: Yjs no longer counts the rename as Bob's to undo.
    expect(b.undo()).toBe(false);
    expect(steps(b).find((s) => s.id === 's4')?.label).toBe('Book online');
    // Alice's own earlier edit in it still undoes: the step she deleted is back, for both.
    expect(a.undo()).toBe(true);
    syncDocs(a, b);
    expect(steps(b).some((s) => s.id === 's2')).toBe(true);
    expect(a.exportFile()).toEqual(b.exportFile());
  });
});

describe('scenarios kept in meta by an older replica', () => {
  it('moves only those a file could hold, and a reader built not to migrate writes nothing', () => {
    const old = new Y.Doc();
    old.transact(() => {
      old.getMap<unknown>('meta').set('title', 'Old');
      old.getMap<unknown>('meta').set('scenarios', [
        { id: 'good', name: 'Good', roles: [], steps: [], flows: [] },
        { id: 'bad', name: 'Bad', roles: [], steps: [{ id: 's', kind: 'bogus' }], flows: [] },
      ]);
    });
    const reader = new MapDoc(old, { migrate: false });
    expect(old.getMap('meta').has('scenarios')).toBe(true);
    expect(reader.getSnapshot().scenarios?.map((s) => s.id)).toEqual(['good', 'bad']);
    reader.destroy();
    const doc = new MapDoc(old);
    expect(old.getMap('meta').has('scenarios')).toBe(false);
    expect(doc.getSnapshot().scenarios?.map((s) => s.id)).toEqual(['good']);
  });
});
