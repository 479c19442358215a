import * as Y from 'yjs';
import { PostgresStorage } from '../storage/postgres-storage';
import { startPostgres, testDatabase } from './postgres';
import { type RedisProcess, startRedis } from './redis';
import {
  freePort,
  removeDataDir,
  type ServerProcess,
  startServer,
  tempDataDir,
} from './server-process';

/*
 * Several server processes on one PostgreSQL and one Redis, the way docs/deploy.md runs them
 * (minus the load balancer: tests pick an instance per client). Each instance keeps its port, so
 * one killed and started again comes back where its clients reconnect, as behind a balancer
 * that sends them to a live one. Undefined when PostgreSQL or Redis is not installed here.
 */

export interface Cluster {
  readonly databaseUrl: string;
  readonly redis: RedisProcess;
  /** The instances now (an entry is replaced when it is started again). */
  readonly servers: ServerProcess[];
  /** Starts instance i again on its port (after a kill). */
  restart(i: number): Promise<ServerProcess>;
  /** The stored document of a map, read straight from PostgreSQL. */
  storedDoc(mapId: string): Promise<Y.Doc>;
  /** Stops everything and removes what it made. */
  destroy(): Promise<void>;
}

/**
 * Starts `count` instances. `ownDatabase`: a PostgreSQL cluster of the caller's own, which
 * `database.stop()` / `start()` control (else a fresh database in the shared test cluster).
 */
export async function startCluster(
  count: number,
  options: { readonly ownDatabase?: boolean; readonly env?: Record<string, string> } = {},
): Promise<
  (Cluster & { database?: { stop(): Promise<void>; start(): Promise<void> } }) | undefined
> {
  const redis = await startRedis();
  if (!redis) return undefined;
  const own = options.ownDatabase ? await startPostgres() : undefined;
  const shared = own ? undefined : await testDatabase();
  const databaseUrl = own?.url ?? shared?.url;
  if (!databaseUrl) {
    await redis.destroy();
    return undefined;
  }
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const dataDirs = ports.map(() => tempDataDir());
  const start = (i: number) =>
    startServer({
      port: ports[i]!,
      dataDir: dataDirs[i]!,
      env: {
        PROCMAP_DATABASE_URL: databaseUrl,
        PROCMAP_REDIS_URL: redis.url,
        PROCMAP_INSTANCE_ID: `i${i}`,
        ...options.env,
      },
    });
  const servers: ServerProcess[] = [];
  // One at a time: the first creates the schema (the others would wait on its lock anyway).
  for (let i = 0; i < count; i++) servers.push(await start(i));
  return {
    databaseUrl,
    redis,
    servers,
    ...(own ? { database: { stop: () => own.stop(), start: () => own.start() } } : {}),
    restart: async (i) => {
      const server = await start(i);
      servers[i] = server;
      return server;
    },
    storedDoc: async (mapId) => {
      const storage = await PostgresStorage.open(databaseUrl, { poolSize: 1 });
      try {
        const state = await storage.loadState(mapId);
        const doc = new Y.Doc();
        for (const update of state?.updates ?? []) Y.applyUpdate(doc, update);
        return doc;
      } finally {
        await storage.close();
      }
    },
    destroy: async () => {
      await Promise.all(servers.map((s) => s.kill('SIGKILL')));
      for (const dir of dataDirs) removeDataDir(dir);
      await redis.destroy();
      await shared?.drop().catch(() => undefined);
      await own?.destroy();
    },
  };
}

/** Why a cluster test cannot run here, or undefined when it can. */
export async function clusterUnavailable(): Promise<string | undefined> {
  const { hasRedisServer } = await import('./redis');
  const { testDatabaseUnavailable } = await import('./postgres');
  if (!hasRedisServer()) return 'no redis-server here (CI installs it)';
  return testDatabaseUnavailable();
}
