import { join, resolve } from 'node:path';
import type { LogFormat } from './log';
import { COMMIT_GAP_MS } from './rooms/persist-queue';

/** Everything the server can be told, from the environment; limits have generous defaults. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Folder for the SQLite file; `:memory:` keeps everything in memory (tests only). */
  readonly dataDir: string;
  /** When set, creating and listing maps require it (Authorization: Bearer …). */
  readonly adminToken: string | undefined;
  /** Public origin used in share links, e.g. https://maps.example.org; default from the request. */
  readonly publicUrl: string | undefined;
  /**
   * Host names the API also answers to (`name` for any port, or `name:port`), besides the
   * loopback names and the address a request arrived on; any other Host header is refused.
   */
  readonly allowedHosts: readonly string[];
  /** Creating maps without an admin token, per client address: per minute, and the burst. */
  readonly createsPerMinute: number;
  readonly createBurst: number;
  /** Exports waiting or running, counted per lane (SVG and CSV; PDF and report). */
  readonly exportLimits: ExportLimits;
  readonly limits: Limits;
  /** A room with no connections is unloaded this long after its last save. */
  readonly idleUnloadMs: number;
  /**
   * On SIGTERM, how long to keep serving while /readyz says "draining", so a load balancer stops
   * sending new people here before the connections are closed (0: close at once).
   */
  readonly drainMs: number;
  /** Compact a map's update log once it holds this many updates. */
  readonly compactAfter: number;
  /** The least time between two commits of a room being edited (ms); 0 for every turn. */
  readonly commitGapMs: number;
  /** Write a rolling backup of the store this often (ms); 0 for none. */
  readonly backupEveryMs: number;
  /** The most the SQLite file may grow to, in bytes; undefined for no limit. */
  readonly maxDbBytes: number | undefined;
  /** Folder of the built web app, served at / when it holds an index.html. */
  readonly webDir: string | undefined;
  /** PostgreSQL instead of the SQLite file in dataDir: a postgres:// or postgresql:// URL. */
  readonly databaseUrl: string | undefined;
  /** Redis relaying edits between instances (redis:// or rediss://); set only with databaseUrl. */
  readonly redisUrl: string | undefined;
  /** A short name for this instance in logs and metrics, e.g. the host or pod name. */
  readonly instanceId: string | undefined;
  /** `text`: `level event key=value …` lines; `json`: one JSON object a line, for collectors. */
  readonly logFormat: LogFormat;
  /** When set, GET /metrics requires it (Authorization: Bearer …). */
  readonly metricsToken: string | undefined;
}

export interface Limits {
  /** Largest websocket message or HTTP body, in bytes. */
  readonly maxMessageBytes: number;
  readonly maxConnectionsPerMap: number;
  /** Sustained messages per second per connection, and the burst allowed above it. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /**
   * Largest a map may grow, in bytes of its stored state; past it, edits that add content are
   * refused (close 4413). Also the most a room keeps of updates waiting for changes never sent.
   */
  readonly maxMapBytes: number;
  /** Most bytes of updates waiting for changes never sent, across every room (close 4507). */
  readonly maxPendingBytes: number;
  /** Largest one participant's presence state, in bytes of JSON (close 4400). */
  readonly maxPresenceBytes: number;
  /** Most bytes waiting to be sent to one connection that is not reading them (close 4508). */
  readonly maxSendBufferBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  // A 30-person workshop with a couple of tabs each, behind one NAT, fits many times over.
  maxConnectionsPerMap: 250,
  // Cursors at 30 Hz plus typing and drags stay far below this.
  messagesPerSecond: 300,
  messageBurst: 1000,
  // As large as one message: a map any client can load, and export and import again.
  maxMapBytes: 16 * 1024 * 1024,
  // Four rooms at their own limit; honest clients' waiting updates last milliseconds.
  maxPendingBytes: 64 * 1024 * 1024,
  // A name, a colour, a cursor, a view and a selection of a few hundred steps.
  maxPresenceBytes: 32 * 1024,
  // Two whole maps at their largest: a slow link catching up is never cut off.
  maxSendBufferBytes: 32 * 1024 * 1024,
};

