import { join, resolve } from 'node:path';

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
  readonly limits: Limits;
  /** A room with no connections is unloaded this long after its last save. */
  readonly idleUnloadMs: number;
  /** Compact a map's update log once it holds this many updates. */
  readonly compactAfter: number;
  /** Folder of the built web app, served at / when it holds an index.html. */
  readonly webDir: string | undefined;
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
};

const DEFAULT_WEB_DIR = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** Thrown for an environment variable that cannot be used, naming it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
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
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    adminToken: env.PROCMAP_ADMIN_TOKEN || undefined,
    publicUrl: env.PROCMAP_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
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
    },
    idleUnloadMs: integer(env, 'PROCMAP_IDLE_UNLOAD_MS', 30_000, 0, 86_400_000),
    compactAfter: integer(env, 'PROCMAP_COMPACT_AFTER', 500, 1, 10_000_000),
    // The built editor: by default the web app's build output in this repository.
    webDir: resolve(cwd, env.PROCMAP_WEB_DIR || DEFAULT_WEB_DIR),
  };
}
