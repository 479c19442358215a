import { round3 } from '../harness';
import {
  type Client,
  connect,
  createMap,
  type Spawned,
  type Target,
  whenSynced,
} from '../server-fixtures';

/* Shared by the server benchmarks: labels, limits, and opening rooms and clients. */

export const OUR_LABEL = 'procmap server (SQLite, WAL, synchronous=FULL)';
export const REF_LABEL = '@y/websocket-server@0.1.1 (in memory)';
export const RELAY_LABEL = 'plain websocket relay (bench/relay.ts)';

/** Rate limits high enough that the benchmark measures the server, not its throttle. */
export const UNTHROTTLED = {
  PROCMAP_MESSAGES_PER_SECOND: '1000000',
  PROCMAP_MESSAGE_BURST: '10000000',
  // The runs create their maps over the API, all from one address.
  PROCMAP_CREATES_PER_MINUTE: '100000',
  PROCMAP_CREATE_BURST: '100000',
};

export const MB = 1024 * 1024;
export const r3 = round3;
export const log = (line: string) => console.log(`  [server] ${line}`);

/** A fresh map on our server, or a room name on the others. */
export async function target(
  server: Spawned,
  kind: 'ours' | 'other',
  name: string,
  body?: unknown,
) {
  if (kind === 'other') return { server, room: name } satisfies Target;
  const map = await createMap(server, body);
  return { server, room: map.id, token: map.editToken } satisfies Target;
}

export async function openClients(t: Target, n: number): Promise<Client[]> {
  const clients = Array.from({ length: n }, () => connect(t));
  await Promise.all(clients.map((c) => whenSynced(c)));
  return clients;
}

export const destroyAll = (clients: readonly Client[]) => {
  for (const c of clients) c.destroy();
};
