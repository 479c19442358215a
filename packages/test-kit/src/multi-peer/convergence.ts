import type { MapDoc } from '@procmap/doc';
import {
  commentId,
  type NormalizeResult,
  normalize,
  type ProcessMap,
  scenarioMap,
  validateMap,
  type Votes,
} from '@procmap/model';
import * as Y from 'yjs';
import { createPrng, type Prng } from '../prng';
import { SimNetwork } from './network';
import { runRandomCommand, voterOf } from './random-commands';

export interface ConvergenceOptions {
  readonly seed: number;
  readonly peers?: number;
  /** Number of random actions: commands, deliveries, disconnects and reconnects. */
  readonly actions?: number;
}

export interface ConvergenceReport {
  readonly seed: number;
  /** How many replicas differ from peer 0 after settling (0 when converged). */
  readonly divergent: number;
  /** Steps in the document that normalize() left out of the view (must be 0). */
  readonly lostSteps: number;
  /** Validation errors in the normalized view (must be none). */
  readonly viewErrors: readonly string[];
  readonly commands: Readonly<Record<string, number>>;
  readonly disconnects: number;
  readonly final: ProcessMap;
  /** Comments that disappeared other than by deleteComment or an undo/redo (must be none). */
  readonly lostComments: readonly string[];
  /** Comments in the document that normalize() left out of the view (must be 0). */
  readonly commentsLostInView: number;
  /** Voters' own last votes on a comment that the converged map does not show (must be none). */
  readonly voteMismatches: readonly string[];
  /** How many (comment, voter) pairs the check above could compare (see CommentLedger). */
  readonly votesChecked: number;
  /**
   * Scenarios gone other than by deleteScenario or an undo/redo; deleted ones back as the same
   * Yjs item; scenarios not whole (no name, a part missing); or whose process, normalized, is
   * invalid or hides steps (must be none).
   */
  readonly scenarioProblems: readonly string[];
  /** Scenarios in the converged map. */
  readonly scenariosAtEnd: number;
  /** The closing round: every peer votes on and replies to one idea at once, then all sync. */
  readonly round: { readonly voters: number; readonly votes: number; readonly replies: number };
}

type CommentView = Map<string, Votes | undefined>;

/** Each comment a peer sees, with its votes. */
function commentView(doc: MapDoc): CommentView {
  return new Map((doc.getSnapshot().comments ?? []).map((c) => [c.id, c.votes]));
}

/** Commands that may remove a comment: deleting it, or taking back its creation. */
const REMOVES_COMMENTS = new Set(['deleteComment', 'undo', 'redo']);

/**
 * Watches every command's effect on comments on the peer that ran it. A comment that
 * disappears other than by deleteComment (or undo/redo, which take back an add or redo a
 * delete) is lost. For votes: each peer votes as its own voter, so the last value a peer wrote
 * for its own voter on a comment must be the converged value, unless another peer changed that
 * same (comment, voter) entry in its own view (a facilitator's reset, an undo restoring votes,
 * the shared voter) or the comment itself was deleted and restored: those are legitimate
 * conflicts and are not checked. Votes of different voters never conflict, so they must add up.
 */
class CommentLedger {
  private readonly seen = new Set<string>();
  private readonly removed = new Set<string>();
  readonly lost: string[] = [];
  private readonly own = new Map<string, number>();
  private readonly touched = new Set<string>();
  private readonly reappeared = new Set<string>();

  record(doc: MapDoc, command: string, before: CommentView, after: CommentView): void {
    const voter = voterOf(doc);
    for (const id of before.keys()) {
      if (after.has(id)) continue;
      if (REMOVES_COMMENTS.has(command)) this.removed.add(id);
      else this.lost.push(`${command} removed comment ${id}`);
    }
    for (const id of after.keys()) {
      if (before.has(id)) continue;
      if (this.seen.has(id)) this.reappeared.add(id);
      this.seen.add(id);
    }
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(id) ?? {};
      const now = after.get(id) ?? {};
      for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
        const value = now[key] ?? 0;
        if ((was[key] ?? 0) === value) continue;
        if (key === voter) this.own.set(`${id}\u0000${key}`, value);
        else this.touched.add(`${id}\u0000${key}`);
      }
    }
  }

  /** Comments created and never explicitly removed that the final map lacks. */
  missing(final: ProcessMap): string[] {
    const present = new Set((final.comments ?? []).map((c) => c.id as string));
    return [...this.seen]
      .filter((id) => !this.removed.has(id) && !present.has(id))
      .map((id) => `comment ${id} is gone`);
  }

  /** Compares each voter's own last write with the final map; returns mismatches and checks. */
  checkVotes(final: ProcessMap): { mismatches: string[]; checked: number } {
    const byId = new Map((final.comments ?? []).map((c) => [c.id as string, c]));
    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, value] of this.own) {
      const [id, voter] = key.split('\u0000') as [string, string];
      const comment = byId.get(id);
      if (!comment || this.reappeared.has(id) || this.touched.has(key)) continue;
      checked++;
      const actual = comment.votes?.[voter] ?? 0;
      if (actual !== value) {
        mismatches.push(
          `comment ${id}: ${voter} last wrote ${value} votes, the map shows ${actual}`,
        );
      }
    }
    return { mismatches, checked };
  }
}

