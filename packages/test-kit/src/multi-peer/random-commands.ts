import { DocError, type MapDoc } from '@procmap/doc';
import {
  ACTIVITIES,
  COMMENT_KINDS,
  type FlowId,
  type RoleId,
  STEP_KINDS,
  type StepId,
  VALUE_CLASSES,
  WASTES,
} from '@procmap/model';
import type { Prng } from '../prng';

/*
 * Random domain commands for convergence runs: each picks its arguments from what the peer
 * currently sees, the way a user would. Commands the doc refuses (DocError: a lane that still
 * has steps, an existing flow...) count as tried and change nothing; any other error is a bug
 * and propagates.
 */

type Command = (doc: MapDoc, prng: Prng) => void;

const LABELS = ['Triage referral', 'Book clinic', 'Check NHS number', 'Scan letter', 'Review'];
const DATA = ['NHS number', 'Address', 'Date of birth', 'Reason for referral'];

const roles = (doc: MapDoc) => doc.getSnapshot().roles.map((r) => r.id);
const steps = (doc: MapDoc) => doc.getSnapshot().steps.map((s) => s.id);
const flows = (doc: MapDoc) => doc.getSnapshot().flows.map((f) => f.id);
const comments = (doc: MapDoc) => (doc.getSnapshot().comments ?? []).map((c) => c.id);
const scenarios = (doc: MapDoc) => (doc.getSnapshot().scenarios ?? []).map((s) => s.id);
const ideas = (doc: MapDoc) =>
  (doc.getSnapshot().comments ?? []).filter((c) => c.kind === 'idea').map((c) => c.id);
const votable = (doc: MapDoc) =>
  (doc.getSnapshot().comments ?? [])
    .filter((c) => c.kind === 'pain-point' || c.kind === 'idea')
    .map((c) => c.id);

/** The voter a peer votes as: its own actor name, so each voter's votes come from one peer. */
export const voterOf = (doc: MapDoc): string => doc.origins.user.actor;
/** A voter every peer may vote as (one person on several devices): last write wins. */
export const SHARED_VOTER = 'voter-shared';

function withOne<T>(list: readonly T[], prng: Prng, run: (item: T) => void): void {
  if (list.length > 0) run(prng.pick(list));
}

