import { MapDoc } from '@procmap/doc';
import { generateMap } from '@procmap/test-kit';
import * as Y from 'yjs';
import { type BenchResult, compare } from './harness';

/** Loading a generated 5,000-step map into the shared document, against JSON.parse of its file. */
export default function docLoadBenchmarks(): BenchResult[] {
  const map = generateMap({ steps: 5000, seed: 5000 });
  const text = JSON.stringify(map);
  const parse = { label: 'JSON.parse of the file', run: () => JSON.parse(text) };
  const stored = Y.encodeStateAsUpdate(MapDoc.fromFile(map).ydoc);
  const sizes = `${(text.length / 1e6).toFixed(2)} MB of JSON, ${(stored.length / 1e6).toFixed(2)} MB as a Yjs update`;
  return [
    compare({
      name: 'doc.load-file-5000',
      measured: `Opening a 5,000-step map file: JSON.parse + validation + import into a MapDoc (${sizes})`,
      subject: {
        label: 'MapDoc.fromFile(JSON.parse(text))',
        run: () => MapDoc.fromFile(JSON.parse(text)),
      },
      reference: parse,
      goal: 8,
    }),
    compare({
      name: 'doc.write-5000',
      measured:
        'The Yjs part alone: writing the already parsed and validated map into a fresh MapDoc',
      subject: {
        label: 'MapDoc.importFile(map) without the parse',
        run: () => {
          const doc = new MapDoc();
          doc.importFile(map);
          return doc;
        },
      },
      reference: parse,
    }),
    compare({
      name: 'doc.apply-update-5000',
      measured:
        'Loading the stored Yjs state of the same map into a fresh Y.Doc and taking a snapshot',
      subject: {
        label: 'Y.applyUpdate + getSnapshot()',
        run: () => {
          const ydoc = new Y.Doc();
          Y.applyUpdate(ydoc, stored);
          return new MapDoc(ydoc).getSnapshot();
        },
      },
      reference: parse,
    }),
  ];
}
