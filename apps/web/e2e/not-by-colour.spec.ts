import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { analyze, expectedVisits, formatMinutes, type Severity } from '@procmap/analysis';
import type { CommentKind, ProcessMap } from '@procmap/model';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { makeMap, openLink, step, threeLaneMap, viewSettled } from './editor-helpers';

/*
 * WCAG 1.4.1 (use of colour), 1.4.3 (contrast) and 2.5.8 (target size) on the canvas: what the
 * colours say is also said in words or symbols, a colleague's selection carries their name, and
 * every pointer target in the editor is at least 24×24 CSS px or one of the listed exceptions.
 */

const example = (name: string) =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'examples', `${name}.procmap.json`),
      'utf8',
    ),
  ) as ProcessMap;

const stepBox = (page: Page, id: string) => page.locator(`.step[data-step-id="${id}"]`);

/** A screenshot of the page around an element, with room for what sits on its edges. */
async function shootAround(page: Page, el: Locator, name: string, margin = 40): Promise<void> {
  const box = (await el.boundingBox())!;
  await page.screenshot({
    path: test.info().outputPath(name),
    clip: {
      x: Math.max(0, box.x - margin),
      y: Math.max(0, box.y - margin),
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    },
  });
}

// Screenshots sharp enough to read the symbols on the badges and markers.
test.use({ deviceScaleFactor: 2 });

const SEVERITY: Readonly<Record<Severity, { word: string; symbol: string; rank: number }>> = {
  critical: { word: 'high', symbol: '!', rank: 2 },
  warning: { word: 'medium', symbol: '▲', rank: 1 },
  info: { word: 'low', symbol: 'i', rank: 0 },
};

const KIND: Readonly<Record<CommentKind, { word: string; symbol: string; rank: number }>> = {
  'pain-point': { word: 'Pain point', symbol: '⚑', rank: 3 },
  idea: { word: 'Idea', symbol: '✦', rank: 2 },
  question: { word: 'Question', symbol: '?', rank: 1 },
  note: { word: 'Note', symbol: '✎', rank: 0 },
};

/** WCAG contrast of two CSS colours as getComputedStyle gives them (rgb(…)). */
function contrastOf(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number) as number[];
    const ch = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function textContrast(el: Locator): Promise<number> {
  const { color, background } = await el.evaluate((node) => {
    const s = getComputedStyle(node);
    return { color: s.color, background: s.backgroundColor };
  });
  return contrastOf(color, background);
}

