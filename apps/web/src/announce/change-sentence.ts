import type { CommentKind, StepKind } from '@procmap/model';
import type { Change } from './describe-changes';

/* One person's changes said in one sentence, and the ways labels, lanes and scenarios are said. */

/** Longest label said in full; longer ones are cut (as the status line cuts them). */
const LONGEST = 40;

function flat(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** A label as said: in curly quotes, one line, cut after 39 characters; `unnamed` when empty. */
export function quoted(label: string, unnamed = 'an unnamed step'): string {
  const text = flat(label);
  if (!text) return unnamed;
  return `“${text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text}”`;
}

/** A scenario as said: "the scenario “To-be”", or "an unnamed scenario". */
function scenarioSaid(name: string): string {
  return flat(name) ? `the scenario ${quoted(name)}` : 'an unnamed scenario';
}

/** A lane's name as said after "in" or "to": plain, cut like a label. */
function laneWords(name: string): string {
  const text = flat(name);
  if (!text) return 'an unnamed lane';
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

const KIND_WORDS: Readonly<Record<StepKind, string>> = {
  start: 'a start step',
  task: 'a task',
  decision: 'a decision',
  delay: 'a delay',
  end: 'an end step',
};

const COMMENT_WORDS: Readonly<Record<CommentKind, readonly [string, string]>> = {
  note: ['added a comment on', 'adding a comment on'],
  'pain-point': ['added a pain point on', 'adding a pain point on'],
  idea: ['added an idea on', 'adding an idea on'],
  question: ['asked a question on', 'asking a question on'],
};

/** A change as words: [what they did, the same as "…ing"]. */
function phrase(change: Change): readonly [string, string] {
  const both = (past: string, ing: string, what: string) =>
    [`${past} ${what}`, `${ing} ${what}`] as const;
  switch (change.kind) {
    case 'step-added':
      return both(
        'added',
        'adding',
        `${flat(change.label) ? quoted(change.label) : 'a step'} in ${laneWords(change.lane)}`,
      );
    case 'step-renamed':
      if (!flat(change.from)) return both('named', 'naming', `a step ${quoted(change.to)}`);
      if (!flat(change.to))
        return both('cleared', 'clearing', `the name of ${quoted(change.from)}`);
      return both('renamed', 'renaming', `${quoted(change.from)} to ${quoted(change.to)}`);
    case 'step-deleted':
      return both('deleted', 'deleting', quoted(change.label));
    case 'step-moved':
      return both('moved', 'moving', `${quoted(change.label)} to ${laneWords(change.lane)}`);
    case 'step-kind':
      return both('made', 'making', `${quoted(change.label)} ${KIND_WORDS[change.stepKind]}`);
    case 'step-edited':
      return both('changed', 'changing', `the details of ${quoted(change.label)}`);
    case 'connected':
      return both('connected', 'connecting', `${quoted(change.from)} to ${quoted(change.to)}`);
    case 'disconnected':
      return both(
        'disconnected',
        'disconnecting',
        `${quoted(change.from)} from ${quoted(change.to)}`,
      );
    case 'flow-edited':
      return both(
        'changed',
        'changing',
        `the flow from ${quoted(change.from)} to ${quoted(change.to)}`,
      );
    case 'lane-added':
      return flat(change.name)
        ? both('added', 'adding', `lane ${quoted(change.name)}`)
        : both('added', 'adding', 'a lane');
    case 'lane-renamed':
      if (!flat(change.from)) return both('named', 'naming', `a lane ${quoted(change.to)}`);
      if (!flat(change.to)) {
        return both('cleared', 'clearing', `the name of lane ${quoted(change.from)}`);
      }
      return both('renamed', 'renaming', `lane ${quoted(change.from)} to ${quoted(change.to)}`);
    case 'lane-deleted':
      return both('deleted', 'deleting', `lane ${quoted(change.name, 'without a name')}`);
    case 'lane-moved': {
      const where =
        'above' in change.place
          ? `above ${quoted(change.place.above, 'an unnamed lane')}`
          : `below ${quoted(change.place.below, 'an unnamed lane')}`;
      return both('moved', 'moving', `lane ${quoted(change.name, 'without a name')} ${where}`);
    }
    case 'lane-edited':
      return both(
        'changed',
        'changing',
        `the details of lane ${quoted(change.name, 'without a name')}`,
      );
    case 'commented': {
      const [past, ing] = COMMENT_WORDS[change.commentKind];
      return both(past, ing, change.on);
    }
    case 'replied':
      return both('replied', 'replying', `to a comment on ${change.on}`);
    case 'resolved':
      return change.open
        ? both('reopened', 'reopening', `a comment on ${change.on}`)
        : both('resolved', 'resolving', `a comment on ${change.on}`);
    case 'comment-deleted':
      return both('deleted', 'deleting', `a comment on ${change.on}`);
    case 'scenario-added':
      return both('made', 'making', scenarioSaid(change.name));
    case 'scenario-renamed':
      return both(
        'renamed',
        'renaming',
        `${scenarioSaid(change.from)} to ${quoted(change.to, 'no name')}`,
      );
    case 'scenario-deleted':
      return both('deleted', 'deleting', scenarioSaid(change.name));
    case 'scenario-edited':
      return both('edited', 'editing', scenarioSaid(change.name));
    case 'map-renamed':
      return flat(change.to)
        ? both('renamed', 'renaming', `the map to ${quoted(change.to)}`)
        : both('cleared', 'clearing', 'the map’s title');
    case 'map-edited':
      return both('changed', 'changing', 'the map’s settings');
  }
}

/** Changes that say least; a summary names another one first when there is one. */
const DETAILS = new Set<Change['kind']>([
  'step-edited',
  'lane-edited',
  'flow-edited',
  'map-edited',
]);

/**
 * One person's changes as one sentence: "Priya renamed “Triage” to “Clinical triage”";
 * several as "Priya made 6 changes, including renaming …". Undefined when there are none.
 */
export function changeSentence(who: string, changes: readonly Change[]): string | undefined {
  const first = changes[0];
  if (!first) return undefined;
  if (changes.length === 1) return `${who} ${phrase(first)[0]}`;
  const lead = changes.find((c) => !DETAILS.has(c.kind)) ?? first;
  if (changes.every((c) => c.kind === 'step-added')) {
    return `${who} added ${changes.length} steps, including ${phrase(lead)[1].replace(/^adding /, '')}`;
  }
  if (changes.every((c) => c.kind === 'step-deleted')) {
    return `${who} deleted ${changes.length} steps, including ${phrase(lead)[1].replace(/^deleting /, '')}`;
  }
  return `${who} made ${changes.length} changes, including ${phrase(lead)[1]}`;
}