export interface ExportLimits {
  /** Per client: its address and the token it exports with. */
  readonly perClient: number;
  readonly perMap: number;
  /** In all, per lane. */
  readonly queue: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = { perClient: 3, perMap: 8, queue: 32 };

/** `name` or `name:port`, where name is a host name, an IPv4 address or a bracketed IPv6 one. */
const HOST_ENTRY = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

function hostList(env: NodeJS.ProcessEnv, name: string): string[] {
  const entries = (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    if (!HOST_ENTRY.test(entry)) {
      throw new ConfigError(
        `${name} must list host names or name:port, separated by commas, got "${entry}"`,
      );
    }
  }
  return entries;
}

const DEFAULT_WEB_DIR = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** Thrown for an environment variable that cannot be used, naming it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * A connection URL with one of `schemes`, or undefined when unset. The value is never echoed in
 * errors: it usually carries a password. Only its scheme is named, when it plainly is one.
 */
function connectionUrl(
  env: NodeJS.ProcessEnv,
  name: string,
  schemes: readonly string[],
): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const expected = schemes.map((scheme) => `${scheme}//`).join(' or ');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a ${expected} URL, and it does not parse as a URL`);
  }
  // `user:secret@host` parses with `user:` as its scheme: name the scheme only if `//` follows.
  const slashes = raw.toLowerCase().startsWith(`${url.protocol}//`);
  if (!schemes.includes(url.protocol) || !slashes) {
    const got = slashes ? `a ${url.protocol}// URL` : 'a value that does not start with scheme://';
    throw new ConfigError(`${name} must be a ${expected} URL, got ${got}`);
  }
  return raw;
}

/** A name safe in a log line and a metrics label: letters, digits, `.`, `_`, `-`. */
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function instanceId(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.PROCMAP_INSTANCE_ID;
  if (raw === undefined || raw === '') return undefined;
  if (!INSTANCE_ID.test(raw)) {
    throw new ConfigError(
      `PROCMAP_INSTANCE_ID must be 1 to 63 letters, digits, ".", "_" or "-", got "${raw.slice(0, 80)}"`,
    );
  }
  return raw;
}

