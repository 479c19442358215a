import { useSyncExternalStore } from 'react';

/*
 * A narrow window: a phone, or a laptop window at 200% zoom or more (1280 px wide at 200% is
 * 640 CSS px). There the side panel becomes a full-width drawer, the lane headers a narrow
 * strip and the toolbar's map buttons a "More" menu, so the canvas keeps the window's width and
 * nothing scrolls sideways (WCAG 1.4.10). The same width is written in the stylesheets'
 * `@media (max-width: 40em)` rules; keep the two together.
 */
export const NARROW_QUERY = '(max-width: 40em)';

/** Whether the window is narrow now. */
export function isNarrowWindow(): boolean {
  return globalThis.matchMedia?.(NARROW_QUERY).matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  const query = globalThis.matchMedia?.(NARROW_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the window is narrow, re-rendering when that changes. */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, isNarrowWindow, () => false);
}
