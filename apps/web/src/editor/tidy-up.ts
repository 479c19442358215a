import type { MapDoc } from '@procmap/doc';
import { type ElkLike, layoutMap } from '@procmap/layout';
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { GEOMETRY } from './lane-geometry';

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
  doc: MapDoc,
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
    // Only the steps that still exist: a colleague may have deleted one while ELK was busy.
    const current = new Set(doc.getSnapshot().steps.map((s) => s.id));
    const positions = [...result.positions]
      .filter(([id]) => current.has(id))
      .map(([id, p]) => ({ id, position: { x: Math.round(p.x), y: 0 } }));
    doc.applyLayout(positions);
    return positions.length;
  } finally {
    stop();
  }
}
