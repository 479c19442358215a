import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  testStep,
  makeMap,
  openLink,
  step,
  storedMap,
  threeLaneMap,
  viewSettled,
} from './editor-helpers';

/*
 * The map is one keyboard widget: one Tab stop (a listbox of lanes of steps) whose active
 * descendant follows the selection, moved by the arrow keys; Tab always leaves it; the selection
 * ring is its focus ring; every step is named for a listener.
 */

/** An outpatient referral: a clerk and a nurse, a decision with two answers, a pain point. */
function referral(title: string) {
  const s = testStep;
  return {
    format: 'procmap',
    version: 1,
    title,
    roles: [
      { id: 'clerk', name: 'Clerk', order: 0 },
      { id: 'nurse', name: 'Nurse', order: 1 },
    ],
    steps: [
      s('s1', 'clerk', 'Receive referral', 'start'),
      s('s2', 'nurse', 'Triage referral'),
      s('s3', 'nurse', 'Urgent?', 'decision'),
      s('s4', 'clerk', 'Book clinic'),
      s('s5', 'nurse', 'Close case', 'end'),
      s('s6', 'clerk', 'Send letter', 'end'),
    ],
    flows: [
      { id: 'f1', from: 's1', to: 's2' },
      { id: 'f2', from: 's2', to: 's3' },
      { id: 'f3', from: 's3', to: 's4', label: 'Yes' },
      { id: 'f4', from: 's3', to: 's5', label: 'No' },
      { id: 'f5', from: 's4', to: 's6' },
    ],
    comments: [
      {
        id: 'c1',
        targetId: 's2',
        kind: 'pain-point',
        author: 'Priya',
        text: 'Referrals wait two days for triage',
        createdAt: '2025-03-01T09:00:00.000Z',
      },
    ],
  };
}

/** A chain of `n` steps across two lanes, far wider than the window. */
function longChain(title: string, n: number) {
  return {
    format: 'procmap',
    version: 1,
    title,
    roles: [
      { id: 'a', name: 'Reception', order: 0 },
      { id: 'b', name: 'Clinic', order: 1 },
    ],
    steps: Array.from({ length: n }, (_, i) => ({
      id: `s${i + 1}`,
      roleId: i % 4 < 2 ? 'a' : 'b',
      kind: i === 0 ? 'start' : 'task',
      label: `Step ${i + 1}`,
    })),
    flows: Array.from({ length: n - 1 }, (_, i) => ({
      id: `f${i + 1}`,
      from: `s${i + 1}`,
      to: `s${i + 2}`,
    })),
  };
}

const widget = (page: Page) => page.getByTestId('canvas-widget');

/** What has the keyboard: the map, a toolbar control, something in the panel, or elsewhere. */
function focusedPlace(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { where: 'body', name: '' };
    const name = (
      el.getAttribute('aria-label') ??
      el.getAttribute('title') ??
      el.textContent ??
      ''
    ).trim();
    if (el.id === 'map-canvas') return { where: 'map', name };
    if (el.closest('.toolbar')) return { where: 'toolbar', name };
    if (el.closest('[data-testid="properties-panel"]')) return { where: 'panel', name };
    if (el.closest('[data-testid="canvas"]')) return { where: 'canvas-control', name };
    return { where: 'other', name };
  });
}

/** The step element the map's active descendant points at (its wrapper holds the card). */
async function activeStep(page: Page): Promise<Locator> {
  const id = await widget(page).getAttribute('aria-activedescendant');
  expect(id, 'the map has an active descendant').toBeTruthy();
  return page.locator(`[id="${id}"] [data-testid="step"]`);
}

/** Relative luminance of a CSS colour (rgb() or color(srgb …)), for contrast ratios. */
function luminance(css: string): number {
  const rgb = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
  const srgb = css.match(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/);
  if (!rgb && !srgb) throw new Error(`not a colour: ${css}`);
  const [r, g, b] = rgb
    ? [+rgb[1]! / 255, +rgb[2]! / 255, +rgb[3]! / 255]
    : [+srgb![1]!, +srgb![2]!, +srgb![3]!];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

/** The ring shadows of an element: colour and spread of each. */
async function rings(target: Locator) {
  const shadow = await target.evaluate((el) => getComputedStyle(el).boxShadow);
  if (shadow === 'none') return [];
  return shadow.split(/,(?![^(]*\))/).map((s) => {
    const colour = s.match(/rgba?\([^)]*\)/)?.[0] ?? '';
    const spread = Number.parseFloat(s.replace(colour, '').trim().split(/\s+/)[3] ?? '0');
    return { colour, spread };
  });
}

const FOCUS = 'rgb(179, 92, 0)'; // --focus, #b35c00

