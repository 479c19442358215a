import type { PanelTab } from '../store/session-store';

/** The side panel's tabs, in the order they are shown. */
export const PANEL_TABS: readonly PanelTab[] = ['properties', 'analysis', 'simulate', 'comments'];

/**
 * The tab a key moves to from `current` (the ARIA tabs pattern: ← and → round the ends, Home and
 * End to the first and last), or undefined for any other key.
 */
export function tabAfterKey(current: PanelTab, key: string): PanelTab | undefined {
  const at = PANEL_TABS.indexOf(current);
  const n = PANEL_TABS.length;
  if (key === 'ArrowRight') return PANEL_TABS[(at + 1) % n];
  if (key === 'ArrowLeft') return PANEL_TABS[(at - 1 + n) % n];
  if (key === 'Home') return PANEL_TABS[0];
  if (key === 'End') return PANEL_TABS[n - 1];
  return undefined;
}
