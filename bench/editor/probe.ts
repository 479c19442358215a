import type { Page } from '@playwright/test';

/*
 * What the editor benchmarks measure inside the page. The probe is plain JavaScript installed
 * before the app's own scripts (an init script), so it sees every long task from the first one,
 * and it is a string so this Node-side project needs no DOM types. It adds one global,
 * `__procmapBench`, and nothing the app reads.
 */

const PROBE = `(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let frames = null;
  const stepEls = () => document.querySelectorAll('[data-testid="step"]');
  const placeOf = (el) => el.closest('.react-flow__node')?.style.transform ?? '';
  const text = (testId) => document.querySelector('[data-testid="' + testId + '"]')?.textContent;
  const tidyDone = () => !document.querySelector('[data-testid="tidy-progress"]') && text('tidy-up') === 'Tidy up';
  const conditions = {
    // Synced with the server and every step drawn.
    ready: (steps) => text('connection-status') === 'Connected' && stepEls().length === steps,
    tidying: () => !tidyDone(),
    tidied: tidyDone,
  };
  const bench = {
    longTasks,
    now: () => performance.now(),
    // Frame intervals: the difference between consecutive requestAnimationFrame timestamps.
    startFrames() {
      const mine = [];
      frames = mine;
      let last = null;
      const tick = (t) => {
        if (frames !== mine) return;
        if (last !== null) mine.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      const out = frames ?? [];
      frames = null;
      return out;
    },
    // Resolves once \`count\` consecutive frames each took under \`under\` ms (the page is idle).
    quiet(count, under, timeoutMs) {
      return new Promise((resolve) => {
        const deadline = performance.now() + timeoutMs;
        let calm = 0;
        let last = null;
        const tick = (t) => {
          if (last !== null) calm = t - last < under ? calm + 1 : 0;
          last = t;
          if (calm >= count) resolve(true);
          else if (t > deadline) resolve(false);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    stepCount: () => stepEls().length,
    places() {
      const out = {};
      for (const el of stepEls()) out[el.dataset.stepId] = placeOf(el);
      return out;
    },
    // Where a step's centre is on screen, and whether a click there lands on that step.
    target(id) {
      const el = document.querySelector('[data-testid="step"][data-step-id="' + id + '"]');
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return { x, y, width: r.width, height: r.height, hit: !!hit && el.contains(hit) };
    },
    // Resolves with the time when the named condition first holds on a frame, or null on timeout
    // (polled every frame here: the app's content security policy forbids eval-based polling).
    until(name, arg, timeoutMs) {
      const holds = conditions[name];
      return new Promise((resolve) => {
        const deadline = performance.now() + timeoutMs;
        const tick = () => {
          const t = performance.now();
          if (holds(arg)) resolve(t);
          else if (t > deadline) resolve(null);
          else requestAnimationFrame(tick);
        };
        tick();
      });
    },
    text: (testId) => document.querySelector('[data-testid="' + testId + '"]')?.textContent ?? null,
  };
  Object.defineProperty(window, '__procmapBench', { value: bench });
})();`;

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export interface StepTarget {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Whether the element under the centre belongs to the step (nothing covers it). */
  readonly hit: boolean;
}

/** Installs the probe in every document the page loads from now on. */
export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(PROBE);
}

const call = <T>(page: Page, expression: string): Promise<T> =>
  page.evaluate(`window.__procmapBench.${expression}`) as Promise<T>;

/** The typed face of the in-page probe. */
export const probe = {
  now: (page: Page) => call<number>(page, 'now()'),
  startFrames: (page: Page) => call<void>(page, 'startFrames()'),
  stopFrames: (page: Page) => call<number[]>(page, 'stopFrames()'),
  /** Waits until the page renders `count` frames in a row each under `underMs`. */
  quiet: (page: Page, count = 10, underMs = 25, timeoutMs = 15_000) =>
    call<boolean>(page, `quiet(${count}, ${underMs}, ${timeoutMs})`),
  longTasks: (page: Page) => call<LongTask[]>(page, 'longTasks.slice()'),
  stepCount: (page: Page) => call<number>(page, 'stepCount()'),
  /** Each step's node transform by step id (React Flow's translate: the flow position). */
  places: (page: Page) => call<Record<string, string>>(page, 'places()'),
  target: (page: Page, stepId: string) =>
    call<StepTarget | null>(page, `target(${JSON.stringify(stepId)})`),
  /** Waits for a named condition (see `conditions` above); resolves with when it held, or null. */
  until: (page: Page, name: 'ready' | 'tidying' | 'tidied', arg: number, timeoutMs: number) =>
    call<number | null>(page, `until(${JSON.stringify(name)}, ${arg}, ${timeoutMs})`),
  text: (page: Page, testId: string) =>
    call<string | null>(page, `text(${JSON.stringify(testId)})`),
};
