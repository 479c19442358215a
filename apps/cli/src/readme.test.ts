import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run';
import { captureIo } from './test-support/capture-io';
import { referralMapWith } from './test-support/maps';
import { makeTempDir, type TempDir } from './test-support/temp-files';

/* What the project's README says the command does with a step in an unknown role, checked. */

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the README on a step whose role is not in the map', () => {
  let dir: TempDir;
  let file = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    // steps[3] is in the role "nurse", which the map does not have
    file = await dir.writeJson(
      'nurse.procmap.json',
      referralMapWith((m) => {
        m.steps[3] = { ...m.steps[3], roleId: 'nurse' };
      }),
    );
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('says it is a warning with exit 0, and validate does exactly that', async () => {
    expect(readme).toContain('`warning  steps[3].roleId: unknown role "nurse"` and exits 0');
    const out = captureIo();
    const code = await run(['validate', file], out.io);
    expect(code).toBe(0);
    expect(out.stdout()).toContain('\n  warning  steps[3].roleId: unknown role "nurse"\n');
  });

  it('says analyze still runs and reports it as missing data, and it does', async () => {
    expect(readme).toMatch(/`analyze` lists the warning,\s+still runs/);
    expect(readme).toMatch(/reports it as a\s+`missing-data` finding/);
    const out = captureIo();
    const code = await run(['analyze', file, '--json'], out.io);
    expect(code).toBe(0);
    const { findings } = JSON.parse(out.stdout()) as {
      findings: { rule: string; stepIds: string[] }[];
    };
    const missing = findings.filter((f) => f.rule === 'missing-data').map((f) => f.stepIds);
    expect(missing).toContainEqual(['s4']);
  });
});
