import { changeSentence } from './change-sentence';
import type { Change } from './describe-changes';
import { mergeChanges } from './merge-changes';

/** Something worth saying to a screen-reader user who cannot see the map change. */
export type Announcement =
  | { readonly kind: 'changes'; readonly who: string; readonly changes: readonly Change[] }
  | { readonly kind: 'joined'; readonly who: string }
  | { readonly kind: 'left'; readonly who: string }
  | { readonly kind: 'renamed-person'; readonly from: string; readonly to: string }
  /** The save or connection state; a newer one replaces one not yet said. */
  | { readonly kind: 'status'; readonly text: string };

/** The least time between two announcements, in milliseconds. */
export const ANNOUNCE_GAP = 2000;

/**
 * How long someone must stay gone before their leaving is said: a reload or a dropped
 * connection that comes back within it is no news.
 */
export const LEAVE_GRACE = 5000;

/** The order sentences are said in: who is here first, then what they did. */
const ORDER: readonly Announcement['kind'][] = [
  'renamed-person',
  'joined',
  'changes',
  'left',
  'status',
];

function sentence(item: Announcement): string | undefined {
  switch (item.kind) {
    case 'changes':
      return changeSentence(item.who, item.changes);
    case 'joined':
      return `${item.who} joined the map`;
    case 'left':
      return `${item.who} left`;
    case 'renamed-person':
      return `${item.from} is now called ${item.to}`;
    case 'status':
      return item.text;
  }
}

/**
 * Announcements waiting to be said, at most one every `gap` milliseconds: whatever arrives
 * in between is merged into the next one (one sentence per person), never dropped. Someone
 * leaving waits `leaveGrace` first, in case they are back at once. Time is given by the
 * caller, so the queue is tested without a clock.
 */
export class AnnounceQueue {
  private pending: Announcement[] = [];
  private last = Number.NEGATIVE_INFINITY;
  /** When each waiting "left" may be said. */
  private readonly leftReady = new Map<Announcement, number>();

  constructor(
    private readonly gap = ANNOUNCE_GAP,
    private readonly leaveGrace = LEAVE_GRACE,
  ) {}

  /** Adds something to say at `now`, merged with what is waiting. */
  push(item: Announcement, now: number): void {
    this.merge(item);
    if (item.kind === 'left' && this.pending.includes(item)) {
      this.leftReady.set(item, now + this.leaveGrace);
    }
    for (const waiting of this.leftReady.keys()) {
      if (!this.pending.includes(waiting)) this.leftReady.delete(waiting);
    }
  }

  private merge(item: Announcement): void {
    const list = this.pending;
    switch (item.kind) {
      case 'changes': {
        const at = list.findIndex((p) => p.kind === 'changes' && p.who === item.who);
        const waiting = list[at];
        if (waiting?.kind === 'changes') {
          const changes = mergeChanges(waiting.changes, item.changes);
          if (changes.length > 0) list[at] = { ...waiting, changes };
          else list.splice(at, 1); // added and taken away again: nothing happened
        } else if (item.changes.length > 0) {
          list.push(item);
        }
        return;
      }
      case 'joined':
      case 'left': {
        const other = item.kind === 'joined' ? 'left' : 'joined';
        // Left and came back (a reload, a dropped connection), or came and went: nothing to say.
        const at = list.findIndex((p) => p.kind === other && p.who === item.who);
        if (at >= 0) list.splice(at, 1);
        else if (!list.some((p) => p.kind === item.kind && p.who === item.who)) list.push(item);
        return;
      }
      case 'renamed-person': {
        const joined = list.findIndex((p) => p.kind === 'joined' && p.who === item.from);
        if (joined >= 0) {
          list[joined] = { kind: 'joined', who: item.to };
          return;
        }
        const earlier = list.findIndex((p) => p.kind === 'renamed-person' && p.to === item.from);
        const before = list[earlier];
        if (before?.kind === 'renamed-person') {
          if (before.from === item.to) list.splice(earlier, 1);
          else list[earlier] = { ...before, to: item.to };
          return;
        }
        list.push(item);
        return;
      }
      case 'status': {
        const at = list.findIndex((p) => p.kind === 'status');
        if (at >= 0) list.splice(at, 1);
        list.push(item);
        return;
      }
    }
  }

  /** Forgets waiting announcements that `test` picks (colleagues' ones, when turned off). */
  drop(test: (item: Announcement) => boolean): void {
    this.pending = this.pending.filter((item) => !test(item));
    for (const item of this.leftReady.keys()) if (test(item)) this.leftReady.delete(item);
  }

  private readyAt(item: Announcement): number {
    return this.leftReady.get(item) ?? Number.NEGATIVE_INFINITY;
  }

  /** When the next announcement may be said; undefined when nothing is waiting. */
  dueAt(): number | undefined {
    if (this.pending.length === 0) return undefined;
    const ready = Math.min(...this.pending.map((item) => this.readyAt(item)));
    return Math.max(this.last + this.gap, ready);
  }

  /**
   * What to say at `now`: everything waiting that may be said, as one text, when the gap since
   * the last one has passed; undefined (keeping it all) otherwise.
   */
  take(now: number): string | undefined {
    if (now < this.last + this.gap) return undefined;
    const ready = this.pending.filter((item) => this.readyAt(item) <= now);
    if (ready.length === 0) return undefined;
    this.pending = this.pending.filter((item) => !ready.includes(item));
    for (const item of ready) this.leftReady.delete(item);
    const sentences = [...ready]
      .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
      .map(sentence)
      .filter((s): s is string => Boolean(s));
    if (sentences.length === 0) return undefined;
    this.last = now;
    return sentences.length === 1 ? sentences[0] : `${sentences.join('. ')}.`;
  }
}
