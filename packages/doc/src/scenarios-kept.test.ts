import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { MapDoc } from './map-doc';
import { sampleFile, syncDocs } from './test-helpers';

/*
 * Until scenarios have their own part of the shared document (ADR 9), a file's `scenarios` are
 * kept as the map's own field: imported, exported and synced to a colleague exactly as they
 * came, so opening a file with scenarios in the editor loses none of them.
 */

function withScenario() {
  const file = sampleFile();
  return {
    ...file,
    scenarios: [
      {
        id: 'to-be',
        name: 'To-be',
        ideas: [],
        settings: { demand: { count: 48, per: 'day' } },
        roles: file.roles,
        steps: file.steps.slice(0, 2),
        flows: [],
      },
    ],
  };
}

describe('scenarios in the shared document, for now', () => {
  it('survive file → document → file, and reach a colleague', () => {
    const file = withScenario();
    expect(validateMap(file).ok).toBe(true);
    const doc = MapDoc.fromFile(file);
    expect(doc.exportFile().scenarios).toEqual(file.scenarios);
    const other = new MapDoc();
    syncDocs(doc, other);
    expect(other.exportFile().scenarios).toEqual(file.scenarios);
  });
});
