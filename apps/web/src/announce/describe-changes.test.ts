import { MapDoc } from '@procmap/doc';
import { flowId, type ProcessMap, roleId, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { changeSentence, quoted } from './change-sentence';
import { describeChanges } from './describe-changes';
import { mergeChanges } from './merge-changes';

/** A referral clinic: Clerk, Nurse and Admin lanes, four steps in a row. */
function clinicMap(): ProcessMap {
  const step = (id: string, lane: string, label: string) => ({
    id: stepId(id),
    roleId: roleId(lane),
    kind: 'task' as const,
    label,
  });
  return {
    format: 'procmap',
    version: 1,
    title: 'Clinic referral',
    roles: [
      { id: roleId('clerk'), name: 'Clerk', order: 0 },
      { id: roleId('nurse'), name: 'Nurse', order: 1 },
      { id: roleId('admin'), name: 'Admin', order: 2 },
    ],
    steps: [
      step('s1', 'clerk', 'Check form'),
      step('s2', 'nurse', 'Triage'),
      step('s3', 'nurse', 'Old step'),
      step('s4', 'admin', 'Send letter'),
    ],
    flows: [
      { id: flowId('f1'), from: stepId('s1'), to: stepId('s2') },
      { id: flowId('f2'), from: stepId('s2'), to: stepId('s3') },
      { id: flowId('f3'), from: stepId('s3'), to: stepId('s4') },
    ],
  };
}

/** The sentence Priya's edit makes, the edit run as a real command on the clinic map. */
function said(edit: (doc: MapDoc) => void, who = 'Priya'): string | undefined {
  const doc = MapDoc.fromFile(clinicMap());
  const before = doc.getSnapshot();
  edit(doc);
  return changeSentence(who, describeChanges(before, doc.getSnapshot()));
}

describe('describing a colleague’s change', () => {
  it('says a rename with both names quoted', () => {
    expect(said((d) => d.updateStep(stepId('s2'), { label: 'Clinical triage' }))).toBe(
      'Priya renamed “Triage” to “Clinical triage”',
    );
  });

  it('says a step added, named, in its lane; its flow is part of adding it', () => {
    expect(said((d) => d.addNextStep(stepId('s2'), { label: 'Book clinic' }))).toBe(
      'Priya added “Book clinic” in Nurse',
    );
  });

  it('says a step inserted between two others as one addition', () => {
    expect(said((d) => d.insertStep(flowId('f1'), { label: 'Scan form' }))).toBe(
      'Priya added “Scan form” in Clerk',
    );
  });

  it('says a deletion, without the flows that went with the step', () => {
    expect(said((d) => d.deleteSteps([stepId('s3')]), 'Sam')).toBe('Sam deleted “Old step”');
  });

  it('says a step moved to another lane, but not a box moved on the canvas', () => {
    expect(said((d) => d.moveStepToRole(stepId('s1'), roleId('admin')), 'Sam')).toBe(
      'Sam moved “Check form” to Admin',
    );
    expect(said((d) => d.moveStep(stepId('s1'), { x: 300, y: 40 }))).toBeUndefined();
  });

  it('says a connection and a disconnection', () => {
    expect(said((d) => d.connect(stepId('s1'), stepId('s4')))).toBe(
      'Priya connected “Check form” to “Send letter”',
    );
    expect(said((d) => d.disconnect(flowId('f1')))).toBe(
      'Priya disconnected “Check form” from “Triage”',
    );
  });

  it('says what was done to lanes: added, renamed, moved, deleted', () => {
    expect(said((d) => d.addRole({ name: 'Porter' }))).toBe('Priya added lane “Porter”');
    expect(said((d) => d.renameRole(roleId('clerk'), 'Admin clerk'), 'Sam')).toBe(
      'Sam renamed lane “Clerk” to “Admin clerk”',
    );
    expect(said((d) => d.moveRole(roleId('admin'), 0))).toBe(
      'Priya moved lane “Admin” above “Clerk”',
    );
    expect(said((d) => d.moveRole(roleId('clerk'), 2))).toBe(
      'Priya moved lane “Clerk” below “Admin”',
    );
    expect(said((d) => d.deleteRole(roleId('admin'), { moveTo: roleId('nurse') }))).toBe(
      'Priya made 2 changes, including deleting lane “Admin”',
    );
  });

  it('says a changed kind, changed details and a comment in words', () => {
    expect(said((d) => d.updateStep(stepId('s2'), { kind: 'decision' }))).toBe(
      'Priya made “Triage” a decision',
    );
    expect(said((d) => d.updateStep(stepId('s2'), { processTime: 12 }))).toBe(
      'Priya changed the details of “Triage”',
    );
    expect(
      said((d) =>
        d.addComment({ targetId: 's2', kind: 'pain-point', author: 'Priya', text: 'Slow' }),
      ),
    ).toBe('Priya added a pain point on “Triage”');
  });

  it('makes several changes one sentence, naming the first that says most', () => {
    const text = said((d) => {
      d.updateStep(stepId('s4'), { processTime: 5 });
      d.updateStep(stepId('s2'), { label: 'Clinical triage' });
      d.deleteSteps([stepId('s3')]);
    });
    expect(text).toBe('Priya made 3 changes, including renaming “Triage” to “Clinical triage”');
  });

  it('quotes and shortens labels as the status line does', () => {
    expect(quoted('  Book   clinic ')).toBe('“Book clinic”');
    expect(quoted('')).toBe('an unnamed step');
    expect(quoted('x'.repeat(60))).toBe(`“${'x'.repeat(39)}…”`);
    expect(said((d) => d.updateStep(stepId('s2'), { label: 'A'.repeat(50) }))).toBe(
      `Priya renamed “Triage” to “${'A'.repeat(39)}…”`,
    );
  });
});

describe('merging one person’s burst', () => {
  const change = (edit: (doc: MapDoc) => void, doc: MapDoc) => {
    const before = doc.getSnapshot();
    edit(doc);
    return describeChanges(before, doc.getSnapshot());
  };

  it('says a step added then named as added under its name', () => {
    const doc = MapDoc.fromFile(clinicMap());
    let id = stepId('none');
    const added = change((d) => {
      id = d.addNextStep(stepId('s2'), { label: '' }).stepId;
    }, doc);
    expect(changeSentence('Priya', added)).toBe('Priya added a step in Nurse');
    const named = change((d) => d.updateStep(id, { label: 'Book clinic' }), doc);
    expect(changeSentence('Priya', named)).toBe('Priya named a step “Book clinic”');
    expect(changeSentence('Priya', mergeChanges(added, named))).toBe(
      'Priya added “Book clinic” in Nurse',
    );
  });

  it('says two renames of one step as one, and a rename undone as nothing', () => {
    const doc = MapDoc.fromFile(clinicMap());
    const first = change((d) => d.updateStep(stepId('s2'), { label: 'Triage 2' }), doc);
    const second = change((d) => d.updateStep(stepId('s2'), { label: 'Clinical triage' }), doc);
    const back = change((d) => d.updateStep(stepId('s2'), { label: 'Triage' }), doc);
    expect(changeSentence('Sam', mergeChanges(first, second))).toBe(
      'Sam renamed “Triage” to “Clinical triage”',
    );
    expect(mergeChanges(mergeChanges(first, second), back)).toEqual([]);
  });

  it('says nothing of a step added and deleted again, and a renamed one deleted by its old name', () => {
    const doc = MapDoc.fromFile(clinicMap());
    let id = stepId('none');
    const added = change((d) => {
      id = d.addStep({ roleId: roleId('clerk'), kind: 'task', label: 'Oops' });
    }, doc);
    const gone = change((d) => d.deleteSteps([id]), doc);
    expect(mergeChanges(added, gone)).toEqual([]);
    const renamed = change((d) => d.updateStep(stepId('s3'), { label: 'Older step' }), doc);
    const deleted = change((d) => d.deleteSteps([stepId('s3')]), doc);
    expect(changeSentence('Sam', mergeChanges(renamed, deleted))).toBe('Sam deleted “Old step”');
  });

  it('counts what is left after merging', () => {
    const doc = MapDoc.fromFile(clinicMap());
    const edits = [
      change((d) => d.updateStep(stepId('s1'), { label: 'Check the form' }), doc),
      change((d) => d.updateStep(stepId('s1'), { label: 'Check form fully' }), doc),
      change((d) => d.addRole({ name: 'Porter' }), doc),
      change((d) => d.moveStepToRole(stepId('s4'), roleId('clerk')), doc),
    ];
    const merged = edits.reduce((all, next) => mergeChanges(all, next), [] as never[]);
    expect(changeSentence('Priya', merged)).toBe(
      'Priya made 3 changes, including renaming “Check form” to “Check form fully”',
    );
  });
});

describe('a colleague’s scenarios', () => {
  const change = (edit: (doc: MapDoc) => void, doc: MapDoc) => {
    const before = doc.getSnapshot();
    edit(doc);
    return describeChanges(before, doc.getSnapshot());
  };
  const sentence = (edit: (doc: MapDoc) => void, doc: MapDoc) =>
    changeSentence('Priya', change(edit, doc));

  it('says a scenario made, renamed, edited inside and deleted: never the map’s settings', () => {
    const doc = MapDoc.fromFile(clinicMap());
    let id = '';
    expect(
      sentence((d) => {
        id = d.createScenario({ name: 'To-be 2' });
      }, doc),
    ).toBe('Priya made the scenario “To-be 2”');
    expect(sentence((d) => d.updateScenario(id, { name: 'Nurse-led' }), doc)).toBe(
      'Priya renamed the scenario “To-be 2” to “Nurse-led”',
    );
    expect(sentence((d) => d.process(id).deleteSteps([stepId('s3')]), doc)).toBe(
      'Priya edited the scenario “Nurse-led”',
    );
    expect(sentence((d) => d.updateScenario(id, { description: 'Nurses decide' }), doc)).toBe(
      'Priya edited the scenario “Nurse-led”',
    );
    expect(sentence((d) => d.deleteScenario(id), doc)).toBe(
      'Priya deleted the scenario “Nurse-led”',
    );
  });

  it('merges a scenario made then named, and edits inside one, like other edits', () => {
    const doc = MapDoc.fromFile(clinicMap());
    let id = '';
    const made = change((d) => {
      id = d.createScenario({ name: 'To-be' });
    }, doc);
    const named = change((d) => d.updateScenario(id, { name: 'To-be 2' }), doc);
    const edited = change((d) => d.process(id).deleteSteps([stepId('s3')]), doc);
    expect(changeSentence('Sam', [made, named, edited].reduce(mergeChanges, []))).toBe(
      'Sam made the scenario “To-be 2”',
    );
    const other = MapDoc.fromFile(doc.exportFile());
    const twice = [
      change((d) => d.process(id).deleteSteps([stepId('s2')]), other),
      change((d) => d.process(id).updateStep(stepId('s1'), { label: 'Check' }), other),
    ].reduce(mergeChanges, []);
    expect(changeSentence('Sam', twice)).toBe('Sam edited the scenario “To-be 2”');
    const gone = change((d) => d.deleteScenario(id), other);
    expect(changeSentence('Sam', mergeChanges(twice, gone))).toBe(
      'Sam deleted the scenario “To-be 2”',
    );
  });
});
