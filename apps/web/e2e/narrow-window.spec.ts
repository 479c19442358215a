import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectConnected, makeMap, openLink, threeLaneMap, viewSettled } from './editor-helpers';

/*
 * Small windows (a laptop beside a projector, a tablet): the toolbar never runs off the right
 * edge, the page never scrolls sideways, and the properties panel leaves the canvas most of the
 * window. Lane headers show every lane's step count, at any zoom.
 *
 * PROCMAP_NARROW_SHOTS=<folder> also saves a screenshot of each window size there.
 */

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
] as const;

const TOOLBAR_BUTTONS = ['Add lane', 'Tidy up', 'Undo', 'Redo', 'Export', 'Share'] as const;

async function openTemplate(page: Page, name: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
  await viewSettled(page);
}

/** The element at the centre of `locator`'s box is `locator` itself (or inside it). */
async function expectHitAtCentre(locator: Locator, what: string): Promise<void> {
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
  expect(hit, `${what} is not covered by anything`).toBe(true);
}

async function expectInWindow(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  const { width, height } = page.viewportSize()!;
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(width);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(height);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    window: window.innerWidth,
  }));
  expect(sizes.scroll, 'page width').toBeLessThanOrEqual(sizes.window);
  expect(sizes.body, 'body width').toBeLessThanOrEqual(sizes.window);
}

/** Every toolbar button is on screen, not covered, and named; the title is readable. */
async function expectToolbarFits(page: Page, label: string): Promise<void> {
  const toolbar = page.getByRole('banner');
  for (const name of [...TOOLBAR_BUTTONS, 'Keyboard shortcuts']) {
    const button = toolbar.getByRole('button', { name, exact: true });
    await expect(button, `${label}: ${name}`).toBeVisible();
    await expectInWindow(page, button, `${label}: ${name}`);
    await expectHitAtCentre(button, `${label}: ${name}`);
  }
  const title = page.getByTestId('map-title');
  await expect(title).toBeVisible();
  await expectInWindow(page, title, `${label}: title`);
  // Readable: a short title whole, a long one at least about eight characters wide.
  const shown = await title.evaluate((el) => ({
    width: el.getBoundingClientRect().width,
    whole: el.scrollWidth,
  }));
  expect(shown.width, `${label}: title width`).toBeGreaterThanOrEqual(Math.min(shown.whole, 120));
  await expectNoSidewaysScroll(page);
}

for (const size of SIZES) {
  const label = `${size.width}×${size.height}`;

  test(`at ${label} the toolbar fits, nothing scrolls sideways, the canvas keeps its room`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openTemplate(page, /Outpatient referral/);
    await expect(page.getByTestId('map-title')).toHaveText('Outpatient referral');
    // The first visit's name prompt is in the footer: it must fit too.
    await expect(page.getByTestId('name-prompt')).toBeVisible();
    await expectToolbarFits(page, label);
    await shot(page, `template-${size.width}`);

    // The properties panel is open, and narrower than the canvas.
    const panel = page.getByTestId('properties-panel');
    await expect(page.getByRole('tab', { name: 'Properties' })).toBeVisible();
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const side = (await panel.boundingBox())!;
    expect(canvas.width, 'canvas width').toBeGreaterThanOrEqual(size.width * 0.55);
    expect(side.width, 'panel width').toBeGreaterThanOrEqual(250);
    expect(side.x + side.width).toBeLessThanOrEqual(size.width);
    for (const tab of ['Properties', 'Analysis', 'Comments']) {
      await expectInWindow(page, page.getByRole('tab', { name: tab }), `${label}: ${tab} tab`);
    }

    // The comment filters are whole, the sort one too.
    await page.getByRole('tab', { name: 'Comments' }).click();
    const sort = page.getByLabel('Sort');
    await expect(sort).toBeVisible();
    const fits = await sort.evaluate((el: HTMLSelectElement) => {
      // The widest option, measured in the select's font, against the select's inner width.
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.style.position = 'absolute';
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = el.selectedOptions[0]?.textContent ?? '';
      document.body.append(probe);
      const text = probe.getBoundingClientRect().width;
      probe.remove();
      return { text, room: el.clientWidth };
    });
    // Room for the text, its padding and the arrow.
    expect(fits.room, 'sort select width').toBeGreaterThanOrEqual(fits.text + 24);
    await expectNoSidewaysScroll(page);

    // The buttons work from where they are.
    const toolbar = page.getByRole('banner');
    await toolbar.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByTestId('share-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-dialog')).toHaveCount(0);
    await toolbar.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await toolbar.getByRole('button', { name: 'Tidy up', exact: true }).click();
    const undo = toolbar.getByRole('button', { name: 'Undo', exact: true });
    await expect(undo).toBeEnabled();
    await undo.click();
    await expect(toolbar.getByRole('button', { name: 'Redo', exact: true })).toBeEnabled();
    await expectToolbarFits(page, `${label}, after tidy up and undo`);
    await shot(page, `comments-${size.width}`);
  });

  test(`at ${label} a very long title shortens with an ellipsis and pushes nothing off`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const long =
      'Outpatient referral from the GP to the hospital consultant, with triage and booking';
    const made = await makeMap(page, threeLaneMap(long));
    await openLink(page, made.editUrl);
    await expect(page.getByTestId('map-title')).toHaveText(long);
    await expectToolbarFits(page, `${label}, long title`);
    await shot(page, `long-title-${size.width}`);
  });
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.PROCMAP_NARROW_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** Each header's name and count are inside the header, the count under the name. */
async function expectEveryLaneCounted(page: Page, when: string): Promise<void> {
  const lanes = await page.getByTestId('lane').evaluateAll((headers) =>
    headers.map((header) => {
      const box = header.getBoundingClientRect();
      const name = header.querySelector('[data-testid="lane-name"]')!.getBoundingClientRect();
      const countEl = header.querySelector<HTMLElement>('[data-testid="lane-count"]');
      const count = countEl?.getBoundingClientRect();
      return {
        lane: header.querySelector('[data-testid="lane-name"]')!.textContent,
        text: countEl?.textContent ?? '',
        visible: Boolean(countEl?.checkVisibility()) && (count?.width ?? 0) > 0,
        countInside:
          count !== undefined && count.top >= box.top - 0.5 && count.bottom <= box.bottom + 0.5,
        nameInside: name.top >= box.top - 0.5 && name.bottom <= box.bottom + 0.5,
        apart:
          count !== undefined && (name.bottom <= count.top + 0.5 || name.right <= count.left + 0.5),
        nameSize: getComputedStyle(header.querySelector('[data-testid="lane-name"]')!).fontSize,
      };
    }),
  );
  expect(lanes.length).toBeGreaterThan(0);
  for (const l of lanes) {
    expect(l.text, `${when}: ${l.lane} count`).toMatch(/^\d+ steps?$/);
    expect(l.visible, `${when}: ${l.lane} count shown`).toBe(true);
    expect(l.countInside, `${when}: ${l.lane} count inside its header`).toBe(true);
    expect(l.nameInside, `${when}: ${l.lane} name inside its header`).toBe(true);
    expect(l.apart, `${when}: ${l.lane} name clear of its count`).toBe(true);
  }
  // One size for every lane's name, whatever its words.
  expect(new Set(lanes.map((l) => l.nameSize)).size, `${when}: name sizes`).toBe(1);
}

