import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The SimPy side of simulation.mmc-events: Debian's python3-simpy (SimPy 2.3, module `SimPy`) is
 * installed for Debian's own Python, not for other Pythons on the PATH, so the script is run
 * with /usr/bin/python3. The bench installs nothing; when SimPy is missing it says how to get it.
 */

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, 'mmc_simpy.py');

export interface SimPyRun {
  readonly cases: number;
  readonly events: number;
  readonly seconds: number;
  readonly meanTimeInSystem: number;
}

export const SIMPY_MISSING =
  "SimPy is not installed for Debian's Python: install it with `apt-get install python3-simpy` (as root) to run simulation.mmc-events";

/** Whether Debian's Python can import SimPy. */
export function hasSimPy(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import SimPy.Simulation'], { stdio: 'ignore' }).status === 0;
}

/** One M/M/c run in SimPy; its time is measured inside Python, without the interpreter's start. */
export function runSimPy(
  cases: number,
  servers: number,
  serviceMinutes: number,
  perMinute: number,
  seed: number,
): SimPyRun {
  const out = spawnSync(
    PYTHON,
    [
      SCRIPT,
      String(cases),
      String(servers),
      String(serviceMinutes),
      String(perMinute),
      String(seed),
    ],
    { encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`SimPy run failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as SimPyRun;
}
