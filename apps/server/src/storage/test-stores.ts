import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { MapRecord } from './adapter';

/*
 * What the storage tests on real SQLite files share: a temporary folder per test file (removed
 * after it), a fresh store path in it per test, and a map record and updates to store.
 */

/** Fresh store paths under one temporary folder, removed after the test file. */
export function tempStores(prefix: string): () => string {
  const root = mkdtempSync(join(tmpdir(), `procmap-${prefix}-`));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return () => join(mkdtempSync(join(root, 'db-')), 'procmap.sqlite');
}

/** A map's row, with placeholder token hashes. */
export const sampleRecord = (id: string): MapRecord => ({
  id,
  title: `Map ${id}`,
  editTokenHash: 'e'.repeat(64),
  viewTokenHash: 'f'.repeat(64),
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
});

/** `length` bytes standing for an update: storage never reads them. */
export const sampleUpdate = (n: number, length = 40) =>
  Uint8Array.from({ length }, (_, i) => (n + i) & 255);