function logFormat(env: NodeJS.ProcessEnv): LogFormat {
  const raw = env.PROCMAP_LOG_FORMAT;
  if (raw === undefined || raw === '') return 'text';
  if (raw === 'text' || raw === 'json') return raw;
  throw new ConfigError(`PROCMAP_LOG_FORMAT must be "text" or "json", got "${raw}"`);
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

/** Reads the configuration from environment variables (see docs/server.md). */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): ServerConfig {
  const dataDir =
    env.PROCMAP_DATA === ':memory:' ? ':memory:' : resolve(cwd, env.PROCMAP_DATA || 'data');
  const databaseUrl = connectionUrl(env, 'PROCMAP_DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = connectionUrl(env, 'PROCMAP_REDIS_URL', ['redis:', 'rediss:']);
  if (redisUrl && !databaseUrl) {
    // Each instance would serve the maps of its own SQLite file: a link would open a different
    // map, or none, depending on which instance the load balancer picked.
    throw new ConfigError(
      'PROCMAP_REDIS_URL is set without PROCMAP_DATABASE_URL: several instances need one shared ' +
        'database (PostgreSQL), since each SQLite file is private to its instance; set ' +
        'PROCMAP_DATABASE_URL too, or unset PROCMAP_REDIS_URL to run one instance on SQLite',
    );
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    adminToken: env.PROCMAP_ADMIN_TOKEN || undefined,
    publicUrl: env.PROCMAP_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowedHosts: hostList(env, 'PROCMAP_ALLOWED_HOSTS'),
    // A workshop behind one NAT makes a few maps; a script making thousands is stopped.
    createsPerMinute: integer(env, 'PROCMAP_CREATES_PER_MINUTE', 30, 1, 1_000_000),
    createBurst: integer(env, 'PROCMAP_CREATE_BURST', 30, 1, 1_000_000),
    exportLimits: {
      perClient: integer(
        env,
        'PROCMAP_EXPORTS_PER_CLIENT',
        DEFAULT_EXPORT_LIMITS.perClient,
        1,
        10_000,
      ),
      perMap: integer(env, 'PROCMAP_EXPORTS_PER_MAP', DEFAULT_EXPORT_LIMITS.perMap, 1, 10_000),
      queue: integer(env, 'PROCMAP_EXPORT_QUEUE', DEFAULT_EXPORT_LIMITS.queue, 1, 100_000),
    },
    limits: {
      maxMessageBytes: integer(
        env,
        'PROCMAP_MAX_MESSAGE_BYTES',
        DEFAULT_LIMITS.maxMessageBytes,
        1024,
        1 << 30,
      ),
      maxConnectionsPerMap: integer(
        env,
        'PROCMAP_MAX_CONNECTIONS_PER_MAP',
        DEFAULT_LIMITS.maxConnectionsPerMap,
        1,
        100_000,
      ),
      messagesPerSecond: integer(
        env,
        'PROCMAP_MESSAGES_PER_SECOND',
        DEFAULT_LIMITS.messagesPerSecond,
        1,
        1_000_000,
      ),
      messageBurst: integer(
        env,
        'PROCMAP_MESSAGE_BURST',
        DEFAULT_LIMITS.messageBurst,
        1,
        10_000_000,
      ),
      maxMapBytes: integer(env, 'PROCMAP_MAX_MAP_BYTES', DEFAULT_LIMITS.maxMapBytes, 1024, 1 << 30),
      maxPendingBytes: integer(
        env,
        'PROCMAP_MAX_PENDING_BYTES',
        DEFAULT_LIMITS.maxPendingBytes,
        1024,
        1 << 30,
      ),
      maxPresenceBytes: integer(
        env,
        'PROCMAP_MAX_PRESENCE_BYTES',
        DEFAULT_LIMITS.maxPresenceBytes,
        256,
        1 << 24,
      ),
      maxSendBufferBytes: integer(
        env,
        'PROCMAP_MAX_SEND_BUFFER_BYTES',
        DEFAULT_LIMITS.maxSendBufferBytes,
        65_536,
        1 << 30,
      ),
    },
    idleUnloadMs: integer(env, 'PROCMAP_IDLE_UNLOAD_MS', 30_000, 0, 86_400_000),
    drainMs: integer(env, 'PROCMAP_DRAIN_MS', 0, 0, 60_000),
    compactAfter: integer(env, 'PROCMAP_COMPACT_AFTER', 500, 1, 10_000_000),
    commitGapMs: integer(env, 'PROCMAP_COMMIT_GAP_MS', COMMIT_GAP_MS, 0, 60_000),
    // Recovery loses at most this much; a week at most between backups.
    backupEveryMs: integer(env, 'PROCMAP_BACKUP_EVERY_MS', 5 * 60_000, 0, 7 * 86_400_000),
    maxDbBytes: env.PROCMAP_MAX_DB_BYTES
      ? integer(env, 'PROCMAP_MAX_DB_BYTES', 0, 64 * 1024, Number.MAX_SAFE_INTEGER)
      : undefined,
    // The built editor: by default the web app's build output in this repository.
    webDir: resolve(cwd, env.PROCMAP_WEB_DIR || DEFAULT_WEB_DIR),
    databaseUrl,
    redisUrl,
    instanceId: instanceId(env),
    logFormat: logFormat(env),
    metricsToken: env.PROCMAP_METRICS_TOKEN || undefined,
  };
}
