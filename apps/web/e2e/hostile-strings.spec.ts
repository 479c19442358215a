import { expect, type Page, test } from '@playwright/test';
import { expectConnected } from './editor-helpers';
import { HOSTILE_PAYLOADS } from '@procmap/test-kit';

/*
 * Issue 4, bar 3: thirty hostile strings as role names, step labels, notes, flow labels and the
 * title, put into a map through the REST API (fast, and no keyboard sanitising on the way in).
 * The editor must show every one of them as text, verbatim, and run none of them — before and
 * after a reload — and the server must hand every one back byte for byte.
 */

const N = HOSTILE_PAYLOADS.length;
const TITLE = HOSTILE_PAYLOADS[20] as string;

/** One lane per payload, one step per lane (label and notes = the payload), a chain of flows. */
function hostileMap() {
  return {
    format: 'procmap',
    version: 1,
    title: TITLE,
    roles: HOSTILE_PAYLOADS.map((name, i) => ({ id: `r${i}`, name, order: i })),
    steps: HOSTILE_PAYLOADS.map((text, i) => ({
      id: `s${i}`,
      roleId: `r${i}`,
      kind: i === 0 ? 'start' : i === N - 1 ? 'end' : i % 7 === 3 ? 'decision' : 'task',
      label: text,
      notes: text,
    })),
    flows: HOSTILE_PAYLOADS.slice(1).map((text, i) => ({
      id: `f${i + 1}`,
      from: `s${i}`,
      to: `s${i + 1}`,
      label: text,
    })),
  };
}

interface StoredMap {
  readonly title: string;
  readonly roles: readonly { id: string; name: string }[];
  readonly steps: readonly { id: string; label: string; notes?: string }[];
  readonly flows: readonly { id: string; label?: string }[];
}

/** Every hostile string in the stored map, in payload order, as UTF-8 bytes (hex). */
function storedBytes(map: StoredMap): string[] {
  const byId = <T extends { id: string }>(list: readonly T[], id: string) =>
    list.find((x) => x.id === id);
  const strings = [
    map.title,
    ...HOSTILE_PAYLOADS.map((_, i) => byId(map.roles, `r${i}`)?.name),
    ...HOSTILE_PAYLOADS.map((_, i) => byId(map.steps, `s${i}`)?.label),
    ...HOSTILE_PAYLOADS.map((_, i) => byId(map.steps, `s${i}`)?.notes),
    ...HOSTILE_PAYLOADS.slice(1).map((_, i) => byId(map.flows, `f${i + 1}`)?.label),
  ];
  return strings.map((s) => Buffer.from(String(s), 'utf8').toString('hex'));
}

/** No dialog, no flag, no element made from a payload, no inline handler anywhere. */
async function expectNothingRan(page: Page, dialogs: readonly string[]): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.getElementById('root') as HTMLElement;
    const withHandlers = [...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
      .map((el) => el.outerHTML.slice(0, 120));
    const jsLinks = [...root.querySelectorAll('[href], [src], [data], [action], [formaction]')]
      .filter((el) => [...el.attributes].some((a) => /^\s*(javascript|data):/i.test(a.value)))
      .map((el) => el.outerHTML.slice(0, 120));
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      dangerous: [
        ...root.querySelectorAll('script, iframe, frame, img, object, embed, base, link, meta'),
      ].map((el) => el.outerHTML.slice(0, 120)),
      withHandlers,
      jsLinks,
      scripts: [...document.querySelectorAll('script')]
        .map((s) => s.textContent ?? '')
        .filter((t) => /pwned|alert/.test(t)),
    };
  });
  expect(found).toEqual({
    pwned: undefined,
    dangerous: [],
    withHandlers: [],
    jsLinks: [],
    scripts: [],
  });
  expect(dialogs).toEqual([]);
}

/** Every role name, step label and flow label, and the title, shown as text exactly as stored. */
async function expectShownVerbatim(page: Page): Promise<void> {
  const shown = await page.evaluate(() => {
    const texts = (selector: string) =>
      [...document.querySelectorAll(selector)].map((el) => el.textContent ?? '');
    return {
      title: texts('[data-testid="map-title"]'),
      lanes: texts('[data-testid="lane-name"]'),
      steps: texts('[data-testid="step-label"]'),
      flows: texts('.react-flow__edge-text'),
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
      pageText: document.body.innerText,
    };
  });
  expect(shown.title).toEqual([TITLE]);
  expect([...shown.lanes].sort()).toEqual([...HOSTILE_PAYLOADS].sort());
  expect([...shown.steps].sort()).toEqual([...HOSTILE_PAYLOADS].sort());
  expect([...shown.flows].sort()).toEqual([...HOSTILE_PAYLOADS.slice(1)].sort());
  // innerText collapses white space, so check the single-line payloads against it as well.
  for (const payload of HOSTILE_PAYLOADS.filter((p) => !/\s\s|\n/.test(p))) {
    expect(shown.pageText, payload.slice(0, 60)).toContain(payload);
  }
}

test('30 hostile strings as role names, labels and notes render as text and run nothing', async ({
  page,
}) => {
  expect(new Set(HOSTILE_PAYLOADS).size).toBe(30);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  // Given a map holding the payloads everywhere, created through the REST API.
  const file = hostileMap();
  const reply = await page.request.post('/api/maps', { data: file });
  expect(reply.status(), await reply.text()).toBe(201);
  const created = (await reply.json()) as { id: string; editToken: string; editUrl: string };
  const read = async () => {
    const res = await page.request.get(
      `/api/maps/${created.id}?token=${encodeURIComponent(created.editToken)}`,
    );
    expect(res.status()).toBe(200);
    return (await res.json()) as StoredMap;
  };
  // The export hands every string back byte for byte.
  const expected = storedBytes(file as StoredMap);
  expect(storedBytes(await read())).toEqual(expected);
  expect(await read()).toEqual(file);

  // When the editor opens it, then every payload is text and nothing ran.
  await page.goto(created.editUrl);
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(N);
  await expect(page.getByTestId('lane')).toHaveCount(N);
  await expectShownVerbatim(page);
  await expectNothingRan(page, dialogs);

  // Selecting each step in turn shows its note verbatim in the properties panel.
  const panel = page.getByTestId('properties-panel');
  const notes = panel.getByLabel('Notes', { exact: true });
  await page.locator('[data-testid="step"][data-step-id="s0"]').click();
  for (const [i, payload] of HOSTILE_PAYLOADS.entries()) {
    await expect(page.locator('.step.is-selected')).toHaveAttribute('data-step-id', `s${i}`);
    await expect(notes).toHaveValue(payload);
    if (!payload.includes('\n')) {
      await expect(panel.getByLabel('Label', { exact: true })).toHaveValue(payload);
    }
    if (i < N - 1) await page.keyboard.press('ArrowRight');
  }
  await expectNothingRan(page, dialogs);

  // And after a reload still nothing runs, and the server still holds the same bytes.
  await page.reload();
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(N);
  await expectShownVerbatim(page);
  await expectNothingRan(page, dialogs);
  expect(storedBytes(await read())).toEqual(expected);
});
