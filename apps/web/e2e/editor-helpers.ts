import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Creates an empty map from the home page and waits for its editor to be connected. */
export async function createMapFromHome(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Title of the new map').fill(title);
  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
}

/** Waits until the editor has synced with the server. */
export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
}

/** Presses a key that opens an inline text field, waits for the field, types, presses Enter. */
export async function typeInto(
  page: Page,
  key: string,
  field: 'Lane name' | 'Step label',
  text: string,
) {
  await page.keyboard.press(key);
  await expect(page.getByRole('textbox', { name: field })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: field })).toHaveCount(0);
}

/** The lane element whose header shows `name`. */
export function lane(page: Page, name: string) {
  return page
    .getByTestId('lane')
    .filter({ has: page.getByTestId('lane-name').getByText(name, { exact: true }) });
}

/** The step element whose label is `label`. */
export function step(page: Page, label: string) {
  return page
    .getByTestId('step')
    .filter({ has: page.getByTestId('step-label').getByText(label, { exact: true }) });
}

/** Expects the step labelled `label` to be in the lane named `laneName` (by role id, not by pixels). */
export async function expectStepInLane(page: Page, label: string, laneName: string): Promise<void> {
  const roleId = await lane(page, laneName).getAttribute('data-role-id');
  expect(roleId, `lane "${laneName}"`).toBeTruthy();
  await expect(step(page, label)).toHaveAttribute('data-role-id', roleId as string);
}

/** A map made through the REST API: its id and both links. */
export interface MadeMap {
  readonly id: string;
  readonly editUrl: string;
  readonly viewUrl: string;
}

/** Creates a map from a whole map file through the REST API. */
export async function makeMap(page: Page, file: object): Promise<MadeMap> {
  const res = await page.request.post('/api/maps', { data: file });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as MadeMap;
}

/** Opens a link in the editor and waits until it is connected and the view has settled. */
export async function openLink(page: Page, url: string): Promise<void> {
  await page.goto(new URL(url).pathname + new URL(url).hash);
  await expectConnected(page);
  await viewSettled(page);
}

/**
 * Animation frames the canvas's transform must stay the same for to count as still: a pan or
 * zoom animation moves it on every frame, so a few unchanged ones in a row mean none is running.
 */
const STILL_FRAMES = 8;
/** Frames to watch before giving up on a view that keeps moving (10 s at 60 frames a second). */
const MOST_FRAMES = 600;

/**
 * Waits until the canvas's pan and zoom stop changing (the first fit to the view is done, an
 * animated pan has ended): watched in the page on each animation frame, the only moments the
 * view can change, rather than sampled after a fixed pause.
 */
export async function viewSettled(page: Page): Promise<void> {
  const { still, transform } = await page.locator('.react-flow__viewport').evaluate(
    async (viewport, { stillFrames, mostFrames }) => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const now = () => getComputedStyle(viewport).transform;
      let last = now();
      let unchanged = 0;
      for (let i = 0; i < mostFrames && unchanged < stillFrames; i++) {
        await frame();
        unchanged = now() === last ? unchanged + 1 : 0;
        last = now();
      }
      return { still: unchanged >= stillFrames, transform: last };
    },
    { stillFrames: STILL_FRAMES, mostFrames: MOST_FRAMES },
  );
  expect(still, `the view still moving after ${MOST_FRAMES} frames, at ${transform}`).toBe(true);
}

