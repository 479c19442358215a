import type { IncomingMessage } from 'node:http';

/*
 * The client a per-client limit counts: the remote address of the connection (never a
 * forwarded-for header, which anyone can write). IPv4 addresses count one by one; IPv6 ones by
 * their /64 network, since one machine usually holds a whole /64 and could rotate through it.
 */

/** The eight groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(address: string): string[] | undefined {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return undefined;
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right];
}

/** The key a client's allowance is kept under. */
export function clientAddress(req: IncomingMessage): string {
  const raw = (req.socket.remoteAddress ?? 'unknown').toLowerCase();
  const mapped = raw.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return mapped[1] as string;
  if (!raw.includes(':')) return raw;
  const groups = ipv6Groups(raw.replace(/%.*$/, ''));
  if (!groups) return raw;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
