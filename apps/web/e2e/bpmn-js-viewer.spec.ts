import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { exportBpmn, importFile } from '@procmap/interop';
import { validateMap } from '@procmap/model';

/*
 * The BPMN procmap writes opens in bpmn-js, the viewer of bpmn.io and Camunda Modeler: every
 * example map, and five real BPMN files read by procmap and written out again, are imported
 * into the bpmn-js Viewer in Chromium with no warning, and every flow node, lane and sequence
 * flow of the XML is drawn. No server: the viewer's bundle is put on a blank page.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const viewerBundle = join(root, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const examples = join(root, 'examples');
const fixtures = join(root, 'packages', 'interop', 'fixtures', 'bpmn');

/** Real files with what bpmn-js finds hard: lanes, pools, vertical lanes, sub-processes, boundaries. */
const FIXTURES = [
  'miwg-C.1.0.bpmn', // two pools, one with four lanes (invoice handling)
  'miwg-C.4.0.bpmn', // four pools and message flows
  'miwg-A.4.1.bpmn', // vertical pools and lanes, expanded sub-processes
  'miwg-B.2.0.bpmn', // five sub-processes, eleven boundary events, link events
  'miwg-C.6.0.bpmn', // boundary events on tasks and sub-processes, no pool
];

/** An example map as the app holds it. */
function exampleMap(file: string) {
  const checked = validateMap(JSON.parse(readFileSync(join(examples, file), 'utf8')));
  if (!checked.ok) throw new Error(`${file} is not a valid map`);
  return checked.map;
}

/** A fixture imported by procmap, then written back out as procmap's BPMN. */
async function roundTripped(file: string): Promise<string> {
  const imported = await importFile(readFileSync(join(fixtures, file), 'utf8'), { name: file });
  if (!imported.ok) throw new Error(`${file} was refused: ${imported.message}`);
  return exportBpmn(imported.map);
}

interface Drawn {
  readonly warnings: readonly string[];
  readonly error?: string;
  /** Ids of the XML's flow nodes, lanes and sequence flows bpmn-js did not draw. */
  readonly missing: readonly string[];
  readonly counts: { readonly nodes: number; readonly lanes: number; readonly flows: number };
}

/** Loads `xml` into a fresh bpmn-js Viewer and checks what it drew against the XML. */
async function drawInBpmnJs(page: Page, xml: string): Promise<Drawn> {
  await page.setContent(
    '<!doctype html><html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>',
  );
  await page.addScriptTag({ path: viewerBundle });
  return page.evaluate(async (text) => {
    const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
    const NODES = new Set([
      'task',
      'userTask',
      'serviceTask',
      'manualTask',
      'scriptTask',
      'sendTask',
      'receiveTask',
      'businessRuleTask',
      'subProcess',
      'adHocSubProcess',
      'transaction',
      'callActivity',
      'startEvent',
      'endEvent',
      'intermediateCatchEvent',
      'intermediateThrowEvent',
      'boundaryEvent',
      'exclusiveGateway',
      'parallelGateway',
      'inclusiveGateway',
      'eventBasedGateway',
      'complexGateway',
    ]);
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const all = [...doc.getElementsByTagNameNS(BPMN, '*')];
    const ids = (test: (name: string) => boolean) =>
      all.filter((e) => test(e.localName)).map((e) => e.getAttribute('id') ?? '(no id)');
    const nodes = ids((n) => NODES.has(n));
    const lanes = ids((n) => n === 'lane');
    const flows = ids((n) => n === 'sequenceFlow');
    // biome-ignore lint/suspicious/noExplicitAny: the viewer's UMD global has no types here
    const viewer = new (window as any).BpmnJS({ container: '#canvas' });
    try {
      const result = await viewer.importXML(text);
      const registry = viewer.get('elementRegistry');
      const missing = [...nodes, ...lanes, ...flows].filter(
        (id) => !registry.get(id) || !registry.getGraphics(id),
      );
      return {
        warnings: (result.warnings as { message: string }[]).map((w) => w.message),
        missing,
        counts: { nodes: nodes.length, lanes: lanes.length, flows: flows.length },
      };
    } catch (e) {
      const error = e as Error & { warnings?: { message: string }[] };
      return {
        warnings: (error.warnings ?? []).map((w) => w.message),
        error: error.message,
        missing: [],
        counts: { nodes: nodes.length, lanes: lanes.length, flows: flows.length },
      };
    }
  }, xml);
}

const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.procmap.json'));

test('every example map has a file to check', () => {
  expect(exampleFiles.length).toBeGreaterThanOrEqual(4);
});

for (const file of exampleFiles) {
  test(`bpmn-js draws the example ${file} as procmap writes it, without a warning`, async ({
    page,
  }) => {
    const map = exampleMap(file);
    const drawn = await drawInBpmnJs(page, await exportBpmn(map));
    expect(drawn.error).toBeUndefined();
    expect(drawn.warnings).toEqual([]);
    expect(drawn.missing).toEqual([]);
    // Every step is a flow node and every role a lane: nothing was left out of the XML.
    expect(drawn.counts.nodes).toBeGreaterThanOrEqual(map.steps.length);
    expect(drawn.counts.lanes).toBe(map.roles.length);
    expect(drawn.counts.flows).toBeGreaterThan(0);
  });
}

for (const file of FIXTURES) {
  test(`bpmn-js draws ${file} read by procmap and written again, without a warning`, async ({
    page,
  }) => {
    const imported = await importFile(readFileSync(join(fixtures, file), 'utf8'), { name: file });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const drawn = await drawInBpmnJs(page, await roundTripped(file));
    expect(drawn.error).toBeUndefined();
    expect(drawn.warnings).toEqual([]);
    expect(drawn.missing).toEqual([]);
    expect(drawn.counts.nodes).toBeGreaterThanOrEqual(imported.map.steps.length);
    expect(drawn.counts.flows).toBeGreaterThan(0);
  });
}

test('the check finds a flow node bpmn-js could not draw', async ({ page }) => {
  const xml = await exportBpmn(exampleMap('tiny.procmap.json'));
  // The first task's shape taken out of the diagram: the task is in the model, never drawn.
  const task = /<bpmn:task id="([^"]+)"/.exec(xml)?.[1];
  expect(task).toBeTruthy();
  const shape = new RegExp(
    `<bpmndi:BPMNShape[^>]*bpmnElement="${task}"[\\s\\S]*?</bpmndi:BPMNShape>`,
  );
  expect(xml).toMatch(shape);
  const drawn = await drawInBpmnJs(page, xml.replace(shape, ''));
  expect(drawn.missing).toEqual(expect.arrayContaining([task]));
});