test('heat mode: a legend in words, and every step shows its figure as text', async ({ page }) => {
  const file = example('hospital-discharge');
  const hours = file.settings?.hoursPerDay ?? 7.5;
  const visits = expectedVisits(file);
  const perCase = (id: string, what: 'wait' | 'lead') => {
    const s = file.steps.find((x) => x.id === id)!;
    const v = visits.get(s.id) ?? 0;
    return v * ((s.waitTime ?? 0) + (what === 'lead' ? (s.processTime ?? 0) : 0));
  };
  const hottestWait = Math.max(...file.steps.map((s) => perCase(s.id, 'wait')));
  const leadTime = analyze(file).metrics.leadTime;

  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const panel = page.getByTestId('analysis-panel');
  const legend = page.getByTestId('heat-legend');
  await expect(legend).toHaveCount(0);

  // Given the heat by wait: the legend says what the colour measures, from cool to hot.
  await panel.getByLabel('Wait', { exact: true }).check();
  await expect(legend).toBeVisible();
  await expect(legend.getByRole('heading')).toHaveText('Heat: wait before each step, per case');
  await expect(legend.getByRole('listitem')).toHaveText([
    'No wait',
    formatMinutes(hottestWait / 2, hours),
    `${formatMinutes(hottestWait, hours)} (hottest)`,
  ]);
  // Every step says its figure in words, where its colour says it too.
  await expect(page.getByTestId('heat-value')).toHaveCount(file.steps.length);
  for (const s of file.steps) {
    const wait = perCase(s.id, 'wait');
    const figure = wait > 0 ? `Wait ${formatMinutes(wait, hours)}` : 'No wait';
    await expect(stepBox(page, s.id).getByTestId('heat-value')).toHaveText(figure);
    // …and a listener hears the same figure at the end of the step's name.
    await expect(page.locator(`[id="map-step-${s.id}"]`)).toHaveAttribute(
      'aria-label',
      new RegExp(`; ${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
  }
  await expect(stepBox(page, 'transport-wait')).toHaveAttribute('data-heat', '100');
  await page.screenshot({ path: test.info().outputPath('heat-by-wait.png') });

  // By lead time: each step's share of it.
  await panel.getByLabel('Lead time', { exact: true }).check();
  await expect(legend.getByRole('heading')).toContainText('share of the lead time');
  for (const s of file.steps) {
    const percent = (perCase(s.id, 'lead') / leadTime) * 100;
    await expect(stepBox(page, s.id).getByTestId('heat-value')).toHaveText(
      `${percent > 0 && percent < 0.5 ? 'under 1%' : `${Math.round(percent)}%`} of lead time`,
    );
  }

  // The legend stays on the map whichever tab the panel shows, and turns the heat off.
  await page.getByRole('tab', { name: 'Comments' }).click();
  await expect(legend).toBeVisible();
  await expect(page.getByTestId('heat-value')).toHaveCount(file.steps.length);
  await legend.getByRole('button', { name: 'Turn off' }).click();
  await expect(legend).toHaveCount(0);
  await expect(page.getByTestId('heat-value')).toHaveCount(0);
  await expect(page.locator('[data-heat]')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(panel.getByLabel('Off')).toBeChecked();
});

test('finding badges, comment markers, findings and comment cards carry a symbol and say what they mean', async ({
  page,
}) => {
  const file = example('outpatient-referral');
  const result = analyze(file);
  const perStep = new Map<string, { count: number; worst: Severity }>();
  for (const f of result.findings) {
    for (const id of new Set(f.stepIds)) {
      const mark = perStep.get(id);
      if (!mark) perStep.set(id, { count: 1, worst: f.severity });
      else {
        mark.count++;
        if (SEVERITY[f.severity].rank > SEVERITY[mark.worst].rank) mark.worst = f.severity;
      }
    }
  }
  const stepIds = new Set<string>(file.steps.map((s) => s.id));
  const perTarget = new Map<string, { count: number; kind: CommentKind }>();
  for (const c of file.comments ?? []) {
    if (c.resolved || !c.targetId || !stepIds.has(c.targetId)) continue;
    const mark = perTarget.get(c.targetId);
    if (!mark) perTarget.set(c.targetId, { count: 1, kind: c.kind });
    else {
      mark.count++;
      if (KIND[c.kind].rank > KIND[mark.kind].rank) mark.kind = c.kind;
    }
  }
  // The map shows more than one severity and more than one kind of comment.
  expect(new Set([...perStep.values()].map((m) => m.worst)).size).toBeGreaterThan(1);
  expect(new Set([...perTarget.values()].map((m) => m.kind)).size).toBeGreaterThan(1);

  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await expect(page.getByTestId('finding-badge')).toHaveCount(perStep.size);

  // A badge: the worst severity's symbol beside the count, and the same in words.
  for (const [id, { count, worst }] of perStep) {
    const badge = stepBox(page, id).getByTestId('finding-badge');
    await expect(badge.getByTestId('mark-symbol')).toHaveText(SEVERITY[worst].symbol);
    await expect(badge.locator('[aria-hidden="true"]')).toHaveText(
      `${SEVERITY[worst].symbol}${count}`,
    );
    await expect(badge.locator('.visually-hidden')).toHaveText(
      count === 1
        ? `1 finding, ${SEVERITY[worst].word}`
        : `${count} findings, worst ${SEVERITY[worst].word}`,
    );
    expect(await textContrast(badge)).toBeGreaterThanOrEqual(4.5);
  }

  // A comment marker: the kind's symbol beside the count, and the same in words.
  await expect(page.getByTestId('comment-marker')).toHaveCount(perTarget.size);
  for (const [id, { count, kind }] of perTarget) {
    const marker = stepBox(page, id).getByTestId('comment-marker');
    const word = KIND[kind].word.toLowerCase();
    const article = /^[aeiou]/.test(word) ? 'an' : 'a';
    await expect(marker.getByTestId('mark-symbol')).toHaveText(KIND[kind].symbol);
    await expect(marker.locator('.visually-hidden')).toHaveText(
      count === 1
        ? `1 open comment, ${article} ${word}`
        : kind === 'note'
          ? `${count} open comments, all notes`
          : `${count} open comments, including ${article} ${word}`,
    );
    expect(await textContrast(marker)).toBeGreaterThanOrEqual(4.5);
  }

  // In the panel, each finding shows its severity's symbol, and its name starts with the word.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const findings = page.getByTestId('analysis-panel').getByTestId('finding');
  await expect(findings).toHaveCount(result.findings.length);
  for (const severity of ['critical', 'warning', 'info'] as const) {
    const { word, symbol } = SEVERITY[severity];
    const named = page.getByRole('button', { name: new RegExp(`^${word} severity: `) });
    await expect(named).toHaveCount(result.findings.filter((f) => f.severity === severity).length);
    for (const f of await named.all()) {
      await expect(f.getByTestId('finding-symbol')).toHaveText(symbol);
    }
  }
  await findings.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('findings.png') });
  // A high finding's steps, brought into view by the finding: their badges say "!".
  const high = result.findings.find((f) => f.severity === 'critical')!;
  await page
    .getByRole('button', { name: /^high severity: / })
    .first()
    .click();
  await viewSettled(page);
  await page.mouse.move(5, 300);
  // (The one furthest right: fitting the view may leave the first under the lane headers.)
  const xs = await Promise.all(
    high.stepIds.map(async (id) => ({ id, x: (await stepBox(page, id).boundingBox())!.x })),
  );
  const shown = xs.sort((a, b) => b.x - a.x)[0]!.id;
  await shootAround(page, stepBox(page, shown), 'badge-high.png');

  // Each comment card's kind: its symbol beside its name.
  await page.getByRole('tab', { name: 'Comments' }).click();
  const cards = page.getByTestId('comment');
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    const kind = (await card.getAttribute('data-kind')) as CommentKind;
    const chip = card.getByTestId('comment-kind');
    await expect(chip.locator('[aria-hidden="true"]')).toHaveText(KIND[kind].symbol);
    await expect(chip).toHaveText(`${KIND[kind].symbol}${KIND[kind].word}`);
  }
  await cards.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('comment-cards.png') });
  // A pain point's step, brought into view from its card: its marker shows the flag.
  const pain = [...perTarget].find(([, m]) => m.kind === 'pain-point')![0];
  const label = file.steps.find((s) => s.id === pain)!.label;
  await cards
    .getByRole('button', { name: `on ${label}` })
    .first()
    .click();
  await viewSettled(page);
  await page.mouse.move(5, 300);
  await shootAround(page, stepBox(page, pain), 'marker-pain-point.png');
});

/** Opens the link in a fresh browser context under a name, as a colleague would. */
async function joinAs(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openLink(page, url);
  const prompt = page.getByTestId('name-prompt');
  await prompt.getByRole('textbox').fill(name);
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt).toHaveCount(0);
  return page;
}

test('a colleague’s selection shows their name on the step, readable on their colour', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Name tags'));
  const alice = await joinAs(browser, made.editUrl, 'Alice');
  const bob = await joinAs(browser, made.editUrl, 'Bob Okafor');

  // Bob selects a step: Alice sees his name on it, in his colour, not only an outline.
  await step(bob, 'Triage referral').click();
  const tag = step(alice, 'Triage referral').getByTestId('peer-tag');
  await expect(tag).toHaveText('Bob Okafor');
  await expect(tag).toBeVisible();
  expect(await textContrast(tag)).toBeGreaterThanOrEqual(4.5);
  await expect(step(alice, 'Triage referral').getByTestId('peer-tags')).toHaveAttribute(
    'title',
    'Selected by Bob Okafor',
  );
  await alice.mouse.move(5, 300);
  await shootAround(alice, step(alice, 'Triage referral'), 'name-tag.png');

  // A colleague whose browser sent a light colour: the tag's text is dark, still 4.5:1.
  const url = new URL(made.editUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') as string;
  const provider = new WebsocketProvider(`ws://${url.host}/sync`, made.id, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    provider.awareness.setLocalState({
      user: { name: 'Sunny', color: '#ffe14d' },
      cursor: null,
      selection: ['s4'],
    });
    const sunny = step(alice, 'Book clinic').getByTestId('peer-tag');
    await expect(sunny).toHaveText('Sunny');
    expect(await textContrast(sunny)).toBeGreaterThanOrEqual(4.5);
  } finally {
    provider.destroy();
  }
  await expect(step(alice, 'Book clinic').getByTestId('peer-tag')).toHaveCount(0);

  // Bob clears his selection: the tag goes.
  await bob.keyboard.press('Escape');
  await expect(tag).toHaveCount(0);
  await bob.context().close();
  await alice.context().close();
});

