import { expect, type Page, test } from '@playwright/test';
import { expectConnected, step, viewSettled } from './editor-helpers';
import {
  PHONE,
  named,
  expectReflows,
  expectUncovered,
  expectInWindow,
  openBlueBadge,
  stepOnScreen,
} from './reflow-helpers';

/*
 * Text spacing (WCAG 1.4.12) and 200% zoom (1.4.4), measured: labels survive the WCAG overrides
 * whole, and at 200% the panel's tabs keep their names (on two rows when four do not fit).
 */

/** The WCAG 1.4.12 text-spacing overrides, on every element, as a bookmarklet applies them. */
const TEXT_SPACING = `
  * {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-bottom: 2em !important; }
`;

/**
 * Labels that lose text: each element's content overflows a box that clips it (more than a
 * pixel), or its box sticks out of the box it belongs in (a label out of its card). A label
 * shortened with an ellipsis is not lost when its whole text is its tooltip or name.
 */
async function clippedLabels(
  page: Page,
  groups: Record<string, { selector: string; within?: string }>,
): Promise<{ counts: Record<string, number>; clipped: string[] }> {
  return page.evaluate((groups) => {
    const counts: Record<string, number> = {};
    const clipped: string[] = [];
    // Hidden or clipped overflow is lost; a box that scrolls (a text field, a list) is not.
    const clips = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.overflowX, s.overflowY].some((o) => o === 'hidden' || o === 'clip');
    };
    const isField = (el: Element) => ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
    for (const [group, { selector, within }] of Object.entries(groups)) {
      const els = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) =>
        el.checkVisibility(),
      );
      counts[group] = els.length;
      for (const el of els) {
        if (el.clientWidth <= 1 && el.clientHeight <= 1) continue; // for screen readers only
        const text = (el.textContent ?? '').trim();
        const name = `${group} “${text.slice(0, 40)}”`;
        const shortened =
          getComputedStyle(el).textOverflow === 'ellipsis' ||
          getComputedStyle(el).webkitLineClamp !== 'none';
        const fullElsewhere =
          text !== '' &&
          [el, ...(within ? [el.closest(within)] : [])].some(
            (e) =>
              e?.getAttribute('title')?.includes(text) ||
              e?.getAttribute('aria-label')?.includes(text),
          );
        if (
          !isField(el) &&
          clips(el) &&
          (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) &&
          !(shortened && fullElsewhere)
        ) {
          clipped.push(
            `${name}: content ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
          );
        }
        const box = el.getBoundingClientRect();
        // The label inside its box, and nothing that box clips of it.
        const outer = within ? el.closest(within) : null;
        if (outer) {
          const o = outer.getBoundingClientRect();
          if (
            box.left < o.left - 1 ||
            box.top < o.top - 1 ||
            box.right > o.right + 1 ||
            box.bottom > o.bottom + 1
          ) {
            clipped.push(`${name}: outside its ${within}`);
          }
        }
        // Nor cut by a box around it (up to its card; a card the canvas has panned away is not
        // lost, it is elsewhere on the map).
        const last = outer ?? document.body;
        for (let a = el.parentElement; a && a !== last.parentElement; a = a.parentElement) {
          const s = getComputedStyle(a);
          // What a box scrolls to is there to scroll to, not lost.
          if ([s.overflowX, s.overflowY].some((o) => o === 'auto' || o === 'scroll')) break;
          if (!clips(a)) continue;
          const o = a.getBoundingClientRect();
          if (box.right > o.right + 1 || box.bottom > o.bottom + 1 || box.left < o.left - 1) {
            clipped.push(`${name}: cut by ${a.className || a.tagName}`);
            break;
          }
        }
      }
    }
    return { counts, clipped };
  }, groups);
}

test.describe('text spacing (WCAG 1.4.12)', () => {
  const labels = {
    'step label': { selector: '[data-testid="step-label"]', within: '[data-testid="step"]' },
    'lane name': { selector: '[data-testid="lane-name"]', within: '[data-testid="lane"]' },
    'lane count': { selector: '[data-testid="lane-count"]', within: '[data-testid="lane"]' },
    'toolbar button': { selector: '.toolbar button, .toolbar a, .toolbar .badge' },
    'panel tab': { selector: '[role="tab"]', within: '[role="tablist"]' },
    'field label': { selector: '#properties-panel label, #properties-panel legend' },
    field: {
      selector: '#properties-panel input, #properties-panel select, #properties-panel textarea',
    },
    'status line': { selector: '.status-line label, .status-line button' },
  };

  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }, PHONE]) {
    test(`at ${size.width}×${size.height} no label loses text under the overrides`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await named(page, 'Sam Facilitator');
      await page.goto('/');
      await page.getByRole('button', { name: /Outpatient referral/ }).click();
      await expectConnected(page);
      await expect(page.getByTestId('step')).toHaveCount(42);
      await page.addStyleTag({ content: TEXT_SPACING });
      await viewSettled(page);
      // The steps at a readable size (the view opens on the start of the map).
      const whole = await clippedLabels(page, labels);
      // The measure found what it measures.
      expect(whole.counts['step label'], 'step labels measured').toBeGreaterThan(5);
      expect(whole.counts['lane name'], 'lane names measured').toBe(8);
      expect(whole.counts['toolbar button'], 'toolbar buttons measured').toBeGreaterThan(4);
      expect(whole.clipped, 'map settings').toEqual([]);
      await expectReflows(page, 'the editor with wider text');
      await page.screenshot({ path: test.info().outputPath(`text-spacing-${size.width}.png`) });

      // A step's fields, in the panel (a drawer in a narrow window).
      await (await stepOnScreen(page)).click();
      await page.keyboard.press('Alt+p');
      await expect(page.getByRole('tab', { name: 'Properties' })).toBeVisible();
      const fields = await clippedLabels(page, labels);
      expect(fields.counts['panel tab']).toBe(4);
      expect(fields.counts['field label'], 'field labels measured').toBeGreaterThan(4);
      expect(fields.clipped, 'a step in the panel').toEqual([]);
      await expectReflows(page, 'a step in the panel with wider text');
      await page.getByRole('tab', { name: 'Analysis' }).click();
      expect((await clippedLabels(page, labels)).clipped, 'analysis tab').toEqual([]);
      await page.getByRole('tab', { name: 'Simulate' }).click();
      expect((await clippedLabels(page, labels)).clipped, 'simulate tab').toEqual([]);
      await page.getByRole('tab', { name: 'Comments' }).click();
      expect((await clippedLabels(page, labels)).clipped, 'comments tab').toEqual([]);
    });
  }
});

test('at 200% zoom (1440×900 shown as 720×450 CSS px) the tabs keep their names and the toolbar works', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 720, height: 450 },
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await named(page, 'Sam Facilitator');
  await openBlueBadge(page);
  await step(page, 'Mobility assessment').click();
  for (const name of ['Properties', 'Analysis', 'Simulate', 'Comments']) {
    const tab = page.getByRole('tab', { name });
    await expect(tab).toBeVisible();
    const shown = await tab.evaluate((el) => ({
      text: el.textContent,
      whole: el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
      ellipsis: getComputedStyle(el).textOverflow,
    }));
    expect(shown.text).toBe(name);
    expect(shown.whole, `${name}: its name is not cut`).toBe(true);
    await expectInWindow(page, tab, `${name} tab`);
    await expectUncovered(tab, `${name} tab`);
  }
  // Four names do not fit side by side in a 720 px window's panel at 200%: they wrap to a
  // second row (the panel's intended fallback), each whole, none over another.
  const boxes = await page.getByRole('tab').evaluateAll((tabs) =>
    tabs.map((t) => {
      const r = t.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  const rows = new Set(boxes.map((b) => Math.round(b.top)));
  expect(rows.size, 'the tabs on at most two rows').toBeLessThanOrEqual(2);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as (typeof boxes)[number];
      const b = boxes[j] as (typeof boxes)[number];
      const apart =
        a.right <= b.left + 0.5 ||
        b.right <= a.left + 0.5 ||
        a.bottom <= b.top + 0.5 ||
        b.bottom <= a.top + 0.5;
      expect(apart, `tabs ${i} and ${j} do not overlap`).toBe(true);
    }
  }
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByRole('tab', { name: 'Analysis' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const toolbar = page.getByRole('banner');
  for (const name of ['Add lane', 'Tidy up', 'Undo', 'Redo']) {
    const button = toolbar.getByRole('button', { name, exact: true });
    await expectInWindow(page, button, name);
    await expectUncovered(button, name);
  }
  await expectReflows(page, '200%');
  await toolbar.getByRole('button', { name: 'Add lane', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Lane name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: test.info().outputPath('zoom-200.png') });
  await context.close();
});
