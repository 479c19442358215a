import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import { CreateRateLimit } from './create-rate-limit';
import type { HttpError } from './respond';

/*
 * The creation allowance on a clock of our own (the HTTP side, against the real server, is
 * api-create-limit.e2e.test.ts), and the address it is kept under.
 */

const refusal = (fn: () => void): HttpError | undefined => {
  try {
    fn();
  } catch (error) {
    return error as HttpError;
  }
  return undefined;
};

describe('CreateRateLimit', () => {
  it('allows a burst, then one per interval, saying how long to wait', () => {
    let now = 0;
    const limit = new CreateRateLimit(30, 3, () => now); // one every 2 s
    for (let i = 0; i < 3; i++) limit.take('a');
    const refused = refusal(() => limit.take('a'));
    expect(refused).toMatchObject({ status: 429, code: 'too-many-maps' });
    expect(refused?.headers).toEqual({ 'retry-after': '2' });
    // Another address has its own allowance.
    limit.take('b');
    now += 1999;
    expect(refusal(() => limit.take('a'))?.headers).toEqual({ 'retry-after': '1' });
    now += 1;
    limit.take('a');
    expect(refusal(() => limit.take('a'))?.status).toBe(429);
    // A long pause refills the burst, never beyond it.
    now += 3_600_000;
    for (let i = 0; i < 3; i++) limit.take('a');
    expect(refusal(() => limit.take('a'))?.status).toBe(429);
  });
});

describe('clientAddress', () => {
  const from = (remoteAddress: string | undefined) =>
    clientAddress({ socket: { remoteAddress } } as IncomingMessage);

  it('keeps IPv4 addresses, also when IPv4-mapped', () => {
    expect(from('192.0.2.7')).toBe('192.0.2.7');
    expect(from('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const net = '2001:db8:1:2::/64';
    expect(from('2001:db8:1:2::1')).toBe(net);
    expect(from('2001:0db8:0001:0002:ffff:eeee:dddd:cccc')).toBe(net);
    expect(from('2001:DB8:1:2:0:0:0:9')).toBe(net);
    expect(from('2001:db8:1:3::1')).not.toBe(net);
    expect(from('::1')).toBe('0:0:0:0::/64');
    expect(from('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('never fails on an address it cannot read', () => {
    expect(from(undefined)).toBe('unknown');
    expect(from('1::2::3')).toBe('1::2::3');
  });
});
