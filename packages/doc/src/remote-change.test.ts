import { stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RemoteChange } from './remote-change';
import { newDoc, REMOTE, sampleFile, syncDocs, twoPeers } from './test-helpers';

/** The remote changes `doc` reports, in order. */
function heard(doc: ReturnType<typeof newDoc>) {
  const changes: RemoteChange[] = [];
  const stop = doc.onRemoteChange((change) => changes.push(change));
  return { changes, stop };
}

describe('remote changes', () => {
  it('gives a colleague’s rename with the snapshots before and after and their client id', () => {
    // Given alice and bob on the same referral map
    const { a, b } = twoPeers(sampleFile());
    const { changes } = heard(a);
    // When bob renames a step and the update reaches alice
    b.updateStep(stepId('s3'), { label: 'Clinical triage' });
    syncDocs(a, b);
    // Then alice hears one change, made by bob's client, from "Triage" to "Clinical triage"
    expect(changes).toHaveLength(1);
    const [change] = changes as [RemoteChange];
    expect(change.clients).toEqual([2]);
    expect(change.origin).toBe(REMOTE);
    expect(change.before.steps.find((s) => s.id === 's3')?.label).toBe('Triage');
    expect(change.after.steps.find((s) => s.id === 's3')?.label).toBe('Clinical triage');
    expect(change.after).toBe(a.getSnapshot());
  });

  it('gives the true “before” even when nobody had read the snapshot since earlier changes', () => {
    const { a, b } = twoPeers(sampleFile());
    b.updateStep(stepId('s2'), { label: 'First rename' });
    syncDocs(a, b); // nobody listens or reads alice's snapshot yet
    const { changes } = heard(a);
    b.updateStep(stepId('s2'), { label: 'Second rename' });
    syncDocs(a, b);
    expect(changes.map((c) => c.before.steps.find((s) => s.id === 's2')?.label)).toEqual([
      'First rename',
    ]);
    expect(changes[0]?.after.steps.find((s) => s.id === 's2')?.label).toBe('Second rename');
  });

  it('is silent about this replica’s own edits, its undo and redo, and imports', () => {
    const { a } = twoPeers(sampleFile());
    const { changes } = heard(a);
    a.updateStep(stepId('s3'), { label: 'Mine' });
    a.undo();
    a.redo();
    a.importFile(sampleFile());
    expect(changes).toEqual([]);
  });

  it('names no client for a deletion, which Yjs does not attribute', () => {
    const { a, b } = twoPeers(sampleFile());
    const { changes } = heard(a);
    b.deleteSteps([stepId('s5')]);
    syncDocs(a, b);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.clients).toEqual([]);
    expect(changes[0]?.before.steps.some((s) => s.id === 's5')).toBe(true);
    expect(changes[0]?.after.steps.some((s) => s.id === 's5')).toBe(false);
  });

  it('names every client whose edits one update carries', () => {
    const { a, b } = twoPeers(sampleFile());
    const c = newDoc('carol', { clientID: 3 });
    syncDocs(b, c);
    b.updateStep(stepId('s2'), { label: 'By bob' });
    c.updateStep(stepId('s4'), { label: 'By carol' });
    syncDocs(b, c);
    const { changes } = heard(a);
    syncDocs(a, b); // bob passes on both edits at once, as a reconnecting replica would
    expect(changes).toHaveLength(1);
    expect([...(changes[0]?.clients ?? [])].sort()).toEqual([2, 3]);
  });

  it('says nothing for an update that changes nothing here, and stops when asked', () => {
    const { a, b } = twoPeers(sampleFile());
    const { changes, stop } = heard(a);
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(b.ydoc), REMOTE); // all known already
    expect(changes).toEqual([]);
    stop();
    b.updateStep(stepId('s3'), { label: 'Unheard' });
    syncDocs(a, b);
    expect(changes).toEqual([]);
    expect(a.getSnapshot().steps.find((s) => s.id === 's3')?.label).toBe('Unheard');
  });
});
