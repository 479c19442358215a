import { MapDoc } from '@procmap/doc';
import { mapGeometry } from '@procmap/layout';
import { indexMap, normalize, type ProcessMap, roleId, stepId } from '@procmap/model';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Selection, useSession } from '../store/session-store';
import {
  ACTIONS,
  type ActionContext,
  type ActionState,
  action,
  actionForKey,
  handleEditorKey,
  isEnabled,
} from './actions';
import { chordLabel, type KeyPress, matchesChord, typesText } from './keys';
import { FIELD_KEYS, shortcutGroups } from './shortcuts';

/** A key press as the browser would report it: `Alt+l`, `Shift+Enter`, `T`. */
function press(chord: string): KeyPress {
  const parts = chord.split('+');
  const key = parts.pop() as string;
  const letter = /^[a-z]$/i.test(key);
  return {
    key,
    code: letter ? `Key${key.toUpperCase()}` : key,
    ctrlKey: parts.includes('Control'),
    metaKey: parts.includes('Meta'),
    altKey: parts.includes('Alt'),
    shiftKey: parts.includes('Shift') || (letter && key !== key.toLowerCase()),
  };
}

const state = (selection: Selection, extra: Partial<ActionState> = {}): ActionState => ({
  selection,
  readOnly: false,
  canUndo: true,
  canRedo: true,
  ...extra,
});

const NONE: Selection = { kind: 'none' };
const ONE_STEP: Selection = { kind: 'steps', ids: [stepId('a')] };
const TWO_STEPS: Selection = { kind: 'steps', ids: [stepId('a'), stepId('b')] };
const LANE: Selection = { kind: 'lane', id: roleId('r') };
const FLOW: Selection = { kind: 'flow', id: 'f' as never };
const EVERY_SELECTION = [NONE, ONE_STEP, TWO_STEPS, LANE, FLOW];

/** A small benefits claim: a start, a check, a decision with two branches, an end. */
function claimMap(): ProcessMap {
  const step = (id: string, roleRef: string, label: string, kind = 'task') => ({
    id: stepId(id),
    roleId: roleId(roleRef),
    kind: kind as 'task',
    label,
  });
  return {
    format: 'procmap',
    version: 1,
    title: 'Claim',
    roles: [
      { id: roleId('officer'), name: 'Officer', order: 0 },
      { id: roleId('lead'), name: 'Team leader', order: 1 },
    ],
    steps: [
      step('start', 'officer', 'Claim arrives', 'start'),
      step('check', 'officer', 'Check evidence'),
      step('ok', 'lead', 'Evidence complete?', 'decision'),
      step('decide', 'lead', 'Decide claim'),
      step('ask', 'officer', 'Ask for evidence'),
      step('end', 'lead', 'Letter sent', 'end'),
    ],
    flows: [
      { id: 'f1' as never, from: stepId('start'), to: stepId('check') },
      { id: 'f2' as never, from: stepId('check'), to: stepId('ok') },
      { id: 'f3' as never, from: stepId('ok'), to: stepId('decide'), label: 'Yes' },
      { id: 'f4' as never, from: stepId('ok'), to: stepId('ask'), label: 'No' },
      { id: 'f5' as never, from: stepId('decide'), to: stepId('end') },
    ],
  };
}

/** The editor around a map, as the keys see it: rebuilt from the document on each read. */
function editorOn(file: ProcessMap, readOnly = false) {
  const doc = new MapDoc(new Y.Doc(), { actor: 'facilitator' }).view('as-is');
  doc.importFile(file);
  const calls: string[] = [];
  const ctx = (): ActionContext => {
    const index = indexMap(normalize(doc.getSnapshot()).map);
    return {
      doc,
      index,
      geometry: mapGeometry(index.map),
      readOnly,
      ui: {
        focusProperties: () => calls.push('properties'),
        focusCommentBox: () => calls.push('comment'),
        focusFlowLabel: () => calls.push('flow-label'),
        tidyUp: () => calls.push('tidy-up'),
      },
    };
  };
  const key = (chord: string) => handleEditorKey(press(chord), ctx());
  const map = () => doc.getSnapshot();
  const labelOf = (id: string) => map().steps.find((s) => s.id === id)?.label;
  const session = () => useSession.getState();
  return { doc, ctx, key, map, labelOf, calls, session };
}

