import { AS_IS_ID, diffMaps, type ProcessMap, type Scenario } from '@procmap/model';
import { changeSentence } from '../announce/change-sentence';
import { describeChanges } from '../announce/describe-changes';

/*
 * Undo and redo are the map's, not the process's: Ctrl+Z while the as-is is shown can take back
 * an edit made in a scenario, or bring back a deleted scenario. What an undo or redo did is read
 * from the map before and after it, so the editor can show the process it changed and say where.
 * Pure: unit tested.
 */

/** Where an undo or redo acted, and what the editor then does: the process to show, the words. */
export interface UndoReport {
  /** The process to show afterwards, when it is not the one shown. */
  readonly show?: string;
  readonly hint: string;
}

type Process = Pick<ProcessMap, 'roles' | 'steps' | 'flows' | 'settings'>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether a process's roles, steps, flows or settings differ. */
function processDiffers(a: Process, b: Process): boolean {
  if (a.roles === b.roles && a.steps === b.steps && a.flows === b.flows) {
    return !same(a.settings, b.settings);
  }
  const d = diffMaps(a, b);
  const lists = [d.steps, d.flows, d.roles];
  if (lists.some((l) => l.added.length + l.removed.length + l.changed.length > 0)) return true;
  return !same(a.settings, b.settings);
}

function scenarioDiffers(a: Scenario, b: Scenario): boolean {
  if (a === b) return false;
  return (
    processDiffers(a, b) ||
    a.name !== b.name ||
    a.description !== b.description ||
    !same(a.ideas, b.ideas)
  );
}

/** A scenario's name as said: in curly quotes, or "an unnamed scenario". */
export function scenarioWords(name: string): string {
  const text = name.trim().replace(/\s+/g, ' ');
  return text ? `the scenario “${text}”` : 'an unnamed scenario';
}

const processName = (map: ProcessMap, id: string) =>
  id === AS_IS_ID
    ? 'the as-is'
    : scenarioWords(map.scenarios?.find((s) => s.id === id)?.name ?? '');

/** The process `id` of a map as a map of its own, for describing what changed in it. */
function processOf(map: ProcessMap, id: string): ProcessMap {
  const { scenarios, ...header } = map;
  const s = id === AS_IS_ID ? undefined : scenarios?.find((x) => x.id === id);
  return s ? { ...header, roles: s.roles, steps: s.steps, flows: s.flows } : header;
}

/** What changed within a process, in a few words ("deleted “Triage”"), or "". */
function whatChanged(before: ProcessMap, after: ProcessMap, id: string): string {
  const changes = describeChanges(processOf(before, id), processOf(after, id));
  return changeSentence('', changes)?.trim() ?? '';
}

/**
 * What an undo (`redo` false) or redo did from `before` to `after`, the map as a whole, while
 * the process `shownId` is shown: when it acted elsewhere, the process to show and the words
 * saying where ("Undone in the scenario “To-be”: …", "Brought back the scenario “X”").
 */
export function undoReport(
  before: ProcessMap,
  after: ProcessMap,
  shownId: string,
  redo: boolean,
): UndoReport {
  const done = redo ? 'Redone' : 'Undone';
  const again = redo ? '' : ' Ctrl+Shift+Z redoes.';
  const was = new Map((before.scenarios ?? []).map((s) => [s.id, s]));
  const now = new Map((after.scenarios ?? []).map((s) => [s.id, s]));
  const appeared = [...now.values()].filter((s) => !was.has(s.id));
  const gone = [...was.values()].filter((s) => !now.has(s.id));
  const changed = [...now.values()].filter((s) => {
    const old = was.get(s.id);
    return old !== undefined && scenarioDiffers(old, s);
  });

  const back = appeared[0];
  if (back) {
    const words = scenarioWords(back.name);
    const hint = redo ? `Redone: ${words} is back.` : `Brought back ${words}.${again}`;
    return { show: back.id, hint };
  }
  const shownGone = gone.find((s) => s.id === shownId);
  if (shownGone) {
    return {
      show: AS_IS_ID,
      hint: `${done}: ${scenarioWords(shownGone.name)} is gone; showing the as-is.${again}`,
    };
  }
  const otherGone = gone[0];
  if (otherGone) return { hint: `${done}: ${scenarioWords(otherGone.name)} is gone.${again}` };

  const asIsChanged = processDiffers(before, after);
  const shownChanged = shownId === AS_IS_ID ? asIsChanged : changed.some((s) => s.id === shownId);
  if (shownChanged) return { hint: `${done}.${again}` };
  const where = asIsChanged ? AS_IS_ID : changed[0]?.id;
  if (where === undefined) return { hint: `${done}.${again}` };
  const what = whatChanged(before, after, where);
  const name = processName(after, where);
  return {
    show: where,
    hint: `${done} in ${name}${what ? `: ${what}` : ''}; showing it.${again}`,
  };
}
