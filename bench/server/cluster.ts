import { Client } from 'pg';
import { postgresUnavailable, startPostgres } from '../../apps/server/src/test-support/postgres';
import { startRedis } from '../../apps/server/src/test-support/redis';
import type { BenchResult } from '../harness';

import { log } from './common';
import { crossInstance } from './cross-instance';
import { pgPersist } from './pg-persist';

/*
 * Our server as several instances: a PostgreSQL cluster of the run's own (initdb into a
 * temporary folder; fsync on, as a durable setup has it) and a Redis, both started here and
 * stopped at the end. Each entry gets empty databases of its own in that cluster. Without
 * PostgreSQL or redis-server on the machine both entries are skipped, saying why.
 */

/** A new empty database in the cluster at `clusterUrl`; returns its URL. */
async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function clusterBenchmarks(): Promise<BenchResult[]> {
  const pg = await startPostgres();
  if (!pg) {
    log(`cluster entries skipped: ${postgresUnavailable() ?? 'PostgreSQL did not start'}`);
    return [];
  }
  const redis = await startRedis();
  if (!redis) {
    log('cluster entries skipped: no redis-server here');
    await pg.destroy();
    return [];
  }
  try {
    const results = await crossInstance(
      {
        cluster: await createDatabase(pg.url, 'bench_cluster'),
        single: await createDatabase(pg.url, 'bench_single'),
      },
      redis.url,
    );
    results.push(await pgPersist(await createDatabase(pg.url, 'bench_persist'), pg.port));
    return results;
  } finally {
    await redis.destroy();
    await pg.destroy();
  }
}