beforeEach(() => useSession.getState().reset());

describe('the table', () => {
  it('has unique ids, words for every action, and keys that all read as chords', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of ACTIONS) {
      expect(a.label, a.id).not.toBe('');
      expect(a.help, a.id).not.toBe('');
      for (const k of a.keys) expect(chordLabel(k), `${a.id} ${k}`).not.toMatch(/^\+|\+$/);
    }
  });

  it('never gives one key two meanings with the same selection', () => {
    for (const selection of EVERY_SELECTION) {
      const seen = new Map<string, string>();
      for (const a of ACTIONS.filter((x) => x.applies(state(selection)))) {
        for (const k of a.keys) {
          expect(seen.get(k), `${k} with ${selection.kind}: ${a.id}`).toBeUndefined();
          seen.set(k, a.id);
        }
      }
    }
  });

  it('puts every command with a plain letter behind Alt or Ctrl: typing is for names', () => {
    for (const a of ACTIONS) {
      for (const k of a.keys) {
        const key = k.split('+').pop() as string;
        if (/^[a-z]$/i.test(key)) expect(k, a.id).toMatch(/^(Alt|Ctrl)\+/);
      }
    }
  });

  it('lists every keyed action in the shortcuts dialog, once, with its keys as people read them', () => {
    const rows = shortcutGroups().flatMap((g) => g.rows);
    const keyed = ACTIONS.filter((a) => a.keys.length > 0);
    expect(rows).toHaveLength(keyed.length);
    expect(rows).toContainEqual({ keys: ['Alt+L'], action: action('add-lane').help });
    expect(rows).toContainEqual({ keys: ['Alt+↑'], action: action('move-up').help });
    expect(rows).toContainEqual({ keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'Redo' });
    expect(rows).toContainEqual({ keys: ['Alt+S'], action: action('switcher').help });
    expect(FIELD_KEYS.some((r) => r.action.includes('back to the map'))).toBe(true);
  });
});