test('Tab reaches the map in one stop and leaves it; arrows move the selection, the active descendant with it', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('One stop'));
  await openLink(page, made.editUrl);

  // From the top of the page, Tab to the map: the stop before it is the toolbar's last control.
  await page.locator('body').focus();
  let before = { where: 'body', name: '' };
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedPlace(page);
    if (now.where === 'map') break;
    before = now;
  }
  await expect(widget(page)).toBeFocused();
  expect(before.where).toBe('toolbar');
  await expect(widget(page)).toHaveAttribute('role', 'listbox');
  await expect(widget(page)).not.toHaveAttribute('aria-activedescendant', /./);

  // The first arrow selects the first step; then along the flow and between lanes.
  await page.keyboard.press('ArrowRight');
  await expect(step(page, 'Receive letter')).toHaveClass(/is-selected/);
  await expect(await activeStep(page)).toHaveAttribute('data-step-id', 's1');
  await page.keyboard.press('ArrowRight');
  await expect(await activeStep(page)).toHaveAttribute('data-step-id', 's2');
  await page.keyboard.press('ArrowDown'); // the GP lane below: Triage referral
  await expect(step(page, 'Triage referral')).toHaveClass(/is-selected/);
  await expect(await activeStep(page)).toHaveAttribute('data-step-id', 's3');
  await page.keyboard.press('ArrowLeft'); // back along the flow: Register referral
  await expect(await activeStep(page)).toHaveAttribute('data-step-id', 's2');
  await expect(page.locator('.step.is-selected')).toHaveCount(1);
  // Steps and flows are no Tab stops of their own.
  expect(
    await page.locator('.react-flow__node[tabindex], .react-flow__edge[tabindex]').count(),
  ).toBe(0);

  // With a step selected, Tab leaves the map (the selection stays), passing only the map's own
  // view controls on its way to the panel; it never comes back to the map before the panel.
  const after: { where: string; name: string }[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedPlace(page);
    after.push(now);
    if (now.where === 'panel' || now.where === 'map') break;
  }
  const seen = after.map((s) => `${s.where}:${s.name}`).join(' | ');
  expect(after.at(-1)?.where, seen).toBe('panel');
  expect(
    after.slice(0, -1).every((s) => s.where === 'canvas-control'),
    seen,
  ).toBe(true);
  await expect(step(page, 'Register referral')).toHaveClass(/is-selected/);

  // Shift+Tab goes back the same way: to the map in one stop, then to the toolbar.
  for (let i = 0; i < after.length; i++) await page.keyboard.press('Shift+Tab');
  await expect(widget(page)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect((await focusedPlace(page)).where).toBe('toolbar');
  await expect(step(page, 'Register referral')).toHaveClass(/is-selected/);
});

test('clicking a step or the pane gives the keyboard to the map', async ({ page }) => {
  const made = await makeMap(page, threeLaneMap('Click to focus'));
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Share' }).focus();
  await step(page, 'Triage referral').click();
  await expect(widget(page)).toBeFocused();
  await expect(await activeStep(page)).toHaveAttribute('data-step-id', 's3');
  await page.keyboard.press('ArrowRight');
  await expect(step(page, 'Book clinic')).toHaveClass(/is-selected/);

  await page.getByRole('button', { name: 'Share' }).focus();
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.click(box.x + box.width - 80, box.y + box.height - 40);
  await expect(widget(page)).toBeFocused();
  await expect(page.locator('.step.is-selected')).toHaveCount(0);
});

test('the map’s keys act only on the map; keys with Alt, undo and ? work anywhere', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Map keys'));
  await openLink(page, made.editUrl);
  await step(page, 'Triage referral').click();
  const share = page.getByRole('button', { name: 'Share' });
  await share.focus();
  for (const key of ['ArrowRight', 'ArrowDown', 'Delete', 'Backspace', 'F2', 'x', 'Escape']) {
    await page.keyboard.press(key);
  }
  // Enter on a button presses it: the Share dialog, not a new step.
  await expect(step(page, 'Triage referral')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(page.getByRole('textbox', { name: 'Step label' })).toHaveCount(0);
  await expect(share).toBeFocused();

  // A global chord from the button: Alt+K changes the kind; Ctrl+Z takes it back.
  await page.keyboard.press('Alt+k');
  await expect(step(page, 'Triage referral')).toHaveAttribute('data-kind', 'decision');
  await page.keyboard.press('Control+z');
  await expect(step(page, 'Triage referral')).toHaveAttribute('data-kind', 'task');
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await expect(page.getByTestId('map-keys-rule')).toContainText('Tab and Shift+Tab leave it');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);

  // In the outline view the map is not shown: its keys do nothing, even with nothing focused.
  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('outline')).toBeVisible();
  await page.locator('body').focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const key of ['ArrowRight', 'Delete', 'Enter', 'x']) await page.keyboard.press(key);
  expect((await storedMap(page)).steps).toHaveLength(5);
  await page.keyboard.press('Alt+v');
  await expect(step(page, 'Triage referral')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('step')).toHaveCount(5);
});

