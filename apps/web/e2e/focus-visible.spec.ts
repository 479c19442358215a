import { expect, type Page, test } from '@playwright/test';
import { makeMap, openLink, step, threeLaneMap } from './editor-helpers';

/*
 * Keyboard only, with a step selected: Tab visits every control of the editor once, the map in
 * one stop; focus is visible at every stop (an outline or ring of at least 2 px whose colour has
 * 3:1 against the page); every toolbar dialog opens from its button and gives focus back.
 */

interface Stop {
  readonly name: string;
  readonly tag: string;
  readonly isCanvas: boolean;
  readonly ring: { width: number; contrast: number } | null;
  readonly inView: boolean;
}

/** What has focus now, and how visible its focus indicator is. */
function focusedStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const luminance = (css: string) => {
      const m = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
      if (!m || m[4] === '0') return null;
      const lin = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(+m[1]!) + 0.7152 * lin(+m[2]!) + 0.0722 * lin(+m[3]!);
    };
    const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const page = luminance('rgb(255, 255, 255)')!;
    // The canvas shows focus on its selected step (the selection ring is the focus ring).
    const isCanvas = el.getAttribute('aria-activedescendant') !== null || el.id === 'map-canvas';
    const shown = isCanvas
      ? ((document
          .getElementById(el.getAttribute('aria-activedescendant') ?? '')
          ?.querySelector('.step') as HTMLElement | null) ?? el)
      : el;
    const style = getComputedStyle(shown);
    let ring: { width: number; contrast: number } | null = null;
    if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) {
      const l = luminance(style.outlineColor);
      if (l !== null)
        ring = { width: Number.parseFloat(style.outlineWidth), contrast: contrast(l, page) };
    }
    if (!ring && style.boxShadow !== 'none') {
      // The widest spread of a ring-like shadow, and its colour.
      const shadows = style.boxShadow.split(/,(?![^(]*\))/);
      for (const s of shadows) {
        const colour = s.match(/rgba?\([^)]*\)/)?.[0] ?? '';
        const spread = Number.parseFloat(s.replace(colour, '').trim().split(/\s+/)[3] ?? '0');
        const l = luminance(colour);
        if (l !== null && spread >= 2 && (!ring || contrast(l, page) > ring.contrast))
          ring = { width: spread, contrast: contrast(l, page) };
      }
    }
    const box = shown.getBoundingClientRect();
    const name =
      el.getAttribute('aria-label') ??
      el.getAttribute('title') ??
      (el.textContent ?? '').trim().slice(0, 40);
    return {
      name,
      tag: el.tagName.toLowerCase(),
      isCanvas,
      ring,
      inView:
        box.width > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < innerHeight &&
        box.left < innerWidth,
    };
  });
}

test('with a step selected, Tab reaches every control once, focus always visible', async ({
  page,
}) => {
  const map = await makeMap(page, threeLaneMap('Blue Badge application'));
  await openLink(page, map.editUrl);
  // Two renames and one undo: Undo and Redo both have something to do, so both are stops.
  await step(page, 'Triage referral').click();
  for (const name of ['Triage', 'Triage referral']) {
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(step(page, name)).toHaveCount(1);
  }
  await page.keyboard.press('Control+z');
  await expect(step(page, 'Triage')).toHaveCount(1);
  await step(page, 'Triage').click();
  await expect(step(page, 'Triage')).toHaveClass(/is-selected/);

  // From the top of the page, Tab until focus comes round to the first stop again.
  await page.locator('body').focus();
  const stops: Stop[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(page);
    if (!stop) continue;
    if (stops.length > 0 && stop.name === stops[0]!.name && stop.tag === stops[0]!.tag) break;
    stops.push(stop);
  }
  const names = stops.map((s) => s.name);
  // The map is one stop; the selection survived the whole walk.
  expect(
    stops.filter((s) => s.isCanvas),
    names.join(' | '),
  ).toHaveLength(1);
  await expect(step(page, 'Triage')).toHaveClass(/is-selected/);
  // Every toolbar control was reached.
  for (const wanted of [
    'Add lane',
    'Tidy up',
    'Undo',
    'Redo',
    'Outline',
    'Export',
    'Share',
    'Keyboard shortcuts',
  ]) {
    expect(
      names.some((n) => n.startsWith(wanted)),
      `${wanted} in ${names.join(' | ')}`,
    ).toBe(true);
  }
  // Focus is visible at every stop: a ring of 2 px or more with 3:1 against the page, on screen.
  for (const stop of stops) {
    expect(stop.ring, `focus ring on ${stop.tag} “${stop.name}”`).not.toBeNull();
    expect(stop.ring!.width, `ring width on “${stop.name}”`).toBeGreaterThanOrEqual(2);
    expect(stop.ring!.contrast, `ring contrast on “${stop.name}”`).toBeGreaterThanOrEqual(3);
    expect(stop.inView, `“${stop.name}” is on screen when focused`).toBe(true);
  }

  // Each dialog of the toolbar opens from its button by keyboard and gives focus back to it.
  for (const name of ['Share', 'Export', 'Keyboard shortcuts']) {
    const button = page.getByRole('button', { name, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(step(page, 'Triage')).toHaveClass(/is-selected/);
  }
});

test('the panel tabs are one stop; arrows, Home and End choose among them', async ({ page }) => {
  const map = await makeMap(page, threeLaneMap('Tabs'));
  await openLink(page, map.editUrl);
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await tab('Properties').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Analysis')).toBeFocused();
  await expect(tab('Analysis')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'panel-tab-analysis');
  await page.keyboard.press('End');
  await expect(tab('Comments')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Properties')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tab('Properties')).toHaveAttribute('aria-selected', 'true');
  // Tab goes on into the panel, not to the next tab.
  await page.keyboard.press('Tab');
  const focusedRole = await page.evaluate(() => document.activeElement?.getAttribute('role'));
  expect(focusedRole).not.toBe('tab');
});
