import type { ProcessDoc } from '@procmap/doc';
import type { Position, StepId } from '@procmap/model';
import { type ElkLike, layoutMap } from '@procmap/layout';
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { GEOMETRY } from '@procmap/layout';

/**
 * ELK in a classic Web Worker (elk-api.js + the worker file emitted as an asset; never the
 * bundled build on the page). elk-api.js would wait forever on a worker that failed to load, so
 * the worker's own error rejects the layout instead.
 */
function elkInWorker(): { elk: ElkLike; failed: Promise<never>; stop: () => void } {
  let worker: Worker | undefined;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {}); // handled by whoever races it
  const elk = new ELK({
    workerUrl: elkWorkerUrl,
    workerFactory: (url?: string) => {
      worker = new Worker(url ?? elkWorkerUrl);
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(new Error('the layout engine could not start'));
      });
      return worker;
    },
  });
  return { elk, failed, stop: () => elk.terminateWorker() };
}

/**
 * Tidy up: lays out the current map (ELK orders the flow, `@procmap/layout` puts each step in
 * its role's lane) and applies every step's position as one undoable edit. The canvas derives y
 * from the lane and stores x relative to the lane headers, so only x is kept: steps that share a
 * column in one lane are stacked into rows by the lane geometry.
 */
export async function tidyUp(
  doc: ProcessDoc,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const map = doc.getSnapshot();
  if (map.steps.length === 0) return 0;
  const { elk, failed, stop } = elkInWorker();
  try {
    const g = GEOMETRY;
    const result = await Promise.race([
      layoutMap(map, elk, {
        nodeWidth: g.stepWidth,
        nodeHeight: g.stepHeight,
        columnGap: g.columnWidth - g.stepWidth,
        rowGap: g.rowGap,
        lanePadding: g.lanePadding,
        // x = firstColumn + column × columnWidth, as the canvas places untouched steps
        laneHeaderWidth: g.firstColumn - g.lanePadding,
        onProgress,
      }),
      failed,
    ]);
    const positions = [...result.positions].map(([id, p]) => ({
      id,
      position: { x: Math.round(p.x), y: 0 },
    }));
    return await applyInSlices(doc, positions);
  } finally {
    stop();
  }
}

/** Steps written per task: writing 1,000 positions at once is one long task of its own. */
const SLICE = 125;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes the positions a slice per task, as ONE undoable edit: each slice is a transaction with
 * the `layout` origin, and while they are written the undo manager merges them into the step the
 * first one started (its capture timeout is raised; it is 0 otherwise, see @procmap/doc's undo).
 * A step deleted meanwhile (by a colleague) is skipped. Should the user edit the map between two
 * slices, their edit stays its own step and the remaining slices become a second one.
 */
async function applyInSlices(
  doc: ProcessDoc,
  positions: readonly { readonly id: StepId; readonly position: Position }[],
): Promise<number> {
  const undo = doc.undoManager;
  const timeout = undo.captureTimeout;
  const capture = undo.captureTransaction;
  let interrupted = false;
  undo.captureTransaction = (tr) => {
    if (tr.origin === doc.origins.user) {
      undo.stopCapturing(); // the user's edit is a step of its own
      interrupted = true;
    }
    return capture(tr);
  };
  undo.stopCapturing(); // the first slice starts a new undo step…
  undo.captureTimeout = Number.POSITIVE_INFINITY; // …and the others join it
  let written = 0;
  try {
    for (let from = 0; from < positions.length; from += SLICE) {
      if (from > 0) await nextTask();
      if (interrupted) {
        undo.stopCapturing();
        interrupted = false;
      }
      // Only the steps that still exist: a colleague may have deleted one since ELK started.
      const slice = positions.slice(from, from + SLICE).filter((p) => doc.hasStep(p.id));
      if (slice.length > 0) doc.applyLayout(slice);
      written += slice.length;
    }
  } finally {
    undo.captureTimeout = timeout;
    undo.captureTransaction = capture;
    undo.stopCapturing();
  }
  return written;
}