test('every lane header shows its step count, at any zoom, and a long name never covers it', async ({
  page,
}) => {
  await openTemplate(page, /Outpatient referral/);
  await expectEveryLaneCounted(page, 'as opened');
  const zoomOf = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const densities = () =>
    page
      .getByTestId('lane')
      .evaluateAll((hs) => hs.map((h) => /lane-header--(\w+)/.exec(h.className)?.[1]));

  // From 100% down to the smallest zoom, a step at a time: every header keeps its count.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  while ((await zoomOf()) < 1 && (await zoomIn.isEnabled())) {
    await zoomIn.click();
    await viewSettled(page);
  }
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  const seen = new Set(await densities());
  for (let i = 0; i < 20 && (await zoomOut.isEnabled()); i++) {
    await zoomOut.click();
    await viewSettled(page);
    const zoom = (await zoomOf()).toFixed(2);
    await expectEveryLaneCounted(page, `at zoom ${zoom}`);
    for (const d of await densities()) seen.add(d);
    if (i % 3 === 2) await shot(page, `lanes-zoom-${zoom}`);
  }
  await shot(page, 'lanes-zoom-smallest');
  // The regular, compact (zoomed out) and tiny (very thin lanes) headers were all checked.
  expect([...seen].sort()).toEqual(['compact', 'regular', 'tiny']);

  // A long name and one long word: whole lines, the ⋯ button beside the count, not on the name.
  const map = threeLaneMap('Long lane names');
  const roles = [
    { id: 'clerk', name: 'Specialist community occupational therapist for adults', order: 0 },
    { id: 'gp', name: 'Receptionist', order: 1 },
    { id: 'nurse', name: 'Supercalifragilisticexpialidociousreferralvalidation', order: 2 },
  ];
  const made = await makeMap(page, { ...map, roles });
  await openLink(page, made.editUrl);
  await expectEveryLaneCounted(page, 'long names');
  for (const role of roles) {
    const header = page.locator(`[data-testid="lane"][data-role-id="${role.id}"]`);
    await header.hover();
    const menu = header.getByRole('button', { name: /^Lane actions/ });
    await expect(menu).toBeVisible();
    const button = (await menu.boundingBox())!;
    const name = (await header.getByTestId('lane-name').boundingBox())!;
    const overlaps =
      button.x < name.x + name.width &&
      name.x < button.x + button.width &&
      button.y < name.y + name.height &&
      name.y < button.y + button.height;
    expect(overlaps, `${role.name}: ⋯ over the name`).toBe(false);
    await expectHitAtCentre(menu, `${role.name}: ⋯`);
  }
  await shot(page, 'lanes-long-names');
});