test('arrow keys bring the step they select into view', async ({ page }) => {
  const made = await makeMap(page, longChain('Long chain', 30));
  await openLink(page, made.editUrl);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const inPane = async (label: string) => {
    const box = (await step(page, label).boundingBox())!;
    return (
      box.x >= pane.x &&
      box.y >= pane.y &&
      box.x + box.width <= pane.x + pane.width &&
      box.y + box.height <= pane.y + pane.height
    );
  };
  expect(await inPane('Step 24'), 'the far end starts off screen').toBe(false);
  await widget(page).focus();
  await page.keyboard.press('ArrowRight');
  for (let i = 2; i <= 24; i++) await page.keyboard.press('ArrowRight');
  await expect(step(page, 'Step 24')).toHaveClass(/is-selected/);
  await expect.poll(() => inPane('Step 24')).toBe(true);
  // Back to the start, and it comes into view again.
  for (let i = 0; i < 23; i++) await page.keyboard.press('ArrowLeft');
  await expect(step(page, 'Step 1')).toHaveClass(/is-selected/);
  await expect.poll(() => inPane('Step 1')).toBe(true);
});

test('the selection ring is a visible focus ring while the map has the keyboard', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Focus ring'));
  await openLink(page, made.editUrl);
  await widget(page).focus();
  // Nothing selected: a ring just inside the canvas's edge, all round it.
  const edge = await page.locator('.editor__canvas').evaluate((el) => {
    const s = getComputedStyle(el, '::after');
    const box = el.getBoundingClientRect();
    return {
      style: s.outlineStyle,
      width: Number.parseFloat(s.outlineWidth),
      colour: s.outlineColor,
      covers:
        Math.abs(Number.parseFloat(s.width) - box.width) < 1 &&
        Math.abs(Number.parseFloat(s.height) - box.height) < 1,
    };
  });
  expect(edge).toEqual({ style: 'solid', width: 3, colour: FOCUS, covers: true });
  await page
    .locator('.editor__canvas')
    .screenshot({ path: test.info().outputPath('map-focused.png') });

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const card = await activeStep(page);
  await expect(card).toContainText('Register referral');
  /** The focus ring's colour ring and gap, in screen px at the map's zoom. */
  const ringOnScreen = async () => {
    const focused = await rings(card);
    const ring = focused.find((r) => r.colour === FOCUS);
    const gap = focused.find((r) => r.colour === 'rgb(255, 255, 255)');
    expect(ring, JSON.stringify(focused)).toBeDefined();
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    return { outer: ring!.spread * zoom, ring: (ring!.spread - gap!.spread) * zoom, zoom };
  };
  // 3 px of ring outside a 3 px gap in the card's surface colour, on screen, at any zoom.
  const near = await ringOnScreen();
  expect(near.outer).toBeCloseTo(6, 1);
  expect(near.ring).toBeCloseTo(3, 1);
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let i = 0; i < 4; i++) await zoomOut.click();
  await widget(page).focus();
  await viewSettled(page);
  const far = await ringOnScreen();
  expect(far.zoom).toBeLessThan(near.zoom / 2);
  expect(far.outer).toBeCloseTo(6, 1);
  expect(far.ring).toBeCloseTo(3, 1);
  const page_ = 'rgb(255, 255, 255)';
  const laneColour = await page
    .locator('.lane')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(contrast(FOCUS, page_)).toBeGreaterThanOrEqual(3);
  if (!laneColour.startsWith('rgba(0, 0, 0, 0')) {
    expect(contrast(FOCUS, laneColour)).toBeGreaterThanOrEqual(3);
  }
  await page
    .locator('.editor__canvas')
    .screenshot({ path: test.info().outputPath('step-focused.png') });

  // The keyboard elsewhere: the step stays selected, without the focus colour.
  await page.getByRole('button', { name: 'Share' }).focus();
  await expect(step(page, 'Register referral')).toHaveClass(/is-selected/);
  expect((await rings(step(page, 'Register referral'))).some((r) => r.colour === FOCUS)).toBe(
    false,
  );
});

