import { expect, type Page, test } from '@playwright/test';
import { expectConnected, viewSettled } from './editor-helpers';

/** Opens a template from the home page and waits for its first view to settle. */
async function openTemplate(page: Page, name: RegExp, steps: number): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(steps);
  await viewSettled(page);
}

/** The canvas's zoom, from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Every step's box on screen, by step id, with its label. */
async function stepRects(page: Page): Promise<{ id: string; label: string; rect: Rect }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="step"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.dataset.stepId as string,
        label: el.querySelector('[data-testid="step-label"]')?.textContent ?? '',
        rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    }),
  );
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The right edge, on screen, of the pinned lane-header column. */
async function headersRight(page: Page): Promise<number> {
  const box = await page.locator('.lane-headers').boundingBox();
  expect(box).not.toBeNull();
  return (box?.x ?? 0) + (box?.width ?? 0);
}

/**
 * The leftmost step is right of the lane headers, the topmost element at its centre, and a
 * click on it selects it (no header in the way).
 */
async function expectLeftmostStepClear(page: Page): Promise<void> {
  const rects = await stepRects(page);
  const leftmost = rects.reduce((a, b) => (b.rect.left < a.rect.left ? b : a));
  expect(leftmost.rect.left, `"${leftmost.label}" left of the headers`).toBeGreaterThanOrEqual(
    await headersRight(page),
  );
  const step = page.locator(`[data-testid="step"][data-step-id="${leftmost.id}"]`);
  await expect(step).toBeInViewport();
  await step.click({ timeout: 3_000 });
  await expect(step).toHaveClass(/is-selected/);
  await page.keyboard.press('Escape');
  await expect(step).not.toHaveClass(/is-selected/);
}

/** No step lies under the minimap, when there is one. */
async function expectMinimapClear(page: Page): Promise<void> {
  const minimap = page.locator('.react-flow__minimap');
  if ((await minimap.count()) === 0) return;
  const box = await minimap.boundingBox();
  if (!box) return;
  const mm = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  const under = (await stepRects(page)).filter((s) => overlaps(s.rect, mm)).map((s) => s.label);
  expect(under, 'steps under the minimap').toEqual([]);
}

async function fitView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a big template opens at a readable zoom from its start, clear of headers and minimap', async ({
      page,
    }) => {
      await openTemplate(page, /Outpatient referral/, 42);
      // Labels are 16px: at least 11px on screen.
      const fontSize = await page
        .getByTestId('step-label')
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize * (await zoomOf(page))).toBeGreaterThanOrEqual(11);
      // The first lane starts at the top of the canvas.
      const pane = await page.locator('.react-flow').boundingBox();
      const firstLane = await page.getByTestId('lane').first().boundingBox();
      expect(firstLane!.y - pane!.y).toBeGreaterThanOrEqual(0);
      expect(firstLane!.y - pane!.y).toBeLessThan(40);
      await expectMinimapClear(page);
      await expectLeftmostStepClear(page);

      await fitView(page);
      await expectLeftmostStepClear(page);
      await expectMinimapClear(page);
      // Fit view shows the whole map: every lane and every step.
      for (const lane of await page.getByTestId('lane').all()) {
        await expect(lane).toBeInViewport({ ratio: 1 });
      }
      for (const step of await page.getByTestId('step').all()) {
        await expect(step).toBeInViewport({ ratio: 0.99 });
      }
    });

    test('fit view frames a small template whole, right of the headers, also with the minimap open', async ({
      page,
    }) => {
      await openTemplate(page, /Invoice approval/, 15);
      await expectLeftmostStepClear(page);
      await expectMinimapClear(page);

      const toggle = page.getByRole('button', { name: 'Minimap' });
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
      await expect(page.locator('.react-flow__minimap')).toBeVisible();
      await fitView(page);
      await expectLeftmostStepClear(page);
      await expectMinimapClear(page);
      for (const lane of await page.getByTestId('lane').all()) {
        await expect(lane).toBeInViewport({ ratio: 1 });
      }
      // The choice is remembered.
      await page.reload();
      await expectConnected(page);
      await expect(page.locator('.react-flow__minimap')).toBeVisible();
      await toggle.click();
      await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    });
  });
}
