import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/*
 * Browser tests: the real server process (fresh SQLite folder) serving the built web app, and
 * Debian's Chromium. `npm run test:e2e` builds the app first. The port and data folder are chosen
 * once, in the main process, and inherited by the workers through the environment (each worker
 * loads this file again).
 */

const freePort = () =>
  execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
    ],
    { encoding: 'utf8' },
  ).trim();

process.env.PROCMAP_E2E_PORT ??= freePort();
process.env.PROCMAP_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'procmap-e2e-'));
const port = process.env.PROCMAP_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  // `npm run screenshots` points the same setup at the screenshot script instead of the tests.
  testDir: process.env.PROCMAP_SCREENSHOTS ? './apps/web/screenshots' : './apps/web/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: './test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.PROCMAP_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: 'node apps/server/bin/procmap-server.js',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      PROCMAP_DATA: process.env.PROCMAP_E2E_DATA,
      // Another build of the app can be tested by naming its folder (two builds side by side).
      PROCMAP_WEB_DIR:
        process.env.PROCMAP_WEB_DIR ?? join(import.meta.dirname, 'apps', 'web', 'dist'),
      PROCMAP_LOG: 'warn',
      // Every test makes its maps over the API from this one address, far faster than people do.
      PROCMAP_CREATE_BURST: '1000',
    },
  },
});
