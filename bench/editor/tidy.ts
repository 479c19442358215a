import type { Page } from '@playwright/test';
import type { ProcessMap } from '@procmap/model';
import { type BenchResult, entry, median, round3 } from '../harness';
import { chainMap, plausibleMap } from './maps';
import { type LongTask, probe } from './probe';
import { type EditorSession, log, openEditor, positionedSteps, sleep, uploadMap } from './session';

/*
 * "Tidy up" (Alt+T) in the browser: ELK runs in a Web Worker, the result is applied as one
 * edit and the view is fitted to it. Each run opens a freshly uploaded copy of the map, records
 * every main-thread long task (PerformanceObserver, type "longtask": over 50 ms) from the key
 * press until the page is quiet again, and the time until the progress bar is gone.
 */

const BUDGET_MS = 50;
const TIDY_STEPS = 1000;
const CHAIN_STEPS = 5000;
const HINT_OF_FAILURE = 'Could not tidy up';

export interface TidyRun {
  /** From the key press until the progress bar is gone and the button reads "Tidy up". */
  readonly tidyMs: number;
  /** From the key press until the page renders quietly again (the fit animation included). */
  readonly settledMs: number;
  readonly longTasks: readonly LongTask[];
  readonly longestMs: number;
  /** Steps whose place on the canvas changed (a chain that is already tidy moves none). */
  readonly moved: number;
  /** Steps with a saved position on the server afterwards (every step, once tidied). */
  readonly saved: number;
  /** Opening the map: navigation until connected, every step drawn and the page quiet. */
  readonly openMs: number;
  /** Why the run failed (an error hint, a page error, a timeout), or undefined. */
  readonly failure?: string;
}

async function tidyOnce(
  session: EditorSession,
  map: ProcessMap,
  timeoutMs: number,
): Promise<TidyRun> {
  const steps = map.steps.length;
  const opening = performance.now();
  const url = await uploadMap(session.server, map);
  const editor = await openEditor(session.browser, url, steps, timeoutMs);
  const openMs = performance.now() - opening;
  const page: Page = editor.page;
  try {
    const before = await probe.places(page);
    const t0 = await probe.now(page);
    await page.keyboard.press('Alt+t');
    let failure: string | undefined;
    let doneAt = Number.NaN;
    if ((await probe.until(page, 'tidying', 0, 10_000)) === null) {
      failure = 'tidy up did not start';
    } else {
      doneAt = (await probe.until(page, 'tidied', 0, timeoutMs)) ?? Number.NaN;
      if (Number.isNaN(doneAt)) failure = `tidy up still running after ${timeoutMs} ms`;
    }
    await probe.quiet(page, 10, 25, 20_000);
    const end = await probe.now(page);
    const after = await probe.places(page);
    const moved = Object.keys(before).filter((id) => after[id] !== before[id]).length;
    const status = (await probe.text(page, 'status-line')) ?? '';
    if (status.includes(HINT_OF_FAILURE)) failure = `error hint: ${status}`;
    else if (editor.errors.length > 0) failure = `page error: ${editor.errors.join('; ')}`;
    // Tidy up saves every step's position: wait until the server has them all.
    let saved = 0;
    for (const waitUntil = Date.now() + 15_000; !failure && Date.now() < waitUntil; ) {
      saved = await positionedSteps(session.server, url);
      if (saved === steps) break;
      await sleep(200);
    }
    if (!failure && saved !== steps) failure = `only ${saved} of ${steps} positions saved`;
    const longTasks = (await probe.longTasks(page)).filter((t) => t.start >= t0 && t.start <= end);
    return {
      tidyMs: doneAt - t0,
      settledMs: end - t0,
      longTasks,
      longestMs: Math.max(0, ...longTasks.map((t) => t.duration)),
      moved,
      saved,
      openMs,
      ...(failure ? { failure } : {}),
    };
  } finally {
    await editor.close();
  }
}

