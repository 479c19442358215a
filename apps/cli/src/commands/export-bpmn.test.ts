import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '@procmap/interop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { referralMap } from '../test-support/maps';
import { triageMap } from '../test-support/scenario-maps';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/* `procmap export --format bpmn`: BPMN 2.0 that the import reads back as the same process. */

async function exportMap(...args: string[]) {
  const out = captureIo();
  const code = await run(['export', ...args], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

/** The labels of a map's steps, as the import reads them back from BPMN. */
async function labelsBack(xml: string): Promise<string[]> {
  const back = await importFile(xml, { name: 'back.bpmn' });
  if (!back.ok) throw new Error(back.message);
  return back.map.steps.map((s) => s.label).sort();
}

describe('procmap export --format bpmn', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('writes BPMN 2.0 XML that imports back with the same steps', async () => {
    const file = await dir.writeJson('referral.procmap.json', referralMap());
    const out = join(dir.path, 'referral.bpmn');
    const { code, stdout, stderr } = await exportMap(file, '--format', 'bpmn', '-o', out);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe(`Wrote ${out} (bpmn)\n`);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('http://www.omg.org/spec/BPMN/20100524/MODEL');
    expect(await labelsBack(xml)).toEqual(
      ['Patient seen', 'Write referral', 'Book clinic', 'Appointment sent'].sort(),
    );
  });

  it('given -o -, writes the XML to stdout', async () => {
    const file = await dir.writeJson('stdout.procmap.json', referralMap());
    const { code, stdout } = await exportMap(file, '--format', 'bpmn', '-o', '-');
    expect(code).toBe(0);
    expect(await labelsBack(stdout)).toContain('Book clinic');
  });

  it("given --scenario, writes that scenario's process", async () => {
    const file = await dir.writeJson('triage.procmap.json', triageMap());
    const out = join(dir.path, 'online.bpmn');
    const { code } = await exportMap(file, '--format', 'bpmn', '--scenario', 'online', '-o', out);
    expect(code).toBe(0);
    const labels = await labelsBack(readFileSync(out, 'utf8'));
    expect(labels).toEqual(['Book', 'Booked', 'Referral arrives', 'Triage']);
    expect(labels).not.toContain('Key in');
  });

  it('is listed in the help', async () => {
    const out = captureIo();
    await run(['export', '--help'], out.io);
    expect(out.stdout()).toContain('[--format svg|pdf|png|csv|report|bpmn]');
  });
});
