import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

/*
 * A room full of people: stock y-websocket clients in this process, each on the map with a
 * name and colour in its awareness state, moving its cursor at 30 Hz around a patch of the
 * canvas and now and then selecting a step — what twenty laptops in a workshop send.
 */

const HZ = 30;

export interface Crowd {
  /** Awareness updates sent so far, all participants together. */
  readonly sent: () => number;
  stop(): void;
}

export async function startCrowd(
  editUrl: string,
  people: number,
  stepIds: readonly string[],
): Promise<Crowd> {
  const url = new URL(editUrl);
  const mapId = url.pathname.split('/').at(-1) as string;
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const members: {
    doc: Y.Doc;
    provider: WebsocketProvider;
    timer?: ReturnType<typeof setInterval>;
  }[] = [];
  let sent = 0;
  for (let i = 0; i < people; i++) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://${url.host}/sync`, mapId, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    provider.awareness.setLocalState({
      user: { name: `Participant ${i + 1}`, color: '#0369a1' },
      cursor: null,
      selection: [],
    });
    members.push({ doc, provider });
  }
  await Promise.all(
    members.map(
      ({ provider }) =>
        new Promise<void>((resolve) => {
          if (provider.synced) resolve();
          else provider.once('sync', () => resolve());
        }),
    ),
  );
  members.forEach((member, i) => {
    let t = i * 0.7;
    member.timer = setInterval(() => {
      t += 1 / HZ;
      // A slow loop over the first columns of the map, where the dragged step is.
      member.provider.awareness.setLocalStateField('cursor', {
        x: 300 + 250 * Math.cos(t + i),
        y: 200 + 150 * Math.sin(1.3 * t + i),
      });
      sent++;
      if (Math.random() < 0.01 && stepIds.length > 0) {
        member.provider.awareness.setLocalStateField('selection', [
          stepIds[Math.floor(Math.random() * stepIds.length)],
        ]);
      }
    }, 1000 / HZ);
  });
  return {
    sent: () => sent,
    stop() {
      for (const member of members) {
        clearInterval(member.timer);
        member.provider.destroy();
        member.doc.destroy();
      }
    },
  };
}
