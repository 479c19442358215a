import { validateMap } from '@procmap/model';
import { type SimulationOptions, type SimulationResult, simulate } from '@procmap/simulation';
import { run } from '../run';
import { captureIo } from './capture-io';

/*
 * Running `procmap simulate` in memory for the command's tests. Runs are kept small (2000
 * cases, 3 replications) so the tests stay quick; every figure checked is the one the
 * simulation package computes for the same map and options.
 */

export const SMALL = ['--cases', '2000', '--replications', '3'];
export const SMALL_OPTIONS = { cases: 2000, replications: 3 } as const;

/** Runs `procmap simulate <file> [...flags]` in memory. */
export async function simulateFile(file: string, ...flags: string[]) {
  const out = captureIo();
  const code = await run(['simulate', file, ...flags], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

/** Runs `procmap simulate <file> --json [...flags]` and parses what it printed. */
export async function simulateJson(file: string, ...flags: string[]) {
  const result = await simulateFile(file, '--json', ...flags);
  return { ...result, json: JSON.parse(result.stdout) as SimulationResult };
}

/** What the simulation package itself answers for a map document and options. */
export function expected(map: unknown, options: SimulationOptions): SimulationResult {
  const validation = validateMap(map);
  if (!validation.ok) throw new Error('the fixture is not a valid map');
  const simulated = simulate(validation.map, options);
  if (!simulated.ok) throw new Error(simulated.problems.map((p) => p.message).join('; '));
  return JSON.parse(JSON.stringify(simulated.result)) as SimulationResult;
}
