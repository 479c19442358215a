import { expect, type Page, test } from '@playwright/test';
import { expectConnected, makeMap, openLink, step, viewSettled } from './editor-helpers';

/*
 * Flows on the canvas: branches leaving one step fan out and each takes its own clicks, labels
 * sit clear of steps, time tags and each other, handles are easy to hit; "Fit view" shows the
 * whole map and the zoom buttons zoom about the centre of what is seen.
 */

/** A Blue Badge check: a decision whose two branches carry labels and shares, and a rework loop. */
function blueBadgeMap() {
  const s = (id: string, roleId: string, label: string, kind = 'task', times = {}) => ({
    id,
    roleId,
    kind,
    label,
    ...times,
  });
  return {
    format: 'procmap',
    version: 1,
    title: 'Blue Badge check',
    roles: [
      { id: 'applicant', name: 'Applicant', order: 0 },
      { id: 'officer', name: 'Council officer', order: 1 },
      { id: 'assessor', name: 'Assessor', order: 2 },
    ],
    steps: [
      s('apply', 'applicant', 'Apply online', 'start'),
      s('check', 'officer', 'Check documents', 'task', { processTime: 15, waitTime: 2880 }),
      s('complete', 'officer', 'Documents complete?', 'decision'),
      s('assess', 'officer', 'Assess eligibility', 'task', { processTime: 30, waitTime: 4320 }),
      s('missing', 'applicant', 'Send missing documents', 'task', { processTime: 20 }),
      s('decide', 'assessor', 'Decide on badge', 'task', { processTime: 10, waitTime: 1440 }),
      s('done', 'assessor', 'Badge issued', 'end'),
    ],
    flows: [
      { id: 'f-apply', from: 'apply', to: 'check' },
      { id: 'f-check', from: 'check', to: 'complete' },
      { id: 'f-yes', from: 'complete', to: 'assess', label: 'Complete', probability: 0.75 },
      { id: 'f-no', from: 'complete', to: 'missing', label: 'Missing papers', probability: 0.25 },
      { id: 'f-rework', from: 'missing', to: 'check', label: 'Resubmitted' },
      { id: 'f-assess', from: 'assess', to: 'decide' },
      { id: 'f-done', from: 'decide', to: 'done' },
    ],
  };
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const intersects = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Screen boxes of every element matching `selector`, with a name to report. */
async function boxes(page: Page, selector: string): Promise<{ name: string; box: Box }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        name: (el.textContent ?? '').trim() || el.getAttribute('data-step-id') || '?',
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    }),
  );
}

/** The screen point at `share` of a flow's visible line. */
async function pointOnFlow(page: Page, flowId: string, share: number) {
  return page
    .getByTestId(`rf__edge-${flowId}`)
    .locator('path.react-flow__edge-path')
    .evaluate((path: SVGPathElement, at) => {
      const p = path.getPointAtLength(path.getTotalLength() * at);
      const m = path.getScreenCTM() as DOMMatrix;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    }, share);
}

/**
 * The screen point of a flow's line in sight, between a fifth and four fifths of it, farthest
 * from every other flow's line (where a person would click to pick this one), and that distance.
 */
async function clearPointOnFlow(page: Page, flowId: string) {
  return page.evaluate((id) => {
    const onScreen = (path: SVGPathElement, length: number) => {
      const p = path.getPointAtLength(length);
      const m = path.getScreenCTM() as DOMMatrix;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    };
    const paths = [...document.querySelectorAll<SVGPathElement>('path.react-flow__edge-path')];
    const own = document.querySelector<SVGPathElement>(
      `[data-testid="rf__edge-${id}"] path.react-flow__edge-path`,
    ) as SVGPathElement;
    const others = paths
      .filter((p) => p !== own)
      .flatMap((p) => {
        const n = Math.ceil(p.getTotalLength() / 3);
        return Array.from({ length: n + 1 }, (_, i) => onScreen(p, (p.getTotalLength() * i) / n));
      });
    let best = { x: 0, y: 0, distance: -1 };
    for (let share = 0.2; share <= 0.8; share += 0.02) {
      const p = onScreen(own, own.getTotalLength() * share);
      // Only where the line is in sight, not under a step or a badge.
      const top = document.elementFromPoint(p.x, p.y);
      if (!top?.closest(`[data-testid="rf__edge-${id}"]`)) continue;
      const distance = Math.min(...others.map((o) => Math.hypot(o.x - p.x, o.y - p.y)));
      if (distance > best.distance) best = { ...p, distance };
    }
    return best;
  }, flowId);
}

