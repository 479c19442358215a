import { run } from '../run';
import { captureIo } from './capture-io';

/** Runs `procmap compare <file> [...flags]` in memory. */
export async function compareFile(file: string, ...flags: string[]) {
  const out = captureIo();
  const code = await run(['compare', file, ...flags], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}
