import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { expectConnected, lane, makeMap, openLink, step, viewSettled } from './editor-helpers';

/*
 * Reflow (WCAG 1.4.10), text spacing (1.4.12), 200% zoom (1.4.4), less motion and hiding what
 * moves by itself (2.2.2), measured rather than looked at: a phone-sized window (320×640 CSS px)
 * never scrolls sideways outside the canvas (which pans, as a map does); labels survive the
 * WCAG text-spacing overrides whole; at 200% the panel's tabs keep their names.
 */

const PHONE = { width: 320, height: 640 } as const;

/** The Blue Badge application: five lanes, one with a long name, steps in each. */
function blueBadgeMap() {
  const s = (id: string, roleId: string, label: string, kind = 'task') => ({
    id,
    roleId,
    kind,
    label,
  });
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
async function named(page: Page, name: string): Promise<void> {
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
async function overflowOutsideCanvas(page: Page): Promise<string[]> {
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

async function expectReflows(page: Page, what: string): Promise<void> {
  expect(await overflowOutsideCanvas(page), what).toEqual([]);
}

/** Nothing else is on top of the centre of `locator`: it can be clicked where it is. */
async function expectUncovered(locator: Locator, what: string): Promise<void> {
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
  expect(hit, `${what} is not covered`).toBe(true);
}

/** `locator` is inside the window (`across`: between its left and right edges only). */
async function expectInWindow(
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

async function openBlueBadge(page: Page): Promise<void> {
  const made = await makeMap(page, blueBadgeMap());
  await openLink(page, made.editUrl);
  await expect(page.getByTestId('step')).toHaveCount(6);
}

test.describe('at 320×640 CSS px', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(PHONE);
  });

  test('the home page and a new map reflow: nothing scrolls sideways, every template whole', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: /Outpatient referral/ })).toBeVisible();
    await expectReflows(page, 'home page');
    for (const name of [/Outpatient referral/, /Invoice approval/, /Hospital discharge/]) {
      await expectInWindow(page, page.getByRole('button', { name }), `template ${name}`, true);
    }
    await expectInWindow(page, page.getByRole('button', { name: 'New map' }), 'New map');
    await expectInWindow(page, page.getByLabel('Title of the new map'), 'title field');

    // A new map: the empty map's first hint fits the window too.
    await page.getByLabel('Title of the new map').fill('Repeat prescription');
    await page.getByRole('button', { name: 'New map' }).click();
    await expectConnected(page);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expectInWindow(page, page.getByTestId('empty-state'), 'empty map hint');
    await expectReflows(page, 'a new, empty map');
  });

  test('the editor keeps the width for the map: toolbar on screen, lanes a strip, the panel a drawer', async ({
    page,
  }) => {
    await named(page, 'Sam Facilitator');
    await openBlueBadge(page);
    await expectReflows(page, 'editor as opened');
    await expectAccessible(page, 'the editor at 320 px');

    // Every toolbar control is on screen, uncovered and named; the map-wide ones are in "More".
    const toolbar = page.getByRole('banner');
    for (const name of ['Add lane', 'Tidy up', 'Undo', 'Redo', 'More']) {
      const button = toolbar.getByRole('button', { name, exact: true });
      await expectInWindow(page, button, name);
      await expectUncovered(button, name);
    }
    await expectInWindow(page, toolbar.getByTestId('map-title'), 'title');
    // One's own avatar menu (name, presenting, colleagues' cursors) fits too.
    await toolbar.getByTestId('me').click();
    await expect(page.getByTestId('me-popover')).toBeVisible();
    await expectInWindow(page, page.getByTestId('me-popover'), 'avatar menu');
    await expectReflows(page, 'avatar menu');
    await expectAccessible(page, 'the avatar menu at 320 px');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('me-popover')).toHaveCount(0);

    // The lane headers are a strip: each lane's whole name is its text (and tooltip), the
    // canvas keeps nearly all the width.
    const headers = page.getByTestId('lane');
    await expect(headers).toHaveCount(5);
    for (const role of blueBadgeMap().roles) {
      const header = page.locator(`[data-testid="lane"][data-role-id="${role.id}"]`);
      await expect(header.getByTestId('lane-name')).toHaveText(role.name);
      await expect(header).toHaveAttribute('title', new RegExp(`^${role.name}`));
      const box = (await header.boundingBox())!;
      expect(box.width, `${role.name} header width`).toBeLessThanOrEqual(50);
    }
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    expect(canvas.width, 'canvas width').toBe(PHONE.width);

    // Renaming a lane widens the strip back to headers while the name is typed.
    await lane(page, 'Team leader').click();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: 'Lane name' });
    await expect(field).toBeFocused();
    await expectInWindow(page, field, 'lane name field');
    expect((await field.boundingBox())!.width, 'room to type a name').toBeGreaterThan(120);
    await page.keyboard.press('Escape');
    await expect(field).toHaveCount(0);
    expect((await headers.first().boundingBox())!.width).toBeLessThanOrEqual(50);

    // The panel is a drawer, closed: the canvas is not squeezed by it.
    const toggle = page.getByRole('button', { name: 'Show properties' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('editor-320.png') });

    // Opened, it covers the canvas (hidden behind it) at the window's width; the keyboard stays
    // on its button, now "Close properties", and goes on to the tabs.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Close properties' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Close properties' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const drawer = (await page.getByTestId('properties-panel').boundingBox())!;
    expect(drawer.x).toBe(0);
    expect(drawer.width).toBe(PHONE.width);
    expect(drawer.height, 'drawer height').toBeGreaterThanOrEqual(canvas.height);
    await expect(page.getByTestId('canvas')).not.toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tab', { name: 'Properties' })).toBeFocused();
    for (const tab of ['Properties', 'Analysis', 'Comments']) {
      await expectInWindow(page, page.getByRole('tab', { name: tab }), `${tab} tab`);
    }
    await expectReflows(page, 'drawer open');
    await expectAccessible(page, 'the panel drawer open');
    await page.getByRole('tab', { name: 'Comments' }).click();
    await expectReflows(page, 'drawer open on comments');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await expectReflows(page, 'drawer open on analysis');
    await page.screenshot({ path: test.info().outputPath('drawer-320.png') });

    // A finding shown on the map from the drawer: the drawer gets out of the way, the keyboard
    // goes to the map, its steps selected; the button opens the drawer again where it was.
    const finding = page.getByTestId('finding').first();
    await finding.click();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.locator('[data-testid="step"].is-selected').first()).toBeVisible();
    await page.getByRole('button', { name: 'Show properties' }).click();
    await expect(page.getByRole('tab', { name: 'Analysis' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const close = page.getByRole('button', { name: 'Close properties' });

    // Its close button closes it, and the keyboard stays there (the button to open it again).
    await close.click();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show properties' })).toBeFocused();
    await expect(page.getByTestId('canvas')).toBeVisible();

    // Alt+P on a selected step opens the drawer on its first field; Esc closes it, back to the
    // map with the step still selected.
    // Esc from the drawer's button goes back to the map; Esc there clears the selection.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="step"].is-selected')).toHaveCount(0);
    const target = await stepOnScreen(page);
    const label = (await target.getByTestId('step-label').textContent())!;
    await target.click();
    await page.keyboard.press('Alt+p');
    const panel = page.getByTestId('properties-panel');
    await expect(panel.getByLabel('Kind', { exact: true })).toBeFocused();
    await expect(panel.getByLabel('Label', { exact: true })).toHaveValue(label);
    await expectReflows(page, 'drawer open on a step');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(step(page, label)).toHaveClass(/is-selected/);
    const focusedInCanvas = await page.evaluate(() =>
      document.querySelector('[data-testid="canvas"]')?.contains(document.activeElement),
    );
    expect(focusedInCanvas, 'focus back on the map').toBe(true);
  });

  test('the "More" menu is a menu button: keys open it, move in it and close it', async ({
    page,
  }) => {
    await named(page, 'Sam Facilitator');
    await openBlueBadge(page);
    const more = page.getByRole('button', { name: 'More', exact: true });
    await expect(more).toHaveAttribute('aria-haspopup', 'menu');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More' });
    await expect(menu).toBeVisible();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const items = menu.getByRole('menuitem').or(menu.getByRole('menuitemcheckbox'));
    await expect(items).toHaveCount(4);
    await expect(menu.getByRole('menuitemcheckbox', { name: /Outline/ })).toBeFocused();
    await expectInWindow(page, menu, 'More menu');
    await expectReflows(page, 'More menu open');
    await expectAccessible(page, 'the More menu open');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Export' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: /Keyboard shortcuts/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitemcheckbox', { name: /Outline/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(more).toBeFocused();

    // ↑ opens it on its last item; an item runs its action, and its dialog gives the keyboard
    // back to the menu's button.
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: /Keyboard shortcuts/ })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: 'Share' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('share-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog')).toHaveCount(0);
    await expect(more).toBeFocused();

    // The outline is a checked item while it shows.
    await more.click();
    await menu.getByRole('menuitemcheckbox', { name: /Outline/ }).click();
    await more.click();
    await expect(menu.getByRole('menuitemcheckbox', { name: /Outline/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expectReflows(page, 'outline with the More menu open');
    // A click elsewhere closes it.
    await page.getByTestId('map-title').click();
    await expect(menu).toHaveCount(0);
  });

  test('every dialog and menu reflows: share, export, shortcuts, connect, lane menu, delete lane', async ({
    page,
  }) => {
    await named(page, 'Sam Facilitator');
    await openBlueBadge(page);
    const more = page.getByRole('button', { name: 'More', exact: true });
    const check = async (testId: string, open: () => Promise<void>) => {
      await open();
      const dialog = page.getByTestId(testId);
      await expect(dialog).toBeVisible();
      await expectInWindow(page, dialog, testId);
      await expectReflows(page, testId);
      await page.screenshot({ path: test.info().outputPath(`${testId}-320.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    };
    for (const [testId, item] of [
      ['share-dialog', 'Share'],
      ['export-dialog', 'Export'],
      ['shortcuts-dialog', /Keyboard shortcuts/],
    ] as const) {
      await check(testId, async () => {
        await more.click();
        await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
      });
    }
    await check('connect-dialog', async () => {
      await step(page, 'Check the form is complete').click();
      await page.keyboard.press('Alt+Enter');
    });
    // The lane menu, from the strip: a tap selects the lane and shows its ⋯ button.
    const header = lane(page, 'Occupational therapist');
    await header.click();
    await header.getByRole('button', { name: /^Lane actions/ }).click();
    await expect(page.getByTestId('lane-menu')).toBeVisible();
    await expectInWindow(page, page.getByTestId('lane-menu'), 'lane menu');
    await expectReflows(page, 'lane menu');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('lane-menu')).toHaveCount(0);
    await check('delete-lane-dialog', async () => {
      await header.getByRole('button', { name: /^Lane actions/ }).click();
      await page
        .getByTestId('lane-menu')
        .getByRole('menuitem', { name: /Delete/ })
        .click();
    });
  });
});

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
      expect(fields.counts['panel tab']).toBe(3);
      expect(fields.counts['field label'], 'field labels measured').toBeGreaterThan(4);
      expect(fields.clipped, 'a step in the panel').toEqual([]);
      await expectReflows(page, 'a step in the panel with wider text');
      await page.getByRole('tab', { name: 'Analysis' }).click();
      expect((await clippedLabels(page, labels)).clipped, 'analysis tab').toEqual([]);
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
  for (const name of ['Properties', 'Analysis', 'Comments']) {
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
  // Side by side, on one row.
  const tops = await page
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  expect(new Set(tops).size, 'the tabs on one row').toBe(1);
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

/** The first step (not a decision: its corners are not its own) wholly on screen. */
async function stepOnScreen(page: Page): Promise<Locator> {
  const label = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const headers = document.querySelector('.lane-headers')!.getBoundingClientRect();
    const steps = document.querySelectorAll('[data-testid="step"]:not([data-kind="decision"])');
    const shown = [...steps].find((el) => {
      const b = el.getBoundingClientRect();
      return (
        b.left >= headers.right &&
        b.right <= pane.right - 48 &&
        b.top >= pane.top &&
        b.bottom <= pane.bottom
      );
    });
    return shown?.querySelector('[data-testid="step-label"]')?.textContent ?? null;
  });
  expect(label, 'a step on screen').not.toBeNull();
  return step(page, label!).first();
}

/**
 * Every frame's viewport transform while `act` runs and the view settles: the way the view went
 * from where it was to where it ends.
 */
async function framesOf(page: Page, act: () => Promise<void>): Promise<string[]> {
  await page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const frames: string[] = [getComputedStyle(viewport).transform];
    (window as unknown as { frames_: string[] }).frames_ = frames;
    const sample = () => {
      frames.push(getComputedStyle(viewport).transform);
      if (frames.length < 2000) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await act();
  await viewSettled(page);
  return page.evaluate(() => {
    const w = window as unknown as { frames_: string[] };
    const frames = w.frames_;
    w.frames_ = [];
    frames.length = 2000; // stops the sampling
    // Runs of the same transform as one.
    return frames.filter((f, i) => f !== undefined && f !== frames[i - 1]);
  });
}

const transformOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);

test('with less motion asked for, pans and zooms land at once; otherwise they glide', async ({
  page,
}) => {
  await named(page, 'Sam Facilitator');
  await openBlueBadge(page);
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  const fit = page.getByRole('button', { name: 'Fit View' });
  await zoomIn.click();
  await viewSettled(page);

  // Motion as usual: Fit View glides, through views between where it was and where it ends.
  const glide = await framesOf(page, () => fit.click());
  expect(glide.length, `views on the way: ${glide.join(' | ')}`).toBeGreaterThan(3);

  // Less motion: from where it was straight to where it ends, nothing between.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const zoom = await framesOf(page, () => zoomIn.click());
  expect(zoom, 'Zoom In: where it was, then where it ends').toHaveLength(2);
  const fitted = await framesOf(page, () => fit.click());
  expect(fitted, 'Fit View: where it was, then where it ends').toHaveLength(2);
  expect(fitted.at(-1), 'the same fit as with motion').toBe(glide.at(-1));

  // Following the selection along the flow, off the screen: the view jumps to it too.
  for (let i = 0; i < 3; i++) await zoomIn.click();
  await viewSettled(page);
  await (await stepOnScreen(page)).click();
  const pans: string[][] = [];
  for (let i = 0; i < 5; i++) {
    pans.push(await framesOf(page, () => page.keyboard.press('ArrowRight')));
  }
  expect(
    pans.filter((p) => p.length > 1).length,
    'the view followed the selection',
  ).toBeGreaterThan(0);
  for (const p of pans) expect(p.length, `following: ${p.join(' | ')}`).toBeLessThanOrEqual(2);

  // CSS transitions are off.
  const transition = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.transition = 'opacity 300ms ease';
    document.body.append(probe);
    const seconds = Number.parseFloat(getComputedStyle(probe).transitionDuration);
    probe.remove();
    return seconds;
  });
  expect(transition, 'a 300 ms transition').toBeLessThan(0.001);
});

/** Opens the link in a fresh browser (its own storage: its own person) under a name. */
async function join(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await named(page, name);
  await openLink(page, url);
  return page;
}

test('colleagues’ cursors can be hidden, by keyboard, remembered; hidden, a presenter pulls no view along', async ({
  page,
  browser,
}) => {
  const made = await makeMap(page, blueBadgeMap());
  const sam = await join(browser, made.editUrl, 'Sam');
  const amy = await join(browser, made.editUrl, 'Amy');
  const amyCursor = sam.getByTestId('peer-cursor').and(sam.locator('[data-name="Amy"]'));
  const moveAmy = async (dx: number) => {
    const box = (await step(amy, 'Mobility assessment').boundingBox())!;
    await amy.mouse.move(box.x + 10 + dx, box.y + 10);
    await amy.mouse.move(box.x + 20 + dx, box.y + 14, { steps: 3 });
  };
  await moveAmy(0);
  await expect(amyCursor).toBeVisible();

  // Sam turns them off from his own avatar's menu, by keyboard.
  const me = sam.getByTestId('me');
  await me.focus();
  await sam.keyboard.press('Enter');
  const toggle = sam.getByRole('checkbox', { name: 'Show colleagues’ cursors', exact: true });
  await expect(toggle).toBeChecked();
  while (!(await toggle.evaluate((el) => el === document.activeElement))) {
    await sam.keyboard.press('Tab');
  }
  await sam.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect(sam.getByTestId('peer-cursor')).toHaveCount(0);
  await sam.keyboard.press('Escape');
  await expect(sam.getByTestId('me-popover')).toHaveCount(0);
  await expect(me).toBeFocused();

  // Amy keeps moving: nothing is drawn at Sam's, after a reload too.
  await moveAmy(40);
  await expect(sam.getByTestId('peer-cursor')).toHaveCount(0);
  await sam.reload();
  await expectConnected(sam);
  await viewSettled(sam);
  await moveAmy(80);
  await expect(sam.getByTestId('participant').and(sam.locator('[data-name="Amy"]'))).toBeVisible();
  // Amy's pointer reaches Sam's presence (her avatar is there) but is never drawn.
  await expect(sam.locator('.cursors')).toHaveCount(0);

  // Amy presents: Sam's view stays where it is, no banner pulls it along.
  const samView = await transformOf(sam);
  await amy.getByRole('button', { name: 'Zoom In' }).click();
  await amy.getByRole('button', { name: 'Zoom In' }).click();
  await amy.getByTestId('me').click();
  await amy.getByRole('button', { name: 'Ask everyone to follow me' }).click();
  await expect(amy.getByTestId('presenting-banner')).toBeVisible();
  await expect(
    sam.getByTestId('participant').and(sam.locator('[data-name="Amy"]')),
  ).toHaveAttribute('aria-label', /presenting/);
  await expect(sam.getByTestId('follow-banner')).toHaveCount(0);
  expect(await transformOf(sam)).toBe(samView);

  // Shown again: the cursor is back, and Sam can still follow Amy by choice.
  await sam.getByTestId('me').click();
  await sam.getByRole('checkbox', { name: 'Show colleagues’ cursors', exact: true }).check();
  await moveAmy(120);
  await expect(amyCursor).toBeVisible();
  await sam.keyboard.press('Escape');
  await sam.getByTestId('participant').and(sam.locator('[data-name="Amy"]')).click();
  await expect(sam.getByTestId('follow-banner')).toContainText('Following Amy');

  // The banner fits a phone-sized window too.
  await sam.setViewportSize(PHONE);
  await expect(sam.getByTestId('follow-banner')).toBeVisible();
  await expectInWindow(sam, sam.getByTestId('follow-banner'), 'follow banner');
  await expectReflows(sam, 'following someone at 320 px');
  await sam.screenshot({ path: test.info().outputPath('follow-320.png') });
  await amy.context().close();
  await sam.context().close();
});
