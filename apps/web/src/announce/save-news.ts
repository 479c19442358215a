import type { ConnectionState } from '../sync/map-connection';

/** Edits waiting this long for the server before they are saved are worth a word when they are. */
export const SLOW_SAVE = 5000;

type Phase = 'starting' | 'online' | 'away' | 'back' | 'stopped';

/**
 * When the save state is worth saying, and in which words: not on every edit (the badge shows
 * "Saving…" and "Saved" for each), only when it changes in a way a person should know of —
 * the connection lost and whether edits are kept meanwhile, the connection back with every
 * edit saved, or edits saved after waiting unusually long. Silent while the map first opens,
 * and once the link is closed or refused (a banner says so). Times come from the caller.
 */
export class SaveNews {
  private phase: Phase = 'starting';
  private pendingSince: number | undefined;
  /** Never connected yet in this visit (the map was opened offline). */
  private neverOnline = true;

  constructor(private readonly readOnly: boolean) {}

  /** The words for the state at `now`, when they are news; undefined otherwise. */
  update(state: ConnectionState, now: number): string | undefined {
    if (state.closed || state.refused) {
      this.phase = 'stopped';
      return undefined;
    }
    const online = state.status === 'connected' && state.synced;
    const back = this.neverOnline ? 'Connected' : 'Reconnected';
    switch (this.phase) {
      case 'stopped':
        return undefined;
      case 'starting':
        if (online) {
          this.phase = 'online';
          this.neverOnline = false;
        } else if (state.status === 'offline') {
          this.phase = 'away'; // opened offline: the badge says so, and nothing was lost
        }
        return undefined;
      case 'online':
        if (!online) {
          this.phase = 'away';
          this.pendingSince = undefined;
          return this.awayWords(state);
        }
        if (!state.saved) {
          this.pendingSince ??= now;
          return undefined;
        }
        if (this.pendingSince !== undefined) {
          const slow = now - this.pendingSince >= SLOW_SAVE;
          this.pendingSince = undefined;
          if (slow && !this.readOnly) return 'All changes saved';
        }
        return undefined;
      case 'away':
      case 'back':
        if (!online) {
          this.phase = 'away';
          return undefined; // already said; a retry that fails again is not news
        }
        if (this.readOnly) {
          this.phase = 'online';
          this.neverOnline = false;
          return back;
        }
        if (!state.saved) {
          this.phase = 'back';
          return undefined;
        }
        this.phase = 'online';
        this.neverOnline = false;
        return `${back}; changes saved`;
    }
  }

  private awayWords(state: ConnectionState): string {
    // "Offline" whether the network or only the server is gone: the browser often reports the
    // socket closing first, and the badge tells the two apart.
    if (this.readOnly) return 'Offline: the map may not show the latest changes';
    return state.savedLocally
      ? 'Offline: changes are kept on this device'
      : 'Offline: changes are not saved yet; keep this tab open';
  }
}
