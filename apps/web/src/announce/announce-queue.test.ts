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
    queue.push({
      kind: 'changes',
      who: 'Priya',
      changes: [rename('s1', 'Triage', 'Clinical triage')],
    });
    expect(queue.dueAt()).toBe(Number.NEGATIVE_INFINITY);
    expect(queue.take(10_000)).toBe('Priya renamed “Triage” to “Clinical triage”');
    expect(queue.dueAt()).toBeUndefined();

    queue.push({ kind: 'joined', who: 'Sam' });
    expect(queue.dueAt()).toBe(12_000);
    expect(queue.take(11_999)).toBeUndefined();
    expect(queue.take(12_000)).toBe('Sam joined the map');
  });

  it('merges what arrives meanwhile into one sentence per person, losing nothing', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'joined', who: 'Sam' });
    expect(queue.take(0)).toBe('Sam joined the map');
    const burst: Change[] = [
      rename('s1', 'Triage', 'Clinical triage'),
      added('s9', 'Book clinic', 'Nurse'),
      { kind: 'step-deleted', id: 's3', label: 'Old step' },
      { kind: 'connected', id: 'f9', from: 'A', to: 'B' },
      { kind: 'lane-added', id: 'r9', name: 'Porter' },
      { kind: 'step-moved', id: 's4', label: 'Check form', lane: 'Admin' },
    ];
    for (const change of burst) queue.push({ kind: 'changes', who: 'Priya', changes: [change] });
    queue.push({ kind: 'left', who: 'Ola' });
    expect(queue.take(1500)).toBeUndefined();
    expect(queue.take(2000)).toBe(
      'Priya made 6 changes, including renaming “Triage” to “Clinical triage”. Ola left.',
    );
    expect(queue.take(5000)).toBeUndefined();
  });

  it('says a step added then named, in one burst, as added under its name', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'status', text: 'All changes saved' });
    queue.take(0);
    queue.push({ kind: 'changes', who: 'Priya', changes: [added('s9', '', 'Nurse')] });
    queue.push({ kind: 'changes', who: 'Priya', changes: [rename('s9', '', 'Book clinic')] });
    expect(queue.take(2000)).toBe('Priya added “Book clinic” in Nurse');
  });

  it('says nothing of someone who left and came back, or of changes that cancel out', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'joined', who: 'Priya' });
    queue.take(0);
    queue.push({ kind: 'left', who: 'Sam' });
    queue.push({ kind: 'joined', who: 'Sam' });
    queue.push({ kind: 'changes', who: 'Priya', changes: [added('s9', 'Oops', 'Nurse')] });
    queue.push({
      kind: 'changes',
      who: 'Priya',
      changes: [{ kind: 'step-deleted', id: 's9', label: 'Oops' }],
    });
    expect(queue.dueAt()).toBeUndefined();
    expect(queue.take(5000)).toBeUndefined();
  });

  it('keeps only the latest save state, and names a newcomer by the name they then chose', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'status', text: 'Offline: changes are kept on this device' });
    queue.take(0);
    queue.push({ kind: 'joined', who: 'Guest 412' });
    queue.push({ kind: 'status', text: 'Offline: changes are kept on this device' });
    queue.push({ kind: 'renamed-person', from: 'Guest 412', to: 'Sam' });
    queue.push({ kind: 'status', text: 'Reconnected; changes saved' });
    expect(queue.take(2500)).toBe('Sam joined the map. Reconnected; changes saved.');
  });

  it('forgets colleagues’ news when asked, keeping the save state', () => {
    const queue = new AnnounceQueue(2000);
    queue.push({ kind: 'status', text: 'Reconnected; changes saved' });
    queue.take(0);
    queue.push({ kind: 'joined', who: 'Sam' });
    queue.push({ kind: 'status', text: 'All changes saved' });
    queue.drop((item) => item.kind !== 'status');
    expect(queue.take(2000)).toBe('All changes saved');
  });
});
