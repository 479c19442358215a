import { type BenchResult, entry, round3 } from '../harness';
import { startCrowd } from './crowd';
import { dragRounds, logSides, pickStep, type Side, summary } from './drag';
import { plausibleMap } from './maps';
import { type EditorSession, log, openEditor, uploadMap } from './session';

/*
 * editor.drag-crowd-500: dragging one step on a 500-step map while 20 other participants move
 * their cursors at 30 Hz (their cursors drawn on this page), against the same drag on the same
 * map with nobody else there. Two copies of the map, one page each, drags alternating.
 */

const STEPS = 500;
const PEOPLE = 20;

export async function crowdDragBenchmark(
  session: EditorSession,
  rounds = 6,
  warmup = 1,
): Promise<BenchResult> {
  const sides: (Side & { crowd: number })[] = [
    {
      label: `${STEPS} steps, ${PEOPLE} others moving`,
      steps: STEPS,
      crowd: PEOPLE,
      direction: 1,
      frames: [],
      perDragP95: [],
    },
    {
      label: `${STEPS} steps, alone`,
      steps: STEPS,
      crowd: 0,
      direction: 1,
      frames: [],
      perDragP95: [],
    },
  ];
  const closers: (() => Promise<void> | void)[] = [];
  let sent = 0;
  let seconds = 0;
  try {
    const map = plausibleMap(STEPS);
    for (const side of sides) {
      const url = await uploadMap(session.server, map);
      const editor = await openEditor(session.browser, url, side.steps);
      closers.push(editor.close);
      side.page = editor.page;
      side.stepId = await pickStep(editor.page);
      if (side.crowd > 0) {
        const crowd = await startCrowd(
          url,
          side.crowd,
          map.steps.map((s) => s.id),
        );
        const began = performance.now();
        closers.push(() => {
          sent = crowd.sent();
          seconds = (performance.now() - began) / 1000;
          crowd.stop();
        });
        // Their cursors must really be on this page before measuring.
        const cursors = editor.page.locator('[data-testid="peer-cursor"]');
        const deadline = Date.now() + 30_000;
        while ((await cursors.count()) < side.crowd) {
          if (Date.now() > deadline) throw new Error("the crowd's cursors never appeared");
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
    await dragRounds(sides, rounds, warmup);
  } finally {
    for (const close of closers.reverse()) await close();
  }
  logSides(sides);
  log(
    `the crowd sent ${sent} cursor updates in ${seconds.toFixed(1)} s (${(sent / Math.max(seconds, 1)).toFixed(0)}/s)`,
  );
  const [subject, reference] = sides.map(summary) as [
    ReturnType<typeof summary>,
    ReturnType<typeof summary>,
  ];
  return entry({
    name: 'editor.drag-crowd-500',
    measured:
      `p95 frame interval while dragging one step on a ${STEPS}-step map with ${PEOPLE} other ` +
      `participants moving their cursors at 30 Hz, vs the same drag with nobody else on the map`,
    subject,
    reference,
    rounds,
    goal: 1.2,
    details: { cursorUpdatesPerSecond: round3(sent / Math.max(seconds, 1)) },
  });
}
