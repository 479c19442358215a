import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Spawned, spawnServer } from '../server-fixtures';
import { HocuspocusWebSocket } from './hocuspocus-adapter';

/*
 * Hocuspocus 3.4.4, the server procmap's users would pick instead, as its own process
 * (bench/server/hocuspocus-server.ts) in two variants: documents in memory only, or stored by
 * `@hocuspocus/extension-sqlite` in a database file in a new temporary folder. Both run
 * Hocuspocus's default settings. Its clients are the same stock y-websocket providers as the
 * other servers', given the framing adapter of hocuspocus-adapter.ts as their WebSocket class.
 */

const ENTRY = join(import.meta.dirname, 'hocuspocus-server.ts');

export const HOCUS_SQLITE_LABEL = 'Hocuspocus 3.4.4 + extension-sqlite (defaults)';
export const HOCUS_MEMORY_LABEL = 'Hocuspocus 3.4.4 (in memory, defaults)';

export async function startHocuspocus(
  label: string,
  options: { readonly sqlite: boolean; readonly inspect?: boolean },
): Promise<Spawned> {
  const dir = options.sqlite ? mkdtempSync(join(tmpdir(), 'hocuspocus-bench-')) : undefined;
  const spawned = await spawnServer(
    label,
    ['--import', 'tsx', ENTRY],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      ...(dir ? { HOCUSPOCUS_SQLITE: join(dir, 'documents.sqlite') } : {}),
    },
    /hocuspocus listening on (ws:\/\/\S+)/,
    (m) => ({ wsUrl: m[1] as string, httpUrl: (m[1] as string).replace(/^ws/, 'http') }),
    () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    options.inspect ?? false,
  );
  return { ...spawned, socket: HocuspocusWebSocket };
}
