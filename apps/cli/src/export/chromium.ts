import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * PNG through a headless Chromium, when the machine has one: the SVG is written to a temporary
 * file and screenshotted at its own size. Nothing is downloaded.
 */

const NAMES = ['chromium', 'chromium-browser', 'google-chrome'];
/** Chromium refuses larger windows; a bigger map is cut at this size (use SVG or PDF for it). */
export const MAX_PNG_SIDE = 16_384;

/** The Chromium to run: $PROCMAP_CHROMIUM if set, else the first one on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.PROCMAP_CHROMIUM
    ? [env.PROCMAP_CHROMIUM]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .flatMap((dir) => NAMES.map((name) => join(dir, name)));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Renders `svg` (of the given size) to a PNG file at `out`; rejects with Chromium's output. */
export async function svgToPng(
  chromium: string,
  svg: string,
  width: number,
  height: number,
  out: string,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'procmap-png-'));
  try {
    const file = join(dir, 'map.svg');
    await writeFile(file, svg);
    const w = Math.min(MAX_PNG_SIDE, Math.ceil(width));
    const h = Math.min(MAX_PNG_SIDE, Math.ceil(height));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--screenshot=${out}`,
      `--window-size=${w},${h}`,
      pathToFileURL(file).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `Chromium exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
            ),
          );
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