const COMMANDS: readonly [weight: number, name: string, run: Command][] = [
  [4, 'addRole', (d, p) => void d.addRole({ name: `Role ${p.int(1, 99)}`, index: p.int(0, 5) })],
  [
    2,
    'renameRole',
    (d, p) => withOne(roles(d), p, (id) => d.renameRole(id, `Lane ${p.int(1, 99)}`)),
  ],
  [
    1,
    'recolourRole',
    (d, p) =>
      withOne(roles(d), p, (id) => d.recolourRole(id, p.pick(['#4f7cff', '#e5484d', undefined]))),
  ],
  [2, 'moveRole', (d, p) => withOne(roles(d), p, (id) => d.moveRole(id, p.int(0, 6)))],
  [
    2,
    'deleteRole',
    (d, p) =>
      withOne(roles(d), p, (id) => {
        const others = roles(d).filter((r) => r !== id);
        const choice = p.int(0, 2);
        if (choice === 0) d.deleteRole(id);
        else if (choice === 1 && others.length > 0) d.deleteRole(id, { moveTo: p.pick(others) });
        else d.deleteRole(id, 'delete');
      }),
  ],
  [
    8,
    'addStep',
    (d, p) =>
      withOne(roles(d), p, (roleId: RoleId) =>
        d.addStep({
          roleId,
          kind: p.pick(STEP_KINDS),
          label: p.pick(LABELS),
          processTime: p.int(0, 60),
        }),
      ),
  ],
  [
    4,
    'addNextStep',
    (d, p) => withOne(steps(d), p, (id) => void d.addNextStep(id, { label: p.pick(LABELS) })),
  ],
  [
    8,
    'updateStep',
    (d, p) =>
      withOne(steps(d), p, (id: StepId) => {
        const patches = [
          { label: `${p.pick(LABELS)} ${p.int(1, 9)}` },
          { processTime: p.int(0, 120) },
          { waitTime: p.chance(0.2) ? undefined : p.int(0, 2000) },
          { valueClass: p.pick(VALUE_CLASSES) },
          { activity: p.pick(ACTIVITIES) },
          { completeAccurate: p.int(0, 100) / 100 },
          { dataEntered: p.shuffle(DATA).slice(0, p.int(0, 3)) },
          { kind: p.pick(STEP_KINDS) },
          { notes: p.chance(0.5) ? 'Letters wait for the weekly batch' : undefined },
        ];
        d.updateStep(id, p.pick(patches));
      }),
  ],
  [
    3,
    'moveStepToRole',
    (d, p) =>
      withOne(steps(d), p, (id) => withOne(roles(d), p, (role) => d.moveStepToRole(id, role))),
  ],
  [
    3,
    'moveStep',
    (d, p) => withOne(steps(d), p, (id) => d.moveStep(id, { x: p.int(0, 2000), y: p.int(0, 800) })),
  ],
  [3, 'deleteSteps', (d, p) => withOne(steps(d), p, (id) => void d.deleteSteps([id]))],
  [
    6,
    'connect',
    (d, p) =>
      withOne(steps(d), p, (from) =>
        withOne(
          steps(d),
          p,
          (to) => void d.connect(from, to, p.chance(0.3) ? { probability: p.int(0, 10) / 10 } : {}),
        ),
      ),
  ],
  [2, 'disconnect', (d, p) => withOne(flows(d), p, (id: FlowId) => d.disconnect(id))],
  [
    2,
    'relabelFlow',
    (d, p) => withOne(flows(d), p, (id) => d.relabelFlow(id, p.pick(['Yes', 'No', undefined]))),
  ],
  [
    2,
    'updateFlow',
    (d, p) => withOne(flows(d), p, (id) => d.updateFlow(id, { probability: p.int(0, 10) / 10 })),
  ],
  [
    1,
    'updateSettings',
    (d, p) =>
      d.updateSettings({
        hoursPerDay: p.pick([7, 7.5, 8]),
        demand: { count: p.int(1, 80), per: 'day' },
      }),
  ],
  [1, 'updateMeta', (d, p) => d.updateMeta({ title: `Map ${p.int(1, 9)}` })],
  [
    5,
    'addComment',
    (d, p) => {
      const targets = [...steps(d), ...flows(d)];
      const targetId = targets.length > 0 && p.chance(0.8) ? p.pick(targets) : undefined;
      d.addComment({
        kind: p.pick(COMMENT_KINDS),
        author: 'Analyst',
        text: 'Why twice?',
        ...(p.chance(0.3) ? { waste: p.pick(WASTES) } : {}),
        ...(targetId ? { targetId } : {}),
      });
    },
  ],
  [
    1,
    'addReply',
    (d, p) => withOne(comments(d), p, (id) => d.addReply(id, { author: 'Clerk', text: 'Agreed' })),
  ],
  [
    1,
    'resolveComment',
    (d, p) => withOne(comments(d), p, (id) => d.updateComment(id, { resolved: p.chance(0.5) })),
  ],
  [
    2,
    'updateComment',
    (d, p) =>
      withOne(comments(d), p, (id) => {
        const patches = [
          { text: `Seen ${p.int(1, 9)} times` },
          { kind: p.pick(COMMENT_KINDS) },
          { waste: p.chance(0.3) ? undefined : p.pick(WASTES) },
          { resolved: p.chance(0.5), text: 'Done' },
        ];
        d.updateComment(id, p.pick(patches));
      }),
  ],
  [1, 'deleteComment', (d, p) => withOne(comments(d), p, (id) => d.deleteComment(id))],
  [
    8,
    'vote',
    (d, p) =>
      withOne(p.chance(0.9) ? votable(d) : comments(d), p, (id) => {
        const voter = p.chance(0.9) ? voterOf(d) : SHARED_VOTER;
        d.vote(id, voter, p.chance(0.75) ? 1 : -1);
      }),
  ],
  // A facilitator's reset is rare in a workshop (and wipes everyone's votes): weight below 1.
  [0.4, 'resetVotes', (d) => void d.resetVotes()],
  [
    0.6,
    'setVotesPerPerson',
    (d, p) => d.updateSettings({ votesPerPerson: p.pick([0, 1, 3, 5, 10, undefined]) }),
  ],
  [
    2,
    'createScenario',
    (d, p) => {
      const from = p.chance(0.7) ? 'as-is' : p.pick(['as-is', ...scenarios(d)]);
      d.createScenario({ name: `To-be ${p.int(1, 9)}`, from });
    },
  ],
  [10, 'scenarioEdit', (d, p) => withOne(scenarios(d), p, (id) => editScenario(d, id, p))],
  [
    1,
    'renameScenario',
    (d, p) =>
      withOne(scenarios(d), p, (id) => d.updateScenario(id, { name: `Plan ${p.int(1, 9)}` })),
  ],
  [1, 'deleteScenario', (d, p) => withOne(scenarios(d), p, (id) => d.deleteScenario(id))],
  [
    1.5,
    'linkIdea',
    (d, p) =>
      withOne(scenarios(d), p, (id) =>
        withOne(ideas(d), p, (idea) => d.linkIdea(id, idea, p.chance(0.75))),
      ),
  ],
  [5, 'undo', (d) => void d.undo()],
  [3, 'redo', (d) => void d.redo()],
];