describe('which action a key means', () => {
  it('Enter on a step adds the next step, on a lane a step in it, and with nothing selected nothing', () => {
    expect(actionForKey(press('Enter'), state(ONE_STEP))?.id).toBe('next-step');
    expect(actionForKey(press('Enter'), state(LANE))?.id).toBe('lane-step');
    expect(actionForKey(press('Enter'), state(NONE))).toBeUndefined();
    expect(actionForKey(press('Shift+Enter'), state(ONE_STEP))?.id).toBe('branch');
    expect(actionForKey(press('Alt+Enter'), state(ONE_STEP))?.id).toBe('connect');
    expect(actionForKey(press('Alt+Enter'), state(TWO_STEPS))).toBeUndefined();
  });

  it('letters with Alt are commands (by the physical key, as a Mac types other characters), plain letters are not', () => {
    expect(actionForKey(press('Alt+l'), state(NONE))?.id).toBe('add-lane');
    const macAltL = { ...press('Alt+l'), key: '¬' };
    expect(actionForKey(macAltL, state(ONE_STEP))?.id).toBe('add-lane');
    for (const letter of ['l', 'n', 'k', 'p', 'c', 'T', 'o']) {
      for (const selection of EVERY_SELECTION) {
        expect(actionForKey(press(letter), state(selection)), letter).toBeUndefined();
      }
    }
  });

  it('Ctrl means Ctrl or ⌘, and Shift must match for letters but not for "?"', () => {
    expect(actionForKey(press('Control+z'), state(NONE))?.id).toBe('undo');
    expect(actionForKey(press('Meta+z'), state(NONE))?.id).toBe('undo');
    expect(actionForKey(press('Control+Shift+Z'), state(NONE))?.id).toBe('redo');
    expect(actionForKey(press('Shift+?'), state(ONE_STEP))?.id).toBe('shortcuts');
    expect(matchesChord(press('Alt+Shift+L'), 'Alt+L')).toBe(false);
  });

  it('Tab and Shift+Tab are always the browser’s, to leave the map; arrows move the selection', () => {
    for (const selection of EVERY_SELECTION) {
      expect(actionForKey(press('Tab'), state(selection)), selection.kind).toBeUndefined();
      expect(actionForKey(press('Shift+Tab'), state(selection)), selection.kind).toBeUndefined();
    }
    expect(actionForKey(press('ArrowRight'), state(NONE))?.id).toBe('first');
    expect(actionForKey(press('ArrowRight'), state(ONE_STEP))?.id).toBe('next');
    expect(actionForKey(press('ArrowLeft'), state(ONE_STEP))?.id).toBe('previous');
    expect(actionForKey(press('ArrowUp'), state(ONE_STEP))?.id).toBe('up');
    expect(actionForKey(press('ArrowDown'), state(LANE))?.id).toBe('down');
  });

  it('Alt+S opens the process switcher, whatever is selected, on the map or off it', () => {
    for (const selection of EVERY_SELECTION) {
      expect(actionForKey(press('Alt+s'), state(selection))?.id).toBe('switcher');
      expect(actionForKey(press('Alt+s'), state(selection), false)?.id).toBe('switcher');
    }
    const chords = ACTIONS.flatMap((a) => a.keys);
    expect(chords.filter((k) => k === 'Alt+S')).toHaveLength(1);
  });

  it('off the map (a toolbar button has the keyboard) only Alt chords, undo, redo and ? act', () => {
    const mapOnly = [
      'ArrowRight',
      'ArrowLeft',
      'ArrowUp',
      'ArrowDown',
      'Enter',
      'Shift+Enter',
      'Delete',
      'Backspace',
      'F2',
      'Escape',
      'Control+a',
      'Control+d',
      'Control+c',
    ];
    for (const selection of EVERY_SELECTION) {
      for (const chord of mapOnly) {
        expect(actionForKey(press(chord), state(selection), false), chord).toBeUndefined();
      }
    }
    expect(actionForKey(press('Enter'), state(ONE_STEP), true)?.id).toBe('next-step');
    expect(actionForKey(press('Delete'), state(ONE_STEP), true)?.id).toBe('delete');
    expect(actionForKey(press('Control+z'), state(ONE_STEP), false)?.id).toBe('undo');
    expect(actionForKey(press('Control+Shift+Z'), state(NONE), false)?.id).toBe('redo');
    expect(actionForKey(press('Alt+n'), state(ONE_STEP), false)?.id).toBe('add-step');
    expect(actionForKey(press('Alt+ArrowDown'), state(ONE_STEP), false)?.id).toBe('move-down');
    expect(actionForKey(press('Shift+?'), state(ONE_STEP), false)?.id).toBe('shortcuts');
  });

  it('every key without Alt, bar "?" and undo/redo, acts on the map only', () => {
    for (const a of ACTIONS) {
      const global = a.keys.some((k) => k.startsWith('Alt+') || k === '?');
      if (a.keys.length === 0 || global || a.id === 'undo' || a.id === 'redo') continue;
      expect(a.onMap, a.id).toBe(true);
    }
  });

  it('a key typed into a name never counts as a command while an input method composes', () => {
    expect(actionForKey({ ...press('Enter'), isComposing: true }, state(ONE_STEP))).toBeUndefined();
    expect(typesText({ ...press('a'), isComposing: true })).toBe(false);
  });

  it('typing: one printable character, not a space, with no Ctrl/⌘/Alt, except AltGr', () => {
    expect(typesText(press('T'))).toBe(true);
    expect(typesText(press('é'))).toBe(true);
    expect(typesText(press(' '))).toBe(false);
    expect(typesText(press('Enter'))).toBe(false);
    expect(typesText(press('Alt+l'))).toBe(false);
    expect(typesText({ ...press('@'), ctrlKey: true, altKey: true })).toBe(true);
  });
});