/** Commands that may remove a scenario: deleting it, or taking back its creation. */
const REMOVES_SCENARIOS = new Set(['deleteScenario', 'undo', 'redo']);

/** The Yjs item holding each scenario a peer sees ("client:clock"). */
function scenarioItems(doc: MapDoc): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, item] of doc.maps.scenarios._map) {
    if (!item.deleted) out.set(id, `${item.id.client}:${item.id.clock}`);
  }
  return out;
}

/**
 * Watches every command's effect on scenarios on the peer that ran it (as CommentLedger does
 * for comments): one that disappears other than by deleteScenario, undo or redo is lost; the
 * item a deleteScenario removed must never hold the scenario again (an undo brings a scenario
 * back as a new item, whole).
 */
class ScenarioLedger {
  private readonly seen = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly deletedItems = new Set<string>();
  readonly lost: string[] = [];

  record(command: string, before: Map<string, string>, after: Map<string, string>): void {
    for (const [id, item] of before) {
      if (after.get(id) === item) continue;
      if (after.has(id)) continue; // replaced by an undo or redo: a new item
      if (REMOVES_SCENARIOS.has(command)) {
        this.removed.add(id);
        if (command === 'deleteScenario') this.deletedItems.add(`${id}@${item}`);
      } else {
        this.lost.push(`${command} removed scenario ${id}`);
      }
    }
    for (const id of after.keys()) this.seen.add(id);
  }

  problems(final: MapDoc): string[] {
    const out = [...this.lost];
    const items = scenarioItems(final);
    for (const id of this.seen) {
      if (!this.removed.has(id) && !items.has(id)) out.push(`scenario ${id} is gone`);
    }
    for (const [id, item] of items) {
      if (this.deletedItems.has(`${id}@${item}`)) out.push(`deleted scenario ${id} came back`);
    }
    return out;
  }
}

/** Each scenario of the converged map whole, and its process valid once normalized. */
function scenarioViewProblems(doc: MapDoc): string[] {
  const out: string[] = [];
  const final = doc.getSnapshot();
  for (const [id, record] of doc.maps.scenarios) {
    if (!(record instanceof Y.Map) || typeof record.get('name') !== 'string') {
      out.push(`scenario ${id} has no name`);
      continue;
    }
    for (const part of ['roles', 'steps', 'flows']) {
      if (!(record.get(part) instanceof Y.Map)) out.push(`scenario ${id} lacks its ${part}`);
    }
    const found = scenarioMap(final, id);
    if (!found.ok) {
      out.push(`scenario ${id}: ${found.message}`);
      continue;
    }
    const view = normalize(found.map);
    const shown = new Set(view.map.steps.map((s) => s.id));
    const hidden = found.map.steps.filter((s) => !shown.has(s.id)).length;
    if (hidden > 0) out.push(`scenario ${id}: normalize() hid ${hidden} steps`);
    for (const p of validateMap(view.map).problems) {
      if (p.severity === 'error') out.push(`scenario ${id}: ${p.path}: ${p.message}`);
    }
  }
  return out;
}

/**
 * One seeded run: random commands (undo and redo among them) on random peers, random delivery
 * order, random disconnects and reconnects; then everyone reconnects, every message arrives,
 * and the replicas are compared.
 */
