import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { exportBpmn, importFile } from '@procmap/interop';
import { type ProcessMap, validateMap } from '@procmap/model';
import { makeMap, openLink, viewSettled } from '../e2e/editor-helpers';

// Writes docs/screenshots/bpmn-js-*.png and canvas-*.png: a map as bpmn-js draws procmap's BPMN
// of it, beside the same map on procmap's canvas (`npm run screenshots`).
const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, 'docs', 'screenshots');
const viewerBundle = join(root, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'procmap:identity',
      JSON.stringify({ name: 'Sam Facilitator', color: '#0369a1', chosen: true }),
    ),
  );
});

/** Draws `xml` with the bpmn-js Viewer, fitted to the window, and saves the picture. */
async function bpmnJsPicture(page: Page, xml: string, path: string): Promise<void> {
  // A blank page, away from the app and its content security policy.
  await page.goto('about:blank');
  await page.setContent(
    '<!doctype html><html><body style="margin:0;background:#fff"><div id="canvas" style="width:100vw;height:100vh"></div></body></html>',
  );
  await page.addScriptTag({ path: viewerBundle });
  const warnings = await page.evaluate(async (text) => {
    // biome-ignore lint/suspicious/noExplicitAny: the viewer's UMD global has no types here
    const viewer = new (window as any).BpmnJS({ container: '#canvas' });
    const result = await viewer.importXML(text);
    viewer.get('canvas').zoom('fit-viewport');
    return (result.warnings as { message: string }[]).map((w) => w.message);
  }, xml);
  expect(warnings).toEqual([]);
  await page.screenshot({ path });
}

/** The same map on procmap's canvas. */
async function canvasPicture(page: Page, map: ProcessMap, path: string): Promise<void> {
  const made = await makeMap(page, map);
  await openLink(page, made.editUrl);
  await expect(page.getByTestId('step')).toHaveCount(map.steps.length);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  // The whole map, as wide as the window allows: the panel folded away, the view fitted.
  await page.getByTestId('panel-toggle').click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
  await page.screenshot({ path });
}

test('screenshots of the invoice approval example: bpmn-js beside the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const checked = validateMap(
    JSON.parse(readFileSync(join(root, 'examples', 'invoice-approval.procmap.json'), 'utf8')),
  );
  if (!checked.ok) throw new Error('the example is not a valid map');
  await canvasPicture(page, checked.map, join(dir, 'canvas-invoice-approval.png'));
  await bpmnJsPicture(
    page,
    await exportBpmn(checked.map),
    join(dir, 'bpmn-js-invoice-approval.png'),
  );
});

test('screenshots of a real BPMN file read by procmap: the canvas beside bpmn-js of the file written again', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const file = join(root, 'packages', 'interop', 'fixtures', 'bpmn', 'miwg-C.1.0.bpmn');
  const imported = await importFile(readFileSync(file, 'utf8'), { name: 'miwg-C.1.0.bpmn' });
  if (!imported.ok) throw new Error(imported.message);
  await canvasPicture(page, imported.map, join(dir, 'canvas-invoice-handling.png'));
  await bpmnJsPicture(
    page,
    await exportBpmn(imported.map),
    join(dir, 'bpmn-js-invoice-handling.png'),
  );
});
