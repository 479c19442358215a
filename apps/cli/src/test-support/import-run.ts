import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFile } from '@procmap/interop';
import { run } from '../run';
import { captureIo } from './capture-io';

/* Running `procmap import` in memory, and the interop package's fixtures it reads. */

/** A file of the interop package's fixtures, e.g. `bpmn/miwg-A.1.0.bpmn`. */
export function interopFixture(name: string): string {
  return fileURLToPath(new URL(`../../../../packages/interop/fixtures/${name}`, import.meta.url));
}

/** Runs `procmap import ...args` in memory. */
export async function importRun(...args: string[]) {
  const out = captureIo();
  const code = await run(['import', ...args], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

/** What the interop package itself answers for a file, read by its name. */
export async function expectedImport(path: string) {
  const result = await importFile(readFileSync(path, 'utf8'), { name: path });
  if (!result.ok) throw new Error(`the fixture does not import: ${result.message}`);
  return result;
}