export function runConvergence(options: ConvergenceOptions): ConvergenceReport {
  const prng = createPrng(options.seed);
  const net = new SimNetwork(options.peers ?? 5, prng);
  const commands: Record<string, number> = {};
  let disconnects = 0;
  const ledger = new CommentLedger();
  const scenarioLedger = new ScenarioLedger();
  const actions = options.actions ?? 120;
  for (let i = 0; i < actions; i++) {
    const roll = prng.next();
    const peer = prng.pick(net.peers);
    if (roll < 0.55) {
      const before = commentView(peer.doc);
      const scenariosBefore = scenarioItems(peer.doc);
      const name = runRandomCommand(peer.doc, prng);
      ledger.record(peer.doc, name, before, commentView(peer.doc));
      scenarioLedger.record(name, scenariosBefore, scenarioItems(peer.doc));
      commands[name] = (commands[name] ?? 0) + 1;
    } else if (roll < 0.9) {
      for (let n = prng.int(1, 4); n > 0; n--) net.deliverOne(prng);
    } else if (roll < 0.96) {
      if (peer.online) disconnects++;
      net.disconnect(peer.index);
    } else {
      net.reconnect(peer.index);
    }
  }
  net.settle(prng);

  const divergent = countDivergent(net);
  const final = net.peers[0]!.doc.getSnapshot();
  // The as-is's view; each scenario's is checked on its own below.
  const { scenarios: _scenarios, ...asIs } = final;
  const view: NormalizeResult = normalize(asIs as ProcessMap);
  const shown = new Set(view.map.steps.map((s) => s.id));
  const lostSteps = final.steps.filter((s) => !shown.has(s.id)).length;
  const commentsLostInView = (final.comments?.length ?? 0) - (view.map.comments?.length ?? 0);
  const checked = validateMap(view.map);
  const viewErrors = checked.problems
    .filter((p) => p.severity === 'error' || p.code !== 'probability-sum')
    .map((p) => `${p.path}: ${p.message}`);
  const lostComments = [...ledger.lost, ...ledger.missing(final)];
  const votes = ledger.checkVotes(final);
  const scenarioProblems = [
    ...scenarioLedger.problems(net.peers[0]!.doc),
    ...scenarioViewProblems(net.peers[0]!.doc),
  ];
  const round = votingRound(net, prng);
  net.destroy();
  return {
    seed: options.seed,
    divergent: Math.max(divergent, round.divergent),
    lostSteps,
    viewErrors,
    commands,
    disconnects,
    final,
    lostComments,
    commentsLostInView,
    voteMismatches: votes.mismatches,
    votesChecked: votes.checked,
    scenarioProblems,
    scenariosAtEnd: final.scenarios?.length ?? 0,
    round: { voters: round.voters, votes: round.votes, replies: round.replies },
  };
}

/** How many replicas differ from peer 0 (snapshot or state vector). */
function countDivergent(net: SimNetwork): number {
  const docs = net.peers.map((p) => p.doc);
  const reference = docs[0]!;
  const referenceJson = JSON.stringify(reference.getSnapshot());
  const referenceVector = Y.encodeStateVector(reference.ydoc).toString();
  return docs.filter(
    (d) =>
      JSON.stringify(d.getSnapshot()) !== referenceJson ||
      Y.encodeStateVector(d.ydoc).toString() !== referenceVector,
  ).length;
}

/**
 * After the random run has settled: one idea on the map, then every peer votes on it and
 * replies to it at the same time (no delivery in between), one peer resolves it and another
 * edits its text; after syncing, every vote and every reply must be there on every replica.
 */
function votingRound(
  net: SimNetwork,
  prng: Prng,
): { voters: number; votes: number; replies: number; divergent: number } {
  const first = net.peers[0]!.doc;
  first.updateSettings({ votesPerPerson: 3 });
  const id = first.addComment({ id: 'closing-round', kind: 'idea', author: 'Lead', text: 'Go' });
  net.settle(prng);
  net.peers.forEach((peer, i) => {
    peer.doc.vote(commentId(id), `round-voter-${i}`, 1);
    peer.doc.addReply(commentId(id), { author: `Peer ${i}`, text: '+1' });
    if (i === 1) peer.doc.updateComment(commentId(id), { resolved: true });
    if (i === 2) peer.doc.updateComment(commentId(id), { text: 'Go digital' });
  });
  net.settle(prng);
  const comment = net.peers[0]!.doc.getSnapshot().comments?.find((c) => c.id === id);
  return {
    voters: Object.keys(comment?.votes ?? {}).length,
    votes: Object.values(comment?.votes ?? {}).reduce((a, n) => a + n, 0),
    replies: comment?.replies?.length ?? 0,
    divergent: countDivergent(net),
  };
}
