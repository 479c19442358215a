import { useSyncExternalStore } from 'react';

// A tiny router on `location`: pushState plus one event, no router library.
const CHANGE = 'procmap:navigate';

/** Goes to a path within the app (path + fragment), without reloading. */
export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  window.addEventListener(CHANGE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
    window.removeEventListener(CHANGE, listener);
  };
}

const current = () => `${window.location.pathname}${window.location.hash}`;

/** The current path and fragment; re-renders on navigation. */
export function useLocation(): { pathname: string; hash: string } {
  useSyncExternalStore(subscribe, current);
  return { pathname: window.location.pathname, hash: window.location.hash };
}