test('with steps selected, every toolbar button is reached by Tab, and Export saves only those steps, by keyboard alone', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Selected export'));
  await openLink(page, made.editUrl);
  await widget(page).focus();
  // Register referral and Triage referral: an arrow, then Shift+arrow adds the next.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.step.is-selected')).toHaveCount(2);
  await expect(step(page, 'Triage referral')).toHaveClass(/is-selected/);

  // Back through the toolbar, Shift+Tab by Shift+Tab, to its first control: each stop marked.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await focusedPlace(page)).where !== 'toolbar') break;
    await page.evaluate(() => document.activeElement?.setAttribute('data-reached', ''));
  }
  const buttons = page.locator('.toolbar button:visible:not(:disabled)');
  expect(await buttons.count()).toBeGreaterThan(5);
  const missed = await buttons.evaluateAll((els) =>
    els.filter((el) => !el.hasAttribute('data-reached')).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(missed, 'toolbar buttons Shift+Tab never reached').toEqual([]);
  await expect(page.locator('.step.is-selected')).toHaveCount(2);

  // Tab forward to Export, and Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedPlace(page)).name.startsWith('Export')) break;
  }
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  const only = dialog.getByRole('checkbox', { name: /Only the selected steps \(2\)/ });
  await expect(only).toBeEnabled();

  // SVG by the arrow keys in the format list, the selection box by Tab and Space, Export.
  const svg = dialog.getByRole('radio', { name: /^SVG/ });
  for (
    let i = 0;
    i < 20 &&
    !(await dialog
      .getByRole('radio')
      .evaluateAll((r) => r.includes(document.activeElement as never)));
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < 6 && !(await svg.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(svg).toBeChecked();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await only.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(only).toBeFocused();
  await page.keyboard.press('Space');
  await expect(only).toBeChecked();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await exportButton.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(exportButton).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  const text = readFileSync((await file.path()) as string, 'utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('Register referral');
  expect(text).toContain('Triage referral');
  for (const other of ['Receive letter', 'Book clinic', 'Clinic booked']) {
    expect(text).not.toContain(other);
  }
  // The keyboard stayed on the button through the export, and Esc gives it back to the toolbar.
  await expect(exportButton).toHaveText('Export');
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
});

test('steps and lanes have names a listener can follow', async ({ page }) => {
  const made = await makeMap(page, referral('Outpatient referral'));
  await openLink(page, made.editUrl);
  await widget(page).focus();
  await page.keyboard.press('ArrowRight'); // Receive referral
  await page.keyboard.press('ArrowRight'); // Triage referral
  // Findings come from the analysis, which runs in the background: the name counts what the
  // step's badge shows, once both are there.
  const badge = step(page, 'Triage referral').getByTestId('finding-badge');
  await expect(badge).toBeVisible();
  // The badge's words ("2 findings, worst medium, in the analysis"): the name says the same.
  const title = (await badge.getAttribute('title')) ?? '';
  const findings = Number(title.match(/^(\d+)/)?.[1]);
  expect(findings).toBeGreaterThan(0);
  const counted = `${title.replace(/, in the analysis$/, '')}, `;
  expect(counted).toMatch(/^\d+ findings?, (worst )?(high|medium|low), $/);

  await expect(widget(page)).toMatchAriaSnapshot(`
    - listbox /Process map. 6 steps in 2 lanes\\. Arrow keys move along the flow/:
      - group "Lane Clerk, 3 steps":
        - 'option /^Step: Receive referral, start, lane Clerk, 1 of 3; next: Triage referral(; \\d+ findings?, (worst )?(high|medium|low))?$/'
        - 'option /^Step: Book clinic, task, lane Clerk, 2 of 3; next: Send letter(; \\d+ findings?, (worst )?(high|medium|low))?$/'
        - 'option "Step: Send letter, end, lane Clerk, 3 of 3; end of the process"'
      - group "Lane Nurse, 3 steps":
        - 'option "Step: Triage referral, task, lane Nurse, 1 of 3; next: Urgent?; ${counted}1 pain point" [selected]'
        - 'option /^Step: Urgent\\?, decision, lane Nurse, 2 of 3; next: Yes, Book clinic; No, Close case(; \\d+ findings?, (worst )?(high|medium|low))?$/'
        - 'option "Step: Close case, end, lane Nurse, 3 of 3; end of the process"'
  `);
  // The active descendant is the selected option, named as above.
  const active = await widget(page).getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute(
    'aria-label',
    `Step: Triage referral, task, lane Nurse, 1 of 3; next: Urgent?; ${counted}1 pain point`,
  );

  // A rename reaches the names at once: the step's own, and the one that leads to it.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Clinical triage');
  await page.keyboard.press('Enter');
  await expect(widget(page)).toBeFocused();
  await expect(widget(page)).toMatchAriaSnapshot(`
    - listbox:
      - group "Lane Clerk, 3 steps":
        - 'option /^Step: Receive referral, start, lane Clerk, 1 of 3; next: Clinical triage(; \\d+ findings?, (worst )?(high|medium|low))?$/'
      - group "Lane Nurse, 3 steps":
        - 'option /Step: Clinical triage, task, lane Nurse, 1 of 3; next: Urgent\\?; .*1 pain point/ [selected]'
  `);
});
