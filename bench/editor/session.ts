import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import type { ProcessMap } from '@procmap/model';
import {
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../../apps/server/src/test-support/server-process';
import { installProbe, probe } from './probe';

/*
 * The editor as users get it: the real server process (fresh SQLite folder) serving the built
 * web app, and Chromium (headless) driven by real mouse and keyboard input.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const DIST_INDEX = join(WEB, 'dist', 'index.html');
/** BENCH_CHROMIUM points at another Chromium build. */
const CHROMIUM = process.env.BENCH_CHROMIUM ?? process.env.PROCMAP_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 } as const;

export const log = (message: string) => console.log(`[editor] ${message}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const s = statSync(full);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(full) : s.mtimeMs);
  }
  return newest;
}

/** Builds the web app when there is no build; warns when the build is older than its sources. */
export function ensureWebBuilt(): void {
  if (process.env.BENCH_WEB_DIR) return;
  if (!existsSync(DIST_INDEX)) {
    log('apps/web/dist is missing: running `npm run build:web`');
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(DIST_INDEX)) {
      throw new Error(
        'the editor benchmarks need the built web app; `npm run build:web` failed (see above)',
      );
    }
  } else if (newestMtime(join(WEB, 'src')) > statSync(DIST_INDEX).mtimeMs) {
    log('warning: apps/web/src is newer than apps/web/dist; run `npm run build:web` to measure it');
  }
}

export interface EditorSession {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** Stops the browser and the server and removes the data folder; safe to call twice. */
  close(): Promise<void>;
}

/** Starts the server and the browser; on failure, stops whatever did start. */
export async function startSession(): Promise<EditorSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}; set BENCH_CHROMIUM to a Chromium executable`);
  }
  // BENCH_WEB_DIR serves another build of the web app (say, a candidate fix) instead.
  const webDir = process.env.BENCH_WEB_DIR;
  const server = await startServer(webDir ? { env: { PROCMAP_WEB_DIR: webDir } } : {});
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await server.kill('SIGTERM');
    removeDataDir(server.dataDir);
    throw error;
  }
  let closed = false;
  return {
    server,
    browser,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } finally {
        const code = await server.kill('SIGTERM');
        removeDataDir(server.dataDir);
        const errors = server
          .log()
          .split('\n')
          .filter((l) => /"level":"(error|fatal)"|\berror\b/i.test(l));
        if (code !== 0 && code !== null) log(`server exited with ${code}`);
        if (errors.length > 0) log(`server log:\n${errors.slice(-10).join('\n')}`);
      }
    },
  };
}

/** Creates the map on the server through the REST API; returns its edit link. */
export async function uploadMap(server: ServerProcess, map: ProcessMap): Promise<string> {
  const res = await fetch(`${server.url}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(map),
  });
  if (res.status !== 201) {
    throw new Error(`creating "${map.title}" failed: ${res.status} ${await res.text()}`);
  }
  const created = (await res.json()) as { editUrl?: string };
  if (typeof created.editUrl !== 'string') throw new Error('the server returned no editUrl');
  return created.editUrl;
}

/**
 * How many steps of the map behind an edit link have a saved position, as the server has them
 * (GET /api/maps/<id>?token=…): what a tidy-up that reached the server leaves.
 */
export async function positionedSteps(server: ServerProcess, editUrl: string): Promise<number> {
  const url = new URL(editUrl);
  const id = url.pathname.split('/').at(-1) as string;
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const res = await fetch(`${server.url}/api/maps/${id}?token=${encodeURIComponent(token)}`);
  if (res.status !== 200) throw new Error(`reading map ${id} failed: ${res.status}`);
  const map = (await res.json()) as ProcessMap;
  return map.steps.filter((s) => s.position !== undefined).length;
}

export interface OpenEditor {
  readonly page: Page;
  /** Uncaught errors and console errors of the page so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Opens an edit link in a fresh page, waits for "Connected" and every step on the canvas, then
 * for the page to go quiet (the first renders and the initial fit are over).
 */
export async function openEditor(
  browser: Browser,
  editUrl: string,
  steps: number,
  timeoutMs = 60_000,
): Promise<OpenEditor> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  try {
    await installProbe(page);
    await page.goto(editUrl);
    if ((await probe.until(page, 'ready', steps, timeoutMs)) === null) {
      throw new Error(`not connected with ${steps} steps drawn after ${timeoutMs} ms`);
    }
    await probe.quiet(page, 10, 25, timeoutMs);
  } catch (error) {
    await context.close();
    const seen = errors.length > 0 ? ` (page errors: ${errors.join('; ')})` : '';
    throw new Error(`opening the editor with ${steps} steps failed: ${error}${seen}`);
  }
  return { page, errors, close: () => context.close() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