test('a decision’s branches fan out, labels sit clear of steps and time tags, a click picks the flow seen', async ({
  page,
}) => {
  const made = await makeMap(page, blueBadgeMap());
  await openLink(page, made.editUrl);
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
  await page.screenshot({ path: 'test-results/flow-routing-branches.png' });

  // Labels: every one shown, none on a step, a time tag or another label.
  const labels = await boxes(page, '.flow__label');
  expect(labels.map((l) => l.name).sort()).toEqual([
    'Complete · 75%',
    'Missing papers · 25%',
    'Resubmitted',
  ]);
  const solid = [
    ...(await boxes(page, '[data-testid="step"]')),
    ...(await boxes(page, '[data-testid="step-times"]')),
  ];
  for (const label of labels) {
    for (const other of solid) {
      expect(intersects(label.box, other.box), `"${label.name}" over ${other.name}`).toBe(false);
    }
    for (const other of labels) {
      if (other !== label) expect(intersects(label.box, other.box)).toBe(false);
    }
  }

  // The two branches leave the diamond apart, and stay apart.
  for (const share of [0, 0.25]) {
    const yes = await pointOnFlow(page, 'f-yes', share);
    const no = await pointOnFlow(page, 'f-no', share);
    expect(Math.hypot(yes.x - no.x, yes.y - no.y), `apart at ${share}`).toBeGreaterThan(8);
  }

  // A click on each branch's line, away from where other lines cross it, selects that branch;
  // so does a click on its label.
  const panel = page.getByTestId('flow-properties');
  for (const [id, target] of [
    ['f-yes', 'Assess eligibility'],
    ['f-no', 'Send missing documents'],
  ] as const) {
    const at = await clearPointOnFlow(page, id);
    expect(at.distance, `${id} runs apart from the other lines`).toBeGreaterThan(6);
    await page.mouse.click(at.x, at.y);
    await expect(panel).toContainText(`From Documents complete? to ${target}`);
    await page.keyboard.press('Escape');
  }
  await page.locator('.flow__label', { hasText: 'Missing papers' }).click();
  await expect(panel).toContainText('From Documents complete? to Send missing documents');

  // Each flow takes the pointer on a stroke at least 12px wide.
  const widths = await page
    .locator('.react-flow__edge-interaction')
    .evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('stroke-width'))));
  expect(Math.min(...widths)).toBeGreaterThanOrEqual(12);
});

test('a connection handle takes the pointer well beyond its dot', async ({ page }) => {
  const made = await makeMap(page, blueBadgeMap());
  await openLink(page, made.editUrl);
  const assess = step(page, 'Assess eligibility');
  await assess.hover();
  const handle = assess.locator('.react-flow__handle.source');
  const box = await handle.boundingBox();
  if (!box) throw new Error('no handle on screen');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // 10px right of the dot's centre and 6px below it, outside the step: still the handle.
  const hit = await page.evaluate(
    ([x, y]) =>
      document.elementFromPoint(x as number, y as number)?.closest('.react-flow__handle')
        ?.className ?? '',
    [cx + 10, cy + 6],
  );
  expect(hit).toContain('source');
});

/** React Flow's viewport: pan x, y and zoom. */
async function viewport(page: Page) {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/** The map point at the centre of what is seen: the pane right of the lane headers. */
async function centrePoint(page: Page) {
  const pane = await page.locator('.react-flow').boundingBox();
  const headers = await page.locator('.lane-headers').boundingBox();
  if (!pane || !headers) throw new Error('no canvas');
  const v = await viewport(page);
  const sx = (headers.x + headers.width - pane.x + pane.width) / 2;
  const sy = pane.height / 2;
  return { x: (sx - v.x) / v.zoom, y: (sy - v.y) / v.zoom, zoom: v.zoom };
}

test('fit view shows the whole of a big map; zoom in and out keeps the centre where it was', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Outpatient referral/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(42);
  await viewSettled(page);

  const before = await centrePoint(page);
  const start = await viewport(page);
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  // Two quick clicks in: the map zooms about the centre of what is seen.
  await zoomIn.click();
  await zoomIn.click();
  await viewSettled(page);
  const zoomed = await centrePoint(page);
  expect(zoomed.zoom).toBeCloseTo(before.zoom * 1.44, 3);
  // Within two screen pixels at the new zoom.
  expect(Math.abs(zoomed.x - before.x) * zoomed.zoom).toBeLessThan(2);
  expect(Math.abs(zoomed.y - before.y) * zoomed.zoom).toBeLessThan(2);
  // And back out: the very same view.
  await zoomOut.click();
  await zoomOut.click();
  await viewSettled(page);
  const back = await viewport(page);
  expect(back.zoom).toBeCloseTo(start.zoom, 4);
  expect(Math.abs(back.x - start.x)).toBeLessThan(2);
  expect(Math.abs(back.y - start.y)).toBeLessThan(2);

  // Fit view: every step on screen, however far that zooms out.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
  await page.screenshot({ path: 'test-results/flow-routing-fit.png' });
  for (const s of await page.getByTestId('step').all()) await expect(s).toBeInViewport();
});
