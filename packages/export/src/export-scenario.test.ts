import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { ExportError } from './export-errors';
import { parseScenario, processOf } from './export-request';
import { renderExport } from './render-export';

/* An export of one scenario's process (ADR 9): the picture and the table draw what it has. */

function map() {
  const v = validateMap({
    format: 'procmap',
    version: 1,
    title: 'Referral',
    roles: [{ id: 'clerk', name: 'Clerk' }],
    steps: [
      { id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives' },
      { id: 's2', roleId: 'clerk', kind: 'task', label: 'Key it in' },
    ],
    flows: [{ id: 'f1', from: 's1', to: 's2' }],
    scenarios: [
      {
        id: 'portal',
        name: 'Portal',
        roles: [{ id: 'clerk', name: 'Clerk' }],
        steps: [{ id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives online' }],
        flows: [],
      },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.map;
}

const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe('exports of a scenario', () => {
  it('draws and tabulates the scenario asked for, and the as-is otherwise', async () => {
    const svg = text((await renderExport(map(), { format: 'svg', scenario: 'portal' })).body);
    expect(svg).toContain('Arrives online');
    expect(svg).not.toContain('Key it in');
    const csv = text((await renderExport(map(), { format: 'csv', scenario: 'portal' })).body);
    expect(csv).toContain('Arrives online');
    expect(csv).not.toContain('Key it in');
    const asIs = text((await renderExport(map(), { format: 'svg' })).body);
    expect(asIs).toContain('Key it in');
  });

  it('refuses a scenario the map does not have, naming those it has', async () => {
    expect(() => parseScenario(map(), 'nope')).toThrow(
      'no scenario "nope" in this map: use "as-is", "portal"',
    );
    try {
      processOf(map(), 'nope');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExportError);
      expect((e as ExportError).code).toBe('unknown-scenario');
    }
    await expect(renderExport(map(), { format: 'svg', scenario: 'nope' })).rejects.toThrow(
      /no scenario "nope"/,
    );
  });

  it('reads "as-is" and no scenario alike', () => {
    expect(parseScenario(map(), 'as-is')).toBeUndefined();
    expect(parseScenario(map(), undefined)).toBeUndefined();
    expect(parseScenario(map(), 'portal')).toBe('portal');
  });
});