/**
 * One edit of a scenario through the same commands the as-is takes, picked from what the
 * scenario holds. The as-is must come out of it untouched (the same objects): an edit that
 * reached it is a bug, thrown as one.
 */
function editScenario(d: MapDoc, id: string, p: Prng): void {
  const process = d.process(id);
  const shown = d.getSnapshot().scenarios?.find((s) => s.id === id);
  if (!shown) return;
  const before = d.getSnapshot();
  const own = {
    roles: shown.roles.map((r) => r.id),
    steps: shown.steps.map((s) => s.id),
    flows: shown.flows.map((f) => f.id),
  };
  const edits: (() => void)[] = [
    () =>
      withOne(own.roles, p, (roleId) =>
        process.addStep({ roleId, kind: p.pick(STEP_KINDS), label: p.pick(LABELS) }),
      ),
    () =>
      withOne(own.steps, p, (step) =>
        process.updateStep(
          step,
          p.pick([{ processTime: p.int(0, 90) }, { label: p.pick(LABELS) }]),
        ),
      ),
    () => withOne(own.steps, p, (step) => void process.deleteSteps([step])),
    () =>
      withOne(own.steps, p, (from) =>
        withOne(own.steps, p, (to) => void process.connect(from, to)),
      ),
    () => withOne(own.flows, p, (flow) => process.disconnect(flow)),
    () =>
      withOne(own.steps, p, (step) =>
        withOne(own.roles, p, (role) => process.moveStepToRole(step, role)),
      ),
    () => void process.addRole({ name: `Role ${p.int(1, 99)}` }),
    () => process.updateSettings({ demand: { count: p.int(1, 80), per: 'day' } }),
  ];
  p.pick(edits)();
  const after = d.getSnapshot();
  for (const list of ['roles', 'steps', 'flows', 'comments', 'settings'] as const) {
    if (after[list] !== before[list]) {
      throw new Error(`an edit of scenario ${id} changed the as-is's ${list}`);
    }
  }
}

const TOTAL = COMMANDS.reduce((sum, [w]) => sum + w, 0);

/** Runs one random command on a peer; returns its name. DocErrors are expected refusals. */
export function runRandomCommand(doc: MapDoc, prng: Prng): string {
  let roll = prng.next() * TOTAL;
  for (const [weight, name, run] of COMMANDS) {
    roll -= weight;
    if (roll < 0) {
      try {
        run(doc, prng);
      } catch (error) {
        if (!(error instanceof DocError)) throw error;
      }
      return name;
    }
  }
  return 'none';
}
