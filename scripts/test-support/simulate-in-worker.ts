import { parentPort, workerData } from 'node:worker_threads';
import { simulate } from '@procmap/simulation';

/*
 * A Node worker thread that simulates the map it is given, as the server's or a CLI's worker
 * would, and posts the answer back: for the same-seed-everywhere test.
 */

const { map, options } = workerData as { map: unknown; options: object };
parentPort?.postMessage(simulate(map as Parameters<typeof simulate>[0], options));
