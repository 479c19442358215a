import { expect, type Locator, type Page } from '@playwright/test';
import { makeMap, openLink, step, testStep } from './editor-helpers';

/* What the reflow, text-spacing and motion tests share: a Blue Badge map and measurements. */

export const PHONE = { width: 320, height: 640 } as const;

/** The Blue Badge application: five lanes, one with a long name, steps in each. */
export function blueBadgeMap() {
  const s = testStep;
  return {
    format: 'procmap',
    version: 1,
    title: 'Blue Badge application – Kingsford Council',
    roles: [
      { id: 'applicant', name: 'Applicant', order: 0 },
      { id: 'contact', name: 'Customer contact centre', order: 1 },
      { id: 'assessor', name: 'Blue Badge assessor', order: 2 },
      { id: 'ot', name: 'Occupational therapist', order: 3 },
      { id: 'lead', name: 'Team leader', order: 4 },
    ],
    steps: [
      s('s1', 'applicant', 'Apply online', 'start'),
      s('s2', 'contact', 'Check the form is complete'),
      s('s3', 'assessor', 'Eligible without assessment?', 'decision'),
      s('s4', 'ot', 'Mobility assessment'),
      s('s5', 'lead', 'Approve the badge'),
      s('s6', 'applicant', 'Badge posted', 'end'),
    ],
    flows: [
      { id: 'f1', from: 's1', to: 's2' },
      { id: 'f2', from: 's2', to: 's3' },
      { id: 'f3', from: 's3', to: 's4', label: 'No' },
      { id: 'f4', from: 's3', to: 's5', label: 'Yes' },
      { id: 'f5', from: 's4', to: 's5' },
      { id: 'f6', from: 's5', to: 's6' },
    ],
  };
}

/** Whoever opens the map has given their name already (no first-visit prompt). */
export async function named(page: Page, name: string): Promise<void> {
  await page.addInitScript(
    (n) =>
      localStorage.setItem(
        'procmap:identity',
        JSON.stringify({ name: n, color: '#0369a1', chosen: true }),
      ),
    name,
  );
}

/**
 * What runs past the window's left or right edge, outside the canvas's panning map: every
 * shown element's box, and every element that scrolls sideways. Empty when the page reflows.
 */
export async function overflowOutsideCanvas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      out.push(`the page scrolls sideways: ${root.scrollWidth} > ${window.innerWidth}`);
    }
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    for (const el of document.querySelectorAll('body *')) {
      // The map itself pans, and colleagues' pointers with it: allowed.
      if (el.closest('.react-flow, .cursors')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
        out.push(`${name(el)} spans ${Math.round(box.left)}…${Math.round(box.right)}`);
      }
      const style = getComputedStyle(el);
      if (
        (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        out.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out;
  });
}

export async function expectReflows(page: Page, what: string): Promise<void> {
  expect(await overflowOutsideCanvas(page), what).toEqual([]);
}

/** Nothing else is on top of the centre of `locator`: it can be clicked where it is. */
export async function expectUncovered(locator: Locator, what: string): Promise<void> {
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
  expect(hit, `${what} is not covered`).toBe(true);
}

/** `locator` is inside the window (`across`: between its left and right edges only). */
export async function expectInWindow(
  page: Page,
  locator: Locator,
  what: string,
  across = false,
): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  const { width, height } = page.viewportSize()!;
  expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(width + 0.5);
  if (across) return;
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(height + 0.5);
}

export async function openBlueBadge(page: Page): Promise<void> {
  const made = await makeMap(page, blueBadgeMap());
  await openLink(page, made.editUrl);
  await expect(page.getByTestId('step')).toHaveCount(6);
}

/**
 * The first step (not a decision: its corners are not its own) wholly on screen and on top at
 * its centre, once the map has stopped moving (closing a drawer or following the selection
 * pans it; a step picked mid-pan can end up under the lane strip).
 */
export async function stepOnScreen(page: Page): Promise<Locator> {
  const label = await page.evaluate(async () => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement | null;
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    let still = 0;
    let last = viewport?.style.transform;
    for (let i = 0; i < 120 && still < 5; i++) {
      await frame();
      const now = viewport?.style.transform;
      still = now === last ? still + 1 : 0;
      last = now;
    }
    const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const headers = document.querySelector('.lane-headers')!.getBoundingClientRect();
    const steps = document.querySelectorAll('[data-testid="step"]:not([data-kind="decision"])');
    const shown = [...steps].find((el) => {
      const b = el.getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return (
        b.left >= headers.right &&
        b.right <= pane.right - 48 &&
        b.top >= pane.top &&
        b.bottom <= pane.bottom &&
        hit !== null &&
        el.contains(hit)
      );
    });
    return shown?.querySelector('[data-testid="step-label"]')?.textContent ?? null;
  });
  expect(label, 'a step on screen').not.toBeNull();
  return step(page, label!).first();
}
