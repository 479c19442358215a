import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './run';
import { captureIo } from './test-support/capture-io';

/* docs/scenarios.md pastes what `procmap compare` prints for its worked example: checked. */

const doc = readFileSync(new URL('../../../docs/scenarios.md', import.meta.url), 'utf8');
const EXAMPLE = 'examples/referral-scenarios.procmap.json';

describe('the worked example of docs/scenarios.md', () => {
  it('shows exactly what procmap compare prints for it', async () => {
    // given the output pasted under the command in the doc
    const command = `$ procmap compare ${EXAMPLE}\n`;
    const from = doc.indexOf(command);
    expect(from).toBeGreaterThan(0);
    const pasted = doc.slice(from + command.length, doc.indexOf('```', from));
    // when run from the repository's root, as the doc has it
    const out = captureIo();
    const code = await run(
      ['compare', new URL(`../../../${EXAMPLE}`, import.meta.url).pathname],
      out.io,
    );
    // then
    expect(code).toBe(0);
    expect(
      out.stdout().replace(/\(\/[^)]*referral-scenarios\.procmap\.json\)/, `(${EXAMPLE})`),
    ).toBe(pasted);
  });
});
