import { type NormalizeResult, normalize, type ProcessMap, validateMap } from '@procmap/model';
import * as Y from 'yjs';
import { createPrng } from '../prng';
import { SimNetwork } from './network';
import { runRandomCommand } from './random-commands';

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
  const actions = options.actions ?? 120;
  for (let i = 0; i < actions; i++) {
    const roll = prng.next();
    const peer = prng.pick(net.peers);
    if (roll < 0.55) {
      const name = runRandomCommand(peer.doc, prng);
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

  const docs = net.peers.map((p) => p.doc);
  const reference = docs[0]!;
  const referenceJson = JSON.stringify(reference.getSnapshot());
  const referenceVector = Y.encodeStateVector(reference.ydoc).toString();
  const divergent = docs.filter(
    (d) =>
      JSON.stringify(d.getSnapshot()) !== referenceJson ||
      Y.encodeStateVector(d.ydoc).toString() !== referenceVector,
  ).length;
  const final = reference.getSnapshot();
  const view: NormalizeResult = normalize(final);
  const shown = new Set(view.map.steps.map((s) => s.id));
  const lostSteps = final.steps.filter((s) => !shown.has(s.id)).length;
  const checked = validateMap(view.map);
  const viewErrors = checked.problems
    .filter((p) => p.severity === 'error' || p.code !== 'probability-sum')
    .map((p) => `${p.path}: ${p.message}`);
  net.destroy();
  return { seed: options.seed, divergent, lostSteps, viewErrors, commands, disconnects, final };
}
