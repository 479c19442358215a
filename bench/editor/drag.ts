import type { Page } from '@playwright/test';
import { type BenchResult, entry, median, percentile, round3 } from '../harness';
import { plausibleMap } from './maps';
import { probe, type StepTarget } from './probe';
import { type EditorSession, log, openEditor, sleep, uploadMap, VIEWPORT } from './session';

/*
 * Dragging one step with the real mouse: press on its centre, move in small steps at about
 * 60 Hz, release. Frame intervals are sampled inside the page from press to release. The big
 * map and the small one are open side by side (one page each); every round drags on both, the
 * order alternating, each drag going the opposite way to the last so the step stays in view.
 */

const SUBJECT_STEPS = 2000;
const REFERENCE_STEPS = 10;
/** Screen pixels per drag, moves per drag, and the pause between moves (a hand at ~60 Hz). */
const DISTANCE = 192;
const MOVES = 48;
const MOVE_INTERVAL_MS = 16;

export interface DragOptions {
  readonly rounds?: number;
  readonly warmup?: number;
}

export interface Side {
  readonly label: string;
  readonly steps: number;
  page?: Page;
  stepId?: string;
  /** +1 drags right next, -1 left. */
  direction: 1 | -1;
  readonly frames: number[];
  readonly perDragP95: number[];
}

/** The first of the first steps whose centre can be pressed and that can move DISTANCE right. */
export async function pickStep(page: Page): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const t = await probe.target(page, `s${i}`);
    if (t?.hit && t.x + DISTANCE + t.width < VIEWPORT.width - 260 && t.y < VIEWPORT.height - 220) {
      return `s${i}`;
    }
  }
  throw new Error('no step of the map is in view to drag');
}

export async function dragOnce(side: Side): Promise<number[]> {
  const page = side.page as Page;
  const target = (await probe.target(page, side.stepId as string)) as StepTarget | null;
  if (!target?.hit) throw new Error(`step ${side.stepId} is not under the mouse any more`);
  const before = await probe.places(page);
  const dx = (side.direction * DISTANCE) / MOVES;
  await page.mouse.move(target.x, target.y);
  await probe.startFrames(page);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(target.x + dx * i, target.y + (i % 2)); // a hand is never quite level
    await sleep(MOVE_INTERVAL_MS);
  }
  await page.mouse.up();
  const frames = await probe.stopFrames(page);
  if (!(await probe.quiet(page, 10, 25, 20_000))) log(`${side.label}: page not quiet after drop`);
  const after = await probe.places(page);
  if (after[side.stepId as string] === before[side.stepId as string]) {
    throw new Error(`${side.label}: the dragged step did not move`);
  }
  side.direction = side.direction === 1 ? -1 : 1;
  return frames;
}

/**
 * Drags on every side, round after round, the order alternating so machine noise hits both
 * alike; the first `warmup` rounds are not kept.
 */
export async function dragRounds(sides: readonly Side[], rounds: number, warmup: number) {
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(round + k) % sides.length] as Side;
      await (side.page as Page).bringToFront();
      const began = performance.now();
      const frames = await dragOnce(side);
      if (round === 0) {
        log(`${side.label}: one drag and drop took ${Math.round(performance.now() - began)} ms`);
      }
      if (round < warmup) continue;
      side.frames.push(...frames);
      side.perDragP95.push(percentile(frames, 95));
    }
  }
}

/** One line per side: frames, p50, p95, max and the p95 of each drag. */
export function logSides(sides: readonly Side[]): void {
  for (const side of sides) {
    log(
      `${side.label}: ${side.frames.length} frames, p50 ${percentile(side.frames, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(side.frames, 95).toFixed(1)} ms, max ${Math.max(...side.frames).toFixed(1)} ms; ` +
        `p95 per drag ${side.perDragP95.map((x) => x.toFixed(0)).join(' ')}`,
    );
  }
}

export const summary = (side: Side) => ({
  label: side.label,
  medianMs: round3(percentile(side.frames, 95)),
  p50Ms: round3(percentile(side.frames, 50)),
  p99Ms: round3(percentile(side.frames, 99)),
  samples: side.frames.length,
  details: {
    p95Ms: round3(percentile(side.frames, 95)),
    maxMs: round3(Math.max(...side.frames)),
    medianOfPerDragP95Ms: round3(median(side.perDragP95)),
    drags: side.perDragP95.length,
  },
});

/** editor.drag-2000: p95 frame interval while dragging on 2,000 steps vs on 10 steps. */
export async function dragBenchmark(
  session: EditorSession,
  options: DragOptions = {},
): Promise<BenchResult> {
  const rounds = options.rounds ?? 6;
  const warmup = options.warmup ?? 1;
  const sides: Side[] = [
    {
      label: `${SUBJECT_STEPS}-step map`,
      steps: SUBJECT_STEPS,
      direction: 1,
      frames: [],
      perDragP95: [],
    },
    {
      label: `${REFERENCE_STEPS}-step map`,
      steps: REFERENCE_STEPS,
      direction: 1,
      frames: [],
      perDragP95: [],
    },
  ];
  const closers: (() => Promise<void>)[] = [];
  try {
    for (const side of sides) {
      const started = performance.now();
      const url = await uploadMap(session.server, plausibleMap(side.steps));
      const editor = await openEditor(session.browser, url, side.steps);
      closers.push(editor.close);
      side.page = editor.page;
      side.stepId = await pickStep(editor.page);
      log(
        `${side.label} open in ${Math.round(performance.now() - started)} ms; dragging ${side.stepId}`,
      );
    }
    await dragRounds(sides, rounds, warmup);
  } finally {
    for (const close of closers) await close();
  }
  logSides(sides);
  const [subject, reference] = sides.map(summary) as [
    ReturnType<typeof summary>,
    ReturnType<typeof summary>,
  ];
  return entry({
    name: 'editor.drag-2000',
    measured:
      `p95 frame interval (requestAnimationFrame) while dragging one step ${DISTANCE} px with ` +
      `the mouse in ${MOVES} moves (~60 Hz), press to release, on a ${SUBJECT_STEPS}-step map ` +
      `vs the same drag on a ${REFERENCE_STEPS}-step map; medianMs is the pooled p95`,
    subject,
    reference,
    rounds,
    goal: 1.2,
    details: {
      p50Ratio: round3(subject.p50Ms / reference.p50Ms),
    },
  });
}