/** Where WCAG 2.5.8 allows a target under 24×24, and why. */
const EXCEPTIONS: readonly { readonly selector: string; readonly why: string }[] = [
  {
    selector: '.comment__meta .link-button',
    why: 'Inline: the step a comment is on, a link within a line of text',
  },
];

interface Measured {
  readonly what: string;
  readonly width: number;
  readonly height: number;
  readonly exception: string | null;
}

/**
 * Every pointer target shown now: buttons, links, fields, tabs, connection handles (a radio or
 * checkbox counts with its label, which takes the same clicks). Hidden ones are left out.
 */
async function measureTargets(page: Page): Promise<Measured[]> {
  return page.evaluate((exceptions) => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="tab"]',
      '[role="menuitem"]',
      '[tabindex]:not([tabindex="-1"])',
      '.react-flow__handle',
    ].join(', ');
    const out: Measured[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (el.closest('.visually-hidden')) continue;
      // Not a pointer target: the map's keyboard stop, which the pointer passes through.
      if (getComputedStyle(el).pointerEvents === 'none') continue;
      const input = el as HTMLInputElement;
      const label =
        el.tagName === 'INPUT' && (input.type === 'radio' || input.type === 'checkbox')
          ? el.closest('label')
          : null;
      const box = (label ?? el).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const name =
        el.getAttribute('aria-label') ??
        label?.textContent ??
        el.textContent ??
        el.getAttribute('title') ??
        '';
      const exception = exceptions.find((x) => el.matches(x.selector))?.why ?? null;
      out.push({
        what: `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} "${name.trim().slice(0, 40)}"`,
        width: Math.round(box.width * 10) / 10,
        height: Math.round(box.height * 10) / 10,
        exception,
      });
    }
    return out;
  }, EXCEPTIONS);
}

