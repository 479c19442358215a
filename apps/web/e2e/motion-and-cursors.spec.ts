import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectConnected, makeMap, openLink, step, viewSettled } from './editor-helpers';
import {
  PHONE,
  blueBadgeMap,
  named,
  expectReflows,
  expectInWindow,
  openBlueBadge,
  stepOnScreen,
} from './reflow-helpers';

/*
 * Less motion and hiding what moves by itself (WCAG 2.2.2): with reduced motion asked for, pans
 * and zooms land at once; colleagues' cursors, and being pulled along by a presenter, can be
 * turned off.
 */

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
