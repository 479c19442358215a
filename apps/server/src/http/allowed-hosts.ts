import type { IncomingMessage } from 'node:http';
import type { ServerConfig } from '../config';
import { HttpError } from './respond';

/*
 * Which Host headers the API answers, and the origin of the links it hands out. A page on
 * another site can point its own name at this server (DNS rebinding); the browser then sends
 * that name as the Host. So the API answers only names it knows — the loopback names and the
 * address the request arrived on, with the port it arrived on, the public URL's name, and
 * PROCMAP_ALLOWED_HOSTS — and links come from PROCMAP_PUBLIC_URL, or else from a Host that
 * passed this check: never from a name the server was not told about.
 */

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** A Host header: a name or an address literal, and an optional port; nothing else. */
const HOST_HEADER = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

interface HostName {
  /** Lower case; IPv6 without brackets; IPv4-mapped IPv6 as IPv4. */
  readonly name: string;
  /** The port, '80' when the header names none. */
  readonly port: string;
}

const bare = (name: string) =>
  name
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/** Parses `name[:port]` the way a URL would (so `127.1` is 127.0.0.1); undefined if it is not one. */
function parseHost(text: string, defaultPort = '80'): HostName | undefined {
  if (!HOST_HEADER.test(text)) return undefined;
  try {
    const url = new URL(`http://${text}`);
    return { name: bare(url.hostname), port: url.port || defaultPort };
  } catch {
    return undefined;
  }
}

/** Whether the API answers a request carrying this Host header. */
export function hostAllowed(req: IncomingMessage, config: ServerConfig): boolean {
  const host = req.headers.host;
  if (host === undefined) return false;
  const parsed = parseHost(host);
  if (!parsed) return false;
  const localPort = String(req.socket.localPort ?? '');
  const local = req.socket.localAddress ? bare(req.socket.localAddress) : undefined;
  if (parsed.port === localPort && (LOOPBACK.includes(parsed.name) || parsed.name === local)) {
    return true;
  }
  if (config.publicUrl && parsed.name === bare(new URL(config.publicUrl).hostname)) return true;
  return config.allowedHosts.some((entry) => {
    const allowed = parseHost(entry, '');
    if (!allowed || allowed.name !== parsed.name) return false;
    return allowed.port === '' || allowed.port === parsed.port;
  });
}

/** Refuses (421) an API request whose Host the server does not know, without echoing it. */
export function requireKnownHost(req: IncomingMessage, config: ServerConfig): void {
  if (hostAllowed(req, config)) return;
  throw new HttpError(
    'host-not-allowed',
    'this server does not answer to the host name this request was sent to: open it at its own ' +
      'address, or name this host in PROCMAP_ALLOWED_HOSTS (or PROCMAP_PUBLIC_URL)',
  );
}

/** The origin of share links: the public URL, else the request's (already checked) Host. */
export function linkOrigin(req: IncomingMessage, config: ServerConfig): string {
  if (config.publicUrl) return config.publicUrl;
  requireKnownHost(req, config);
  return `http://${req.headers.host}`;
}
