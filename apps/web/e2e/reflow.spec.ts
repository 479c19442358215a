import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { expectConnected, lane, step } from './editor-helpers';
import {
  PHONE,
  blueBadgeMap,
  named,
  expectReflows,
  expectUncovered,
  expectInWindow,
  openBlueBadge,
  stepOnScreen,
} from './reflow-helpers';

/*
 * Reflow (WCAG 1.4.10), measured rather than looked at: a phone-sized window (320×640 CSS px)
 * never scrolls sideways outside the canvas (which pans, as a map does). Text spacing and 200%
 * zoom: text-spacing.spec.ts; less motion and hiding cursors: motion-and-cursors.spec.ts.
 */

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
    await expect(items).toHaveCount(6);
    await expect(menu.getByRole('menuitemcheckbox', { name: /Outline/ })).toBeFocused();
    await expectInWindow(page, menu, 'More menu');
    await expectReflows(page, 'More menu open');
    await expectAccessible(page, 'the More menu open');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitemcheckbox', { name: /Table/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitemcheckbox', { name: /Compare/ })).toBeFocused();
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
