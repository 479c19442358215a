import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * PNG through a headless Chromium, when the machine has one: the SVG is written to a temporary
 * file and screenshotted at its own size into the same temporary directory; the caller writes
 * the PNG where it belongs. Nothing is downloaded.
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

/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Whether `bytes` start like a PNG file. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/**
 * Renders `svg` (of the given size) to PNG and resolves to its bytes. Chromium screenshots into
 * a temporary directory of ours and its exit code is not trusted on its own: it exits 0 even
 * when it could not save the screenshot, so the file must exist and be a PNG. Rejects with
 * Chromium's last lines of output otherwise.
 */
export async function svgToPng(
  chromium: string,
  svg: string,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'procmap-png-'));
  try {
    const file = join(dir, 'map.svg');
    const png = join(dir, 'map.png');
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
      `--screenshot=${png}`,
      `--window-size=${w},${h}`,
      pathToFileURL(file).href,
    ];
    let stderr = '';
    const lastLines = () => stderr.trim().split('\n').slice(-3).join(' ');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve();
        else reject(new Error(`Chromium exited with ${code}: ${lastLines()}`));
      });
    });
    let bytes: Uint8Array;
    try {
      bytes = await readFile(png);
    } catch {
      throw new Error(`Chromium saved no screenshot: ${lastLines() || 'it said nothing'}`);
    }
    if (!isPng(bytes)) throw new Error('Chromium saved a screenshot that is not a PNG');
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