/** The map as the server stores it now, read with the token of the page's link. */
export async function storedMap(page: Page): Promise<StoredMap> {
  const url = new URL(page.url());
  const id = url.pathname.split('/').pop() as string;
  const token = new URLSearchParams(url.hash.slice(1)).get('token') as string;
  const res = await page.request.get(`/api/maps/${id}?token=${encodeURIComponent(token)}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as StoredMap;
}

export interface StoredMap {
  readonly roles: readonly { id: string; name: string; order?: number; color?: string }[];
  readonly steps: readonly { id: string; roleId: string; label: string; kind: string }[];
  readonly flows: readonly { id: string; from: string; to: string }[];
}

/** Lane names from top to bottom, as the headers show them. */
export async function laneNames(page: Page): Promise<string[]> {
  return page.getByTestId('lane-name').allTextContents();
}

/** A step of a map file made for a test: a task unless `kind` says otherwise. */
export function testStep(id: string, roleId: string, label: string, kind = 'task') {
  return { id, roleId, kind, label };
}

/** A small three-lane referral: five connected steps. */
export function threeLaneMap(title: string) {
  const s = testStep;
  return {
    format: 'procmap',
    version: 1,
    title,
    roles: [
      { id: 'clerk', name: 'Clerk', order: 0 },
      { id: 'gp', name: 'GP', order: 1 },
      { id: 'nurse', name: 'Nurse', order: 2 },
    ],
    steps: [
      s('s1', 'clerk', 'Receive letter', 'start'),
      s('s2', 'clerk', 'Register referral'),
      s('s3', 'gp', 'Triage referral'),
      s('s4', 'nurse', 'Book clinic'),
      s('s5', 'nurse', 'Clinic booked', 'end'),
    ],
    flows: [
      { id: 'f1', from: 's1', to: 's2' },
      { id: 'f2', from: 's2', to: 's3' },
      { id: 'f3', from: 's3', to: 's4' },
      { id: 'f4', from: 's4', to: 's5' },
    ],
  };
}

/** Renames a step the way most people do: double-click, select all, type, Enter. */
export async function renameStep(page: Page, from: string, to: string): Promise<void> {
  // Selecting a step half under the lane headers pans it into view: double-click once it is still.
  await step(page, from).click();
  await viewSettled(page);
  await step(page, from).dblclick();
  await expect(page.getByRole('textbox', { name: 'Step label' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect(step(page, to)).toHaveCount(1);
}

/** Shows a process of the map from the switcher: "As-is" or a scenario's name. */
export async function showProcess(page: Page, name: string): Promise<void> {
  await page.getByTestId('scenario-switcher').click();
  await page.getByTestId('scenario-menu').getByRole('menuitemradio', { name }).click();
  await expect(page.getByTestId('scenario-switcher')).toHaveAccessibleName(
    `Process shown: ${name}`,
  );
}

/** Makes a scenario from the process shown (`from`: "as-is" or "this scenario") and shows it. */
export async function newScenario(
  page: Page,
  name: string,
  from: 'as-is' | 'this scenario' = 'as-is',
): Promise<void> {
  await page.getByTestId('scenario-switcher').click();
  await page
    .getByTestId('scenario-menu')
    .getByRole('menuitem', { name: `New scenario from ${from}…` })
    .click();
  const dialog = page.getByTestId('new-scenario-dialog');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create and show' }).click();
  await expect(page.getByTestId('scenario-banner')).toContainText(`Scenario: ${name}`);
}

/**
 * The referral example (examples/referral-scenarios.procmap.json), its to-be given one new step
 * too: the scenario then shows each kind of mark (new, changed, moved, removed).
 */
export function referralWithEveryMark() {
  const map = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../../examples/referral-scenarios.procmap.json'),
      'utf8',
    ),
  );
  const [online] = map.scenarios;
  online.steps.splice(3, 0, {
    id: 'text',
    roleId: 'nurse',
    kind: 'task',
    label: 'Text the patient their slot',
    processTime: 1,
  });
  online.flows = online.flows
    .filter((f: { id: string }) => f.id !== 'f4')
    .concat([
      { id: 'f5', from: 'book', to: 'text' },
      { id: 'f6', from: 'text', to: 'booked' },
    ]);
  return map;
}

/** Opens the comparison of the as-is and its scenarios from the process switcher's menu. */
export async function openCompare(page: Page): Promise<void> {
  await page.getByTestId('scenario-switcher').click();
  await page.getByRole('menuitemcheckbox', { name: /Compare side by side/ }).click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
}
