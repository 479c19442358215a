import { readFile } from 'node:fs/promises';

/** The version in apps/cli/package.json, read only when asked for. */
export async function cliVersion(): Promise<string> {
  const manifest = JSON.parse(
    await readFile(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
