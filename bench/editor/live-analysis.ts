import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { type BenchResult, entry, median, percentile, round3 } from '../harness';
import { plausibleMap } from './maps';
import { type EditorSession, log, openEditor, sleep, uploadMap } from './session';

/*
 * editor.analysis-live-1000: a colleague's edit on a 1,000-step map (a stock y-websocket client
 * changing one step's wait) until the editor's analysis panel shows the new lead time. The
 * issue's bar is "within a second of the edit"; the reference side is that one-second budget.
 */

const STEPS = 1000;
const BUDGET_MS = 1000;

export async function liveAnalysisBenchmark(
  session: EditorSession,
  rounds = 12,
  warmup = 2,
): Promise<BenchResult> {
  const map = plausibleMap(STEPS);
  const url = await uploadMap(session.server, map);
  const editor = await openEditor(session.browser, url, STEPS);
  const page = editor.page;
  const u = new URL(url);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `ws://${u.host}/sync`,
    u.pathname.split('/').at(-1) as string,
    doc,
    {
      params: { token: new URLSearchParams(u.hash.slice(1)).get('token') ?? '' },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  const latencies: number[] = [];
  try {
    await new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', () => resolve());
    });
    await page.getByRole('tab', { name: 'Analysis' }).click();
    const lead = page
      .getByTestId('metrics')
      .locator('.metric', { hasText: 'Lead time' })
      .locator('dd');
    await lead.waitFor({ timeout: 30_000 });
    // The first step on the main path: its wait counts fully in the lead time.
    const target = map.steps.find((s) => s.kind === 'start') ?? map.steps[0]!;
    const record = doc.getMap<Y.Map<unknown>>('steps').get(target.id);
    if (!record) throw new Error(`step ${target.id} is not in the shared document`);
    for (let round = 0; round < warmup + rounds; round++) {
      const before = await lead.textContent();
      // Alternate between two waits a working day apart, so the shown lead time must change.
      const started = performance.now();
      record.set('waitTime', (round % 2) * 450 + 600);
      let shown = before;
      while (shown === before) {
        if (performance.now() - started > 20_000) throw new Error('the panel never updated');
        await sleep(5);
        shown = await lead.textContent();
      }
      const ms = performance.now() - started;
      if (round >= warmup) latencies.push(ms);
      await sleep(300);
    }
  } finally {
    provider.destroy();
    doc.destroy();
    await editor.close();
  }
  log(
    `analysis live on ${STEPS} steps: median ${median(latencies).toFixed(0)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
  );
  return entry({
    name: 'editor.analysis-live-1000',
    measured:
      `a colleague's edit (a stock client changing one step's wait) on a ${STEPS}-step map until ` +
      `the analysis panel shows the new lead time; medianMs is the p95 of ${rounds} edits, against ` +
      `the ${BUDGET_MS} ms the issue allows`,
    subject: {
      label: 'edit to panel updated (p95)',
      medianMs: round3(percentile(latencies, 95)),
      p50Ms: round3(median(latencies)),
      samples: latencies.length,
      details: { maxMs: round3(Math.max(...latencies)) },
    },
    reference: { label: 'budget', medianMs: BUDGET_MS },
    rounds,
    goal: 1,
  });
}