const summarize = (label: string, run: TidyRun) =>
  `${label}: tidy ${Math.round(run.tidyMs)} ms, settled ${Math.round(run.settledMs)} ms, ` +
  `${run.longTasks.length} long tasks, longest ${Math.round(run.longestMs)} ms, ` +
  `${run.moved} steps moved, ${run.saved} positions saved, opened in ${Math.round(run.openMs)} ms` +
  (run.failure ? `, FAILED: ${run.failure}` : '');

/**
 * editor.tidy-1000: the longest main-thread task while tidying up 1,000 steps, against the
 * 50 ms long-task budget; editor.chain-5000: tidying a 5,000-step chain completes, and its time
 * against the 1,000-step tidy.
 */
export async function tidyBenchmarks(
  session: EditorSession,
  options: { readonly rounds?: number } = {},
): Promise<BenchResult[]> {
  const rounds = options.rounds ?? 2;
  const runs: TidyRun[] = [];
  for (let i = 0; i < rounds; i++) {
    const run = await tidyOnce(session, plausibleMap(TIDY_STEPS), 60_000);
    log(summarize(`tidy ${TIDY_STEPS} #${i + 1}`, run));
    if (run.failure) throw new Error(`tidying up ${TIDY_STEPS} steps failed: ${run.failure}`);
    runs.push(run);
  }
  const worst = Math.max(...runs.map((r) => r.longestMs));
  const tidyMedian = median(runs.map((r) => r.tidyMs));
  const tidy = entry({
    name: 'editor.tidy-1000',
    measured:
      `Longest main-thread task (PerformanceObserver "longtask") from pressing Alt+T on a ` +
      `${TIDY_STEPS}-step map until the page is quiet again, worst of ${rounds} runs (each on a ` +
      `fresh copy), against the ${BUDGET_MS} ms long-task budget`,
    subject: {
      label: 'longest main-thread task during Tidy up',
      medianMs: round3(worst),
      samples: runs.reduce((n, r) => n + r.longTasks.length, 0),
      details: {
        tidyMedianMs: round3(tidyMedian),
        settledMedianMs: round3(median(runs.map((r) => r.settledMs))),
        longTasksPerRun: round3(median(runs.map((r) => r.longTasks.length))),
        longTaskTotalMedianMs: round3(
          median(runs.map((r) => r.longTasks.reduce((s, t) => s + t.duration, 0))),
        ),
        openMedianMs: round3(median(runs.map((r) => r.openMs))),
      },
    },
    reference: { label: 'long-task budget', medianMs: BUDGET_MS },
    rounds,
    goal: 1,
    details: {
      longestPerRunMs: runs.map((r) => Math.round(r.longestMs)).join(', '),
      longTasksOfWorstRunMs: (runs.find((r) => r.longestMs === worst)?.longTasks ?? [])
        .map((t) => Math.round(t.duration))
        .join(', '),
    },
  });

  const chain = await tidyOnce(session, chainMap(CHAIN_STEPS), 150_000);
  log(summarize(`chain ${CHAIN_STEPS}`, chain));
  const chainResult: BenchResult = {
    ...entry({
      name: 'editor.chain-5000',
      measured:
        `Tidy up of a ${CHAIN_STEPS}-step straight chain (3 lanes, a handoff every 100 steps): ` +
        `key press until the progress bar is gone, with no error hint or page error, against ` +
        `the ${TIDY_STEPS}-step tidy up (median of editor.tidy-1000's runs)`,
      subject: {
        label: `tidy up, ${CHAIN_STEPS}-step chain`,
        medianMs: round3(chain.tidyMs),
        details: {
          settledMs: round3(chain.settledMs),
          longestTaskMs: round3(chain.longestMs),
          longTasks: chain.longTasks.length,
          openMs: round3(chain.openMs),
          moved: chain.moved,
        },
      },
      reference: { label: `tidy up, ${TIDY_STEPS}-step map`, medianMs: round3(tidyMedian) },
      rounds: 1,
    }),
  };
  const outcome = chain.failure ? `failed: ${chain.failure}` : 'completed';
  if (chain.failure) log(`editor.chain-5000 FAILED: ${chain.failure}`);
  return [tidy, { ...chainResult, details: { outcome } }];
}