const tooSmall = (all: readonly Measured[]) =>
  all.filter((t) => t.exception === null && (t.width < 24 || t.height < 24));

test('every pointer target in the editor is at least 24×24 px, or a listed exception', async ({
  page,
}) => {
  const file = example('hospital-discharge');
  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  const seen: Measured[] = [];
  const measure = async (where: string) => {
    const now = await measureTargets(page);
    seen.push(...now.map((t) => ({ ...t, what: `${where}: ${t.what}` })));
    return now;
  };

  // The map with a step selected (its handles shown), the pointer on another (its handles too),
  // a lane header's ⋯ button, the zoom controls and the minimap, the heat legend.
  await step(page, 'Update bed board').click();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('analysis-panel').getByLabel('Wait', { exact: true }).check();
  await page.getByRole('button', { name: 'Minimap' }).click();
  await step(page, 'Tell patient and family the plan').hover();
  const canvas = await measure('canvas');
  expect(canvas.filter((t) => t.what.includes('react-flow__handle')).length).toBe(4);
  expect(canvas.filter((t) => t.what.includes('Turn off')).length).toBe(1);
  expect(canvas.filter((t) => t.what.includes('Fit View')).length).toBe(1);
  await page.getByTestId('lane').first().hover();
  const lanes = await measure('lane header');
  expect(lanes.filter((t) => t.what.includes('lane-header__menu')).length).toBeGreaterThan(0);

  // Each tab of the panel: the step's properties, the analysis, the comments with their cards.
  await page.getByRole('tab', { name: 'Properties' }).click();
  await measure('properties');
  await page.getByRole('tab', { name: 'Comments' }).click();
  await expect(page.getByTestId('comment').first()).toBeVisible();
  const comments = await measure('comments');
  expect(comments.filter((t) => t.what.includes('Resolve')).length).toBeGreaterThan(0);

  // Zoomed out, where the lane headers take their compact form and the handles grow.
  // (Four clicks: about a third of the size, about as far as steps stay 24 px high.)
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await viewSettled(page);
  await expect(page.locator('.lane-header--compact').first()).toBeVisible();
  await step(page, 'Update bed board').hover();
  const zoomed = await measure('zoomed out');
  expect(zoomed.filter((t) => t.what.includes('react-flow__handle')).length).toBe(2);
  await page.getByTestId('lane').first().hover();
  await measure('zoomed out, lane header');

  expect(seen.length).toBeGreaterThan(60);
  await test.info().attach('targets.json', {
    body: JSON.stringify(seen, null, 1),
    contentType: 'application/json',
  });
  for (const t of seen.filter((x) => x.exception)) {
    test.info().annotations.push({ type: 'exception', description: `${t.what}: ${t.exception}` });
  }
  expect(tooSmall(seen), 'targets under 24×24 px').toEqual([]);
});

