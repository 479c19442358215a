import type { MapIndex } from '@procmap/model';
import { useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useReadOnly } from '../editor/editor-context';
import { readPeer } from '../presence/peers';
import type { MapConnection } from '../sync/map-connection';
import { type Announcement, AnnounceQueue } from './announce-queue';
import { announcesColleagues, useAnnouncesColleagues } from './announce-setting';
import { describeChanges } from './describe-changes';
import { peopleNews } from './people-news';
import { SaveNews } from './save-news';
import { type Colleague, whoChanged } from './who-changed';

/** Everyone else on the map, as their presence says. */
function colleaguesOf(awareness: Awareness): Colleague[] {
  const out: Colleague[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const peer = readPeer(clientId, state);
    if (peer) out.push(peer);
  }
  return out;
}

function namesOf(awareness: Awareness): Map<number, string> {
  return new Map(colleaguesOf(awareness).map((c) => [c.clientId, c.name]));
}

const isColleagues = (item: Announcement) => item.kind !== 'status';
const DELETED = new Set([
  'step-deleted',
  'lane-deleted',
  'disconnected',
  'comment-deleted',
  'scenario-deleted',
]);

/**
 * A polite live region: what colleagues do ("Priya renamed “Triage” to “Clinical triage”"),
 * who joins and leaves, and the save state when it changes in a way that matters, said to
 * screen-reader users without taking focus. At most one announcement every two seconds; what
 * comes meanwhile is merged into the next. Never this person's own edits, nor what arrives
 * while the map opens or catches up after a lost connection: that is no colleague acting now.
 */
export function Announcer({ connection }: { connection: MapConnection; index?: MapIndex }) {
  const readOnly = useReadOnly();
  const colleaguesOn = useAnnouncesColleagues();
  const [said, setSaid] = useState<{ readonly text: string; readonly serial: number } | null>(null);
  const serial = useRef(0);
  const queueRef = useRef<AnnounceQueue | null>(null);

  useEffect(() => {
    const { doc, provider } = connection;
    const { awareness } = provider;
    const queue = new AnnounceQueue();
    queueRef.current = queue;
    const now = () => performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const text = queue.take(now());
      if (text) {
        serial.current += 1;
        setSaid({ text, serial: serial.current });
      }
      schedule();
    };
    const schedule = () => {
      const due = queue.dueAt();
      if (timer !== undefined || due === undefined) return;
      timer = setTimeout(flush, Math.max(0, due - now()));
    };
    const push = (item: Announcement) => {
      queue.push(item, now());
      schedule();
    };

    // Who is here: those present when the map opens (or reconnects) are not news.
    let known = namesOf(awareness);
    // Everyone seen in this visit: edits may arrive after their maker's presence has gone, or
    // before it is back (a colleague's offline edits, sent as they reconnect).
    const seen = new Map(known);
    const onPeople = () => {
      const current = namesOf(awareness);
      for (const [id, name] of current) seen.set(id, name);
      const news = provider.synced ? peopleNews(known, current) : [];
      known = current;
      if (announcesColleagues()) for (const item of news) push(item);
    };
    const onSync = (synced: boolean) => {
      if (synced) known = namesOf(awareness);
    };
    awareness.on('change', onPeople);
    provider.on('sync', onSync);

    const stopChanges = doc.onRemoteChange((change) => {
      // Only updates the server passes on live: not this device's stored copy loading, nor
      // the catching up while the map opens or reconnects.
      if (change.origin !== provider || !provider.synced || !announcesColleagues()) return;
      const changes = describeChanges(change.before, change.after);
      if (changes.length === 0) return;
      const who = whoChanged({
        clients: change.clients,
        colleagues: colleaguesOf(awareness),
        seen,
        ownClient: doc.ydoc.clientID,
        touched: changes.filter((c) => DELETED.has(c.kind)).map((c) => c.id),
      });
      push({ kind: 'changes', who, changes });
    });

    const saveNews = new SaveNews(readOnly);
    const onState = () => {
      const text = saveNews.update(connection.getState(), now());
      if (text) push({ kind: 'status', text });
    };
    onState();
    const stopState = connection.subscribe(onState);

    return () => {
      stopChanges();
      stopState();
      awareness.off('change', onPeople);
      provider.off('sync', onSync);
      if (timer !== undefined) clearTimeout(timer);
      queueRef.current = null;
    };
  }, [connection, readOnly]);

  useEffect(() => {
    if (!colleaguesOn) queueRef.current?.drop(isColleagues);
  }, [colleaguesOn]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {/* A new element each time: said again even when the words are the same as last time. */}
      {said && <p key={said.serial}>{said.text}</p>}
    </div>
  );
}
