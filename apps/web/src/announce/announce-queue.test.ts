import { describe, expect, it } from 'vitest';
import { AnnounceQueue } from './announce-queue';
import type { Change } from './describe-changes';

const rename = (id: string, from: string, to: string): Change => ({
  kind: 'step-renamed',
  id,
  from,
  to,
});
const added = (id: string, label: string, lane: string): Change => ({
  kind: 'step-added',
  id,
  label,
  lane,
});

describe('the announcement queue', () => {
  it('says the first thing at once, then nothing sooner than the gap after it', () => {
    const queue = new AnnounceQueue(2000);
    queue.push(
      {
        kind: 'changes',
        who: 'Priya',
        changes: [rename('s1', 'Triage', 'Clinical triage')],
      },
      0,
    );
    expect(queue.dueAt()).toBe(Number.NEGATIVE_INFINITY);
    expect(queue.take(10_000)).toBe('Priya renamed “Triage” to “Clinical triage”');
    expect(queue.dueAt()).toBeUndefined();

    queue.push({ kind: 'joined', who: 'Sam' }, 11_000);
    expect(queue.dueAt()).toBe(12_000);
    expect(queue.take(11_999)).toBeUndefined();
    expect(queue.take(12_000)).toBe('Sam joined the map');
  });

  it('merges what arrives meanwhile into one sentence per person, losing nothing', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'joined', who: 'Sam' }, 0);
    expect(queue.take(0)).toBe('Sam joined the map');
    const burst: Change[] = [
      rename('s1', 'Triage', 'Clinical triage'),
      added('s9', 'Book clinic', 'Nurse'),
      { kind: 'step-deleted', id: 's3', label: 'Old step' },
      { kind: 'connected', id: 'f9', from: 'A', to: 'B' },
      { kind: 'lane-added', id: 'r9', name: 'Porter' },
      { kind: 'step-moved', id: 's4', label: 'Check form', lane: 'Admin' },
    ];
    for (const change of burst)
      queue.push({ kind: 'changes', who: 'Priya', changes: [change] }, 500);
    queue.push({ kind: 'joined', who: 'Ola' }, 1000);
    expect(queue.take(1500)).toBeUndefined();
    expect(queue.take(2000)).toBe(
      'Ola joined the map. Priya made 6 changes, including renaming “Triage” to “Clinical triage”.',
    );
    expect(queue.take(5000)).toBeUndefined();
  });

  it('says a step added then named, in one burst, as added under its name', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'status', text: 'All changes saved' }, 0);
    queue.take(0);
    queue.push({ kind: 'changes', who: 'Priya', changes: [added('s9', '', 'Nurse')] }, 0);
    queue.push({ kind: 'changes', who: 'Priya', changes: [rename('s9', '', 'Book clinic')] }, 0);
    expect(queue.take(2000)).toBe('Priya added “Book clinic” in Nurse');
  });

  it('says nothing of someone who left and came back, or of changes that cancel out', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'joined', who: 'Priya' }, 0);
    queue.take(0);
    queue.push({ kind: 'left', who: 'Sam' }, 0);
    queue.push({ kind: 'joined', who: 'Sam' }, 0);
    queue.push({ kind: 'changes', who: 'Priya', changes: [added('s9', 'Oops', 'Nurse')] }, 0);
    queue.push(
      {
        kind: 'changes',
        who: 'Priya',
        changes: [{ kind: 'step-deleted', id: 's9', label: 'Oops' }],
      },
      0,
    );
    expect(queue.dueAt()).toBeUndefined();
    expect(queue.take(5000)).toBeUndefined();
  });

  it('says someone left only once they stayed away a while, and nothing if they came back', () => {
    const queue = new AnnounceQueue(2000, 5000);
    queue.push({ kind: 'left', who: 'Ola' }, 1000);
    queue.push({ kind: 'left', who: 'Sam' }, 1000);
    expect(queue.dueAt()).toBe(6000);
    expect(queue.take(5999)).toBeUndefined();
    queue.push({ kind: 'joined', who: 'Sam' }, 3000); // a reload: back at once
    queue.push({ kind: 'changes', who: 'Priya', changes: [added('s9', 'Scan', 'Clerk')] }, 3000);
    expect(queue.dueAt()).toBe(Number.NEGATIVE_INFINITY);
    expect(queue.take(3000)).toBe('Priya added “Scan” in Clerk');
    expect(queue.dueAt()).toBe(6000);
    expect(queue.take(6000)).toBe('Ola left');
    expect(queue.dueAt()).toBeUndefined();
  });

  it('keeps only the latest save state, and names a newcomer by the name they then chose', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'status', text: 'Offline: changes are kept on this device' }, 0);
    queue.take(0);
    queue.push({ kind: 'joined', who: 'Guest 412' }, 0);
    queue.push({ kind: 'status', text: 'Offline: changes are kept on this device' }, 0);
    queue.push({ kind: 'renamed-person', from: 'Guest 412', to: 'Sam' }, 0);
    queue.push({ kind: 'status', text: 'Reconnected; changes saved' }, 0);
    expect(queue.take(2500)).toBe('Sam joined the map. Reconnected; changes saved.');
  });

  it('forgets colleagues’ news when asked, keeping the save state', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'status', text: 'Reconnected; changes saved' }, 0);
    queue.take(0);
    queue.push({ kind: 'joined', who: 'Sam' }, 0);
    queue.push({ kind: 'status', text: 'All changes saved' }, 0);
    queue.drop((item) => item.kind !== 'status');
    expect(queue.take(2000)).toBe('All changes saved');
  });
});