test('with the heat on, the step the keyboard moves to is never hidden under the legend', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // pans land at once: measure each stop
  const made = await makeMap(page, example('outpatient-referral'));
  await openLink(page, made.editUrl);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByTestId('analysis-panel').getByLabel('Wait', { exact: true }).check();
  const legend = page.getByTestId('heat-legend');
  await expect(legend).toBeVisible();
  const map = page.getByRole('listbox', { name: /^Process map/ });
  await map.focus();
  const hidden: string[] = [];
  // Along the flow from the start, and down through every lane from there.
  for (const key of [...Array(14).fill('ArrowRight'), ...Array(8).fill('ArrowDown')]) {
    await page.keyboard.press(key);
    // The view follows the step after React has rendered it: wait until it stands still.
    await viewSettled(page);
    const id = await map.getAttribute('aria-activedescendant');
    const overlap = await page.evaluate(
      ([stepId]) => {
        const card = document.getElementById(stepId as string)?.getBoundingClientRect();
        const over = document.querySelector('[data-testid="heat-legend"]')?.getBoundingClientRect();
        if (!card || !over) return 0;
        const w = Math.min(card.right, over.right) - Math.max(card.left, over.left);
        const h = Math.min(card.bottom, over.bottom) - Math.max(card.top, over.top);
        return w > 0 && h > 0 ? (w * h) / (card.width * card.height) : 0;
      },
      [id],
    );
    if (overlap > 0) hidden.push(`${id}: ${Math.round(overlap * 100)}% under the legend`);
  }
  expect(hidden).toEqual([]);
});
