import { describe, expect, it } from 'vitest';
import { waitFor, waitForValue } from './wait';

describe('waitForValue', () => {
  it('given a value that changes, returns the first value accepted', async () => {
    let reads = 0;
    const value = await waitForValue(
      () => ++reads,
      (n) => n >= 3,
      'the third read',
    );
    expect(value).toBe(3);
  });

  it('given a condition that never holds, names what was awaited and the last value seen', async () => {
    const counter = { count: 2 };
    await expect(
      waitForValue(
        async () => counter,
        (c) => c.count === 3,
        'the count to reach 3',
        { timeoutMs: 30 },
      ),
    ).rejects.toThrow(
      'timed out after 30 ms waiting for the count to reach 3; last seen: {"count":2}',
    );
  });

  it('stops listening to its wake-up source once done', async () => {
    let listening = false;
    let ready = false;
    const wake = (recheck: () => void) => {
      listening = true;
      setTimeout(() => {
        ready = true;
        recheck();
      }, 0);
      return () => {
        listening = false;
      };
    };
    await waitFor(() => ready, 'the wake-up', { wake });
    expect(listening).toBe(false);
  });
});

describe('waitFor', () => {
  it('given a yes-or-no check, shows what `seen` shows when it times out', async () => {
    const events = ['backup 1'];
    await expect(
      waitFor(() => events.length > 1, 'a second backup', { timeoutMs: 30, seen: () => events }),
    ).rejects.toThrow('timed out after 30 ms waiting for a second backup; last seen: ["backup 1"]');
  });

  it('given only a yes-or-no check, names what was awaited', async () => {
    await expect(waitFor(() => false, 'nothing', 30)).rejects.toThrow(
      /^timed out after 30 ms waiting for nothing$/,
    );
  });

  it('passes on an error the check throws, at once', async () => {
    const check = () => {
      throw new Error('the server is gone');
    };
    await expect(waitFor(check, 'anything')).rejects.toThrow('the server is gone');
  });
});
