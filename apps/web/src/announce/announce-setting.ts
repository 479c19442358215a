import { useSyncExternalStore } from 'react';

/*
 * Whether colleagues' edits, joins and leaves are announced: on unless the person turned it off,
 * remembered on this device. The save state is announced either way (it is about one's own work).
 */

const KEY = 'procmap:announce-colleagues';
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage refused (some private modes)
  }
}

function read(): boolean {
  try {
    return storage()?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

let current = read();

/** Whether colleagues' news is announced now. */
export function announcesColleagues(): boolean {
  return current;
}

/** Turns colleagues' announcements on or off, here and on later visits from this device. */
export function setAnnouncesColleagues(on: boolean): void {
  current = on;
  try {
    if (on) storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, 'off');
  } catch {
    // Not remembered: it lasts for this visit.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The setting, for components. */
export function useAnnouncesColleagues(): boolean {
  return useSyncExternalStore(subscribe, announcesColleagues);
}
