import type { IncomingHttpHeaders } from 'node:http';
import { MapDoc } from '@procmap/doc';
import type { ProcessMap } from '@procmap/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { example } from '../test-support/api';
import { connectClient, type TestClient, whenSynced } from '../test-support/clients';
import { waitFor, waitForValue } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * The auth matrix on the sync socket of the real server process: every case, several times,
 * gives the documented outcome. Refusals happen before the upgrade (an HTTP status); a view
 * connection may listen and send presence, but a document update closes it with 4403.
 */

const RUNS = 5;

interface Refusal {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions
  readonly body: any;
}

/** Tries a websocket upgrade that must be refused; resolves with the HTTP answer. */
function refusedUpgrade(url: string): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.terminate();
      reject(new Error(`the upgrade to ${url} was accepted`));
    });
    ws.on('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    ws.on('error', reject);
  });
}

/**
 * A y-websocket peer on a raw `ws` socket, speaking y-protocols directly, so the test decides
 * exactly what is sent. It sends sync step 1 on open; it answers the server's step 1 only when
 * `answerStep1` (a view peer that only listens does not send its document at all).
 */
class RawPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly ws: WebSocket;
  synced = false;
  closed: { code: number; reason: string } | undefined;

  constructor(url: string, answerStep1: boolean) {
    this.awareness.setLocalState(null);
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'arraybuffer';
    this.ws.on('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, this.doc);
      this.ws.send(encoding.toUint8Array(e));
    });
    this.ws.on('message', (data: ArrayBuffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(d);
      if (type === 0) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        const step = syncProtocol.readSyncMessage(d, reply, this.doc, 'server');
        if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
        if (step === syncProtocol.messageYjsSyncStep1 && answerStep1) {
          this.ws.send(encoding.toUint8Array(reply));
        }
      } else if (type === 1) {
        applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), 'server');
      }
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
    this.ws.on('error', () => undefined);
    // Local document changes go to the server as sync update messages, as the stock client does.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'server' || this.ws.readyState !== WebSocket.OPEN) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
      this.ws.send(encoding.toUint8Array(e));
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  setPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.ws.send(encoding.toUint8Array(e));
  }

  destroy(): void {
    this.ws.terminate();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

describe('auth matrix on the sync socket (real server process)', { timeout: 30_000 }, () => {
  let server: ServerProcess;
  let map: { id: string; editToken: string; viewToken: string };
  let other: { id: string; editToken: string; viewToken: string };
  const peers: RawPeer[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // Debug logging, so the last test can check that no token is ever written to the log.
    server = await startServer({ env: { PROCMAP_LOG: 'debug' } });
    map = await createMap(server, { title: 'Matrix' });
    other = await createMap(server, { title: 'Other' });
  }, 30_000);
  afterEach(() => {
    for (const peer of peers.splice(0)) peer.destroy();
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  const peer = (token: string, answerStep1: boolean) => {
    const p = new RawPeer(
      `${server.wsUrl}/${map.id}?token=${encodeURIComponent(token)}`,
      answerStep1,
    );
    peers.push(p);
    return p;
  };
  const client = (token: string, options: { wantSaved?: boolean } = {}) => {
    const c = connectClient(server.wsUrl, map.id, token, options);
    clients.push(c);
    return c;
  };
  const storedTitle = async () => {
    const res = await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { title: string }).title;
  };

  const refusals: [string, () => string, number, string][] = [
    ['no token', () => `${server.wsUrl}/${map.id}`, 401, 'token-required'],
    ['an empty token', () => `${server.wsUrl}/${map.id}?token=`, 401, 'token-required'],
    ['a wrong token', () => `${server.wsUrl}/${map.id}?token=wrong`, 403, 'token-invalid'],
    [
      "another map's edit token",
      () => `${server.wsUrl}/${map.id}?token=${other.editToken}`,
      403,
      'token-invalid',
    ],
    [
      'the edit token with something appended',
      () => `${server.wsUrl}/${map.id}?token=${map.editToken}x`,
      403,
      'token-invalid',
    ],
    [
      'an unknown map',
      () => `${server.wsUrl}/noSuchMap0000000?token=${map.editToken}`,
      404,
      'not-found',
    ],
    ['an unknown map, no token', () => `${server.wsUrl}/noSuchMap0000000`, 404, 'not-found'],
    ['the bare /sync path', () => `${server.wsUrl}?token=${map.editToken}`, 404, 'not-found'],
    [
      'a path that is not /sync',
      () => `${server.url.replace('http', 'ws')}/other/${map.id}?token=${map.editToken}`,
      404,
      'not-found',
    ],
    [
      'a path below the map',
      () => `${server.wsUrl}/${map.id}/more?token=${map.editToken}`,
      404,
      'not-found',
    ],
    [
      'an id too long to be one',
      () => `${server.wsUrl}/${'a'.repeat(65)}?token=${map.editToken}`,
      404,
      'not-found',
    ],
  ];

  it.each(refusals)(
    '%s → HTTP %i before the upgrade, every time',
    async (_what, url, status, code) => {
      for (let run = 0; run < RUNS; run++) {
        const refusal = await refusedUpgrade(url());
        expect(refusal.status).toBe(status);
        expect(refusal.body?.error?.code).toBe(code);
        expect(typeof refusal.body?.error?.message).toBe('string');
      }
    },
  );

  it('a view connection receives updates and sends presence, but a document update is closed with 4403 and changes nothing, every time', async () => {
    for (let run = 0; run < RUNS; run++) {
      const editor = client(map.editToken);
      await whenSynced(editor);
      const viewer = peer(map.viewToken, false);
      await waitFor(() => viewer.synced, 'the viewer to sync');
      expect(viewer.doc.getMap('meta').get('title')).toBe(editor.doc.getMap('meta').get('title'));

      // It receives updates.
      editor.doc.getMap('meta').set('title', `Edited ${run}`);
      await waitFor(
        () => viewer.doc.getMap('meta').get('title') === `Edited ${run}`,
        'the viewer to receive the edit',
      );

      // It may send presence, and the others see it.
      viewer.setPresence({ user: { name: `Viewer ${run}` } });
      await waitFor(
        () =>
          [...editor.provider.awareness.getStates().values()].some(
            (s) => (s.user as { name?: string } | undefined)?.name === `Viewer ${run}`,
          ),
        'the editor to see the viewer presence',
      );
      expect(viewer.open).toBe(true);

      // A document update closes it with 4403.
      viewer.doc.getMap('meta').set('title', 'Hacked by a viewer');
      await waitFor(() => viewer.closed !== undefined, 'the viewer to be closed');
      expect(viewer.closed?.code).toBe(4403);

      // Nothing changed, and nobody else noticed.
      expect(await storedTitle()).toBe(`Edited ${run}`);
      expect(editor.doc.getMap('meta').get('title')).toBe(`Edited ${run}`);
      expect(editor.provider.wsconnected).toBe(true);
      editor.doc.getMap('meta').set('title', `Still editing ${run}`);
      await waitForValue(storedTitle, (t) => t === `Still editing ${run}`, 'the next edit');

      for (const c of clients.splice(0)) c.destroy();
      for (const p of peers.splice(0)) p.destroy();
    }
  });

  it('a view connection cannot edit a scenario: its update is closed with 4403 and the scenario stays as it was', async () => {
    const file = example() as unknown as ProcessMap;
    const copy = { roles: file.roles, steps: file.steps, flows: file.flows };
    const planned = await createMap(server, {
      ...file,
      title: 'Scenarios',
      scenarios: [{ id: 'to-be', name: 'To-be', ...copy }],
    });
    const storedScenario = async () => {
      const res = await fetch(
        `${server.url}/api/maps/${planned.id}?token=${planned.viewToken}&scenario=to-be`,
      );
      expect(res.status).toBe(200);
      return (await res.json()) as ProcessMap;
    };
    const before = await storedScenario();
    const viewer = new RawPeer(
      `${server.wsUrl}/${planned.id}?token=${encodeURIComponent(planned.viewToken)}`,
      false,
    );
    peers.push(viewer);
    await waitFor(() => viewer.synced, 'the viewer to sync');
    // Written through the document codec, so the edit lands wherever the document keeps scenarios.
    const doc = new MapDoc(viewer.doc);
    const seen = doc.exportFile();
    expect(seen.scenarios?.map((s) => s.id)).toEqual(['to-be']);
    doc.importFile({
      ...seen,
      scenarios: [
        {
          id: 'to-be',
          name: 'Renamed by a viewer',
          ...copy,
          steps: copy.steps.map((s) => ({ ...s, label: `${s.label ?? ''} (hacked)` })),
        },
      ],
    });
    doc.destroy();
    await waitFor(() => viewer.closed !== undefined, 'the viewer to be closed');
    expect(viewer.closed?.code).toBe(4403);
    expect(await storedScenario()).toEqual(before);
    const whole = await fetch(`${server.url}/api/maps/${planned.id}?token=${planned.viewToken}`);
    const stored = (await whole.json()) as ProcessMap;
    expect(stored.scenarios?.map((s) => s.name)).toEqual(['To-be']);
  });

  it('an edit connection (stock client) has its update applied and saved, every time', async () => {
    for (let run = 0; run < RUNS; run++) {
      const editor = client(map.editToken, { wantSaved: true });
      await whenSynced(editor);
      editor.doc.getMap('meta').set('title', `Saved ${run}`);
      await waitFor(() => editor.isSaved(), 'the server to say the edit is saved');
      expect(await storedTitle()).toBe(`Saved ${run}`);
      expect(editor.provider.wsconnected).toBe(true);
      for (const c of clients.splice(0)) c.destroy();
    }
  });

  it('an edit connection (raw peer, sync update message) has its update applied, every time', async () => {
    for (let run = 0; run < RUNS; run++) {
      const editor = peer(map.editToken, true);
      await waitFor(() => editor.synced, 'the editor to sync');
      editor.doc.getMap('meta').set('title', `Raw ${run}`);
      await waitForValue(storedTitle, (t) => t === `Raw ${run}`, 'the raw edit to be stored');
      expect(editor.open).toBe(true);
      for (const p of peers.splice(0)) p.destroy();
    }
  });

  it('a deleted map refuses new connections with 404', async () => {
    const doomed = await createMap(server, { title: 'Doomed' });
    const res = await fetch(`${server.url}/api/maps/${doomed.id}?token=${doomed.editToken}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(204);
    for (let run = 0; run < RUNS; run++) {
      const refusal = await refusedUpgrade(
        `${server.wsUrl}/${doomed.id}?token=${doomed.editToken}`,
      );
      expect(refusal.status).toBe(404);
    }
  });

  it('logs each refusal and never writes a token to the log', async () => {
    const log = server.log();
    expect(log).toMatch(/^warn update-refused .*reason=view-only/m);
    expect(log).toMatch(/^debug connected .*access=view/m);
    for (const token of [map.editToken, map.viewToken, other.editToken, other.viewToken]) {
      expect(log).not.toContain(token);
    }
  });

  /*
   * The stock client answers the server's sync step 1 with its own (usually empty) state; from
   * a view link that must not count as an edit, or every viewer would be thrown out at once.
   */
  it('a stock y-websocket client on a view token stays connected and keeps receiving', async () => {
    const editor = client(map.editToken);
    const viewer = client(map.viewToken);
    const closes: number[] = [];
    viewer.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    await Promise.all([whenSynced(editor), whenSynced(viewer)]);
    editor.doc.getMap('meta').set('title', 'For the stock viewer');
    await waitFor(
      () => closes.length > 0 || viewer.doc.getMap('meta').get('title') === 'For the stock viewer',
      'the viewer to receive the edit or be closed',
    );
    expect(closes).toEqual([]);
    expect(viewer.doc.getMap('meta').get('title')).toBe('For the stock viewer');
  });
});