describe('enabled: what buttons and menu items show', () => {
  it('a view link disables whatever changes the map, and nothing else', () => {
    const view = state(ONE_STEP, { readOnly: true });
    expect(isEnabled(action('add-lane'), view)).toBe(false);
    expect(isEnabled(action('undo'), view)).toBe(false);
    expect(isEnabled(action('export'), view)).toBe(true);
    expect(isEnabled(action('select-flows'), view)).toBe(true);
  });

  it('undo and redo follow the stacks; step actions need a step', () => {
    expect(isEnabled(action('undo'), state(NONE, { canUndo: false }))).toBe(false);
    expect(isEnabled(action('redo'), state(NONE, { canRedo: true }))).toBe(true);
    expect(isEnabled(action('kind'), state(NONE))).toBe(false);
    expect(isEnabled(action('kind'), state(TWO_STEPS))).toBe(true);
  });
});

describe('running actions on a map', () => {
  it('given a step with one step after it, Enter inserts the new step between them, in one undo', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('start')]);
    expect(e.key('Enter')).toBe('handled');
    const editing = e.session().editing;
    expect(editing?.kind).toBe('step');
    const added = editing?.id as string;
    const flows = e.map().flows;
    expect(flows.find((f) => f.id === 'f1')?.to).toBe(added);
    expect(flows.some((f) => f.from === added && f.to === 'check')).toBe(true);
    expect(e.session().hint).toBe('Inserted between “Claim arrives” and “Check evidence”.');
    // The name typed next joins the insert: one undo takes both back.
    e.doc.amend(editing?.fresh ?? null, (d) => d.updateStep(stepId(added), { label: 'Log claim' }));
    expect(e.labelOf(added)).toBe('Log claim');
    e.key('Control+z');
    expect(e.map()).toEqual(claimMap());
  });

  it('given a decision, Enter starts a branch; given a step, Shift+Enter does', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('ok')]);
    e.key('Enter');
    const branch = e.session().editing?.id as string;
    expect(
      e
        .map()
        .flows.filter((f) => f.from === 'ok')
        .map((f) => f.to),
    ).toEqual(['decide', 'ask', branch]);
    expect(e.session().hint).toMatch(/^Started a branch from “Evidence complete\?”/);
    e.session().edit(null);
    e.session().selectSteps([stepId('check')]);
    e.key('Shift+Enter');
    const beside = e.session().editing?.id as string;
    expect(
      e
        .map()
        .flows.filter((f) => f.from === 'check')
        .map((f) => f.to),
    ).toEqual(['ok', beside]);
  });

  it('given the last step, Enter adds the next one after it', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('end')]);
    e.key('Enter');
    const added = e.session().editing?.id as string;
    expect(e.map().flows.at(-1)).toMatchObject({ from: 'end', to: added });
    expect(e.session().hint).toMatch(/^Added the next step after “Letter sent”/);
  });

  it('typing on a selected step starts renaming it with the key typed; no command runs', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('decide')]);
    expect(e.key('T')).toBe('handled');
    expect(e.session().editing).toEqual({ kind: 'step', id: 'decide', typed: 'T' });
    // Keys that come before the field is on the page are its text too.
    e.key('e');
    expect(e.session().editing).toMatchObject({ typed: 'Te' });
    expect(e.map()).toEqual(claimMap());
    expect(e.calls).toEqual([]);
  });

  it('typing on a selected lane renames it; with nothing selected it only says how', () => {
    const e = editorOn(claimMap());
    e.session().selectLane(roleId('lead'));
    e.key('M');
    expect(e.session().editing).toEqual({ kind: 'lane', id: 'lead', typed: 'M' });
    e.session().reset();
    expect(e.key('l')).toBe('handled');
    expect(e.map()).toEqual(claimMap());
    expect(e.session().hint).toMatch(/Alt\+N adds a step/);
  });

  it('Shift+arrows add the step reached to the selected steps, the keyboard on it', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('start')]);
    e.key('Shift+ArrowRight');
    e.key('Shift+ArrowRight');
    expect(e.session().selection).toEqual({ kind: 'steps', ids: ['start', 'check', 'ok'] });
    e.key('Shift+ArrowLeft'); // back to one already selected: it becomes the last
    expect(e.session().selection).toEqual({ kind: 'steps', ids: ['start', 'ok', 'check'] });
    e.key('ArrowRight'); // a plain arrow selects one again
    expect(e.session().selection).toEqual({ kind: 'steps', ids: ['ok'] });
  });

  it('typing with the keyboard off the map renames nothing and says nothing', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('decide')]);
    expect(handleEditorKey(press('T'), e.ctx(), false)).toBe('ignored');
    expect(handleEditorKey(press('Delete'), e.ctx(), false)).toBe('ignored');
    expect(e.session().editing).toBeNull();
    expect(e.map()).toEqual(claimMap());
  });

  it('on a view link, typing renames nothing and Alt+L adds no lane', () => {
    const e = editorOn(claimMap(), true);
    e.session().selectSteps([stepId('decide')]);
    expect(e.key('T')).toBe('ignored');
    expect(e.key('Alt+l')).toBe('handled');
    expect(e.session().editing).toBeNull();
    expect(e.map()).toEqual(claimMap());
  });

  it('Alt+O selects the flows leaving the step one by one, round again after the last', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('ok')]);
    e.key('Alt+o');
    expect(e.session().selection).toEqual({ kind: 'flow', id: 'f3' });
    expect(e.session().hint).toMatch(/^Flow 1 of 2: from “Evidence complete\?” to “Decide claim”/);
    e.key('Alt+o');
    expect(e.session().selection).toEqual({ kind: 'flow', id: 'f4' });
    e.key('Alt+o');
    expect(e.session().selection).toEqual({ kind: 'flow', id: 'f3' });
    e.session().selectSteps([stepId('end')]);
    e.key('Alt+o');
    expect(e.session().selection.kind).toBe('steps');
    expect(e.session().hint).toMatch(/No flow leaves “Letter sent”/);
  });

  it('Alt+Enter opens the connect dialog; Alt+P, Alt+C and Alt+T reach the editor around the map', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('ask')]);
    e.key('Alt+Enter');
    expect(e.session().dialog).toBe('connect');
    e.session().openDialog(null);
    e.key('Alt+p');
    e.key('Alt+c');
    e.key('Alt+t');
    expect(e.calls).toEqual(['properties', 'comment', 'tidy-up']);
  });

  it('copy, cut and paste keys are left to the browser, which sends the clipboard events', () => {
    const e = editorOn(claimMap());
    e.session().selectSteps([stepId('ask')]);
    expect(e.key('Control+c')).toBe('browser');
    expect(e.key('Control+v')).toBe('browser');
    expect(e.map()).toEqual(claimMap());
  });

  it('Alt+L adds a lane below the selected one and starts naming it; the name joins its undo', () => {
    const e = editorOn(claimMap());
    e.session().selectLane(roleId('officer'));
    e.key('Alt+l');
    const editing = e.session().editing;
    expect(editing?.kind).toBe('lane');
    const lanes = e.ctx().geometry.lanes.map((l) => l.role.id);
    expect(lanes).toEqual(['officer', editing?.id, 'lead']);
    e.doc.amend(editing?.fresh ?? null, (d) =>
      d.renameRole(roleId(editing?.id as string), 'Clerk'),
    );
    e.key('Control+z');
    expect(e.map()).toEqual(claimMap());
  });
});
