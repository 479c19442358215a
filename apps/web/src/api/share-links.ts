import type { CreatedMap } from './maps-api';

/** Both links of a map, as handed out when it was created. */
export interface ShareLinks {
  readonly editUrl: string;
  readonly viewUrl: string;
}

const key = (mapId: string) => `procmap:links:${mapId}`;

/**
 * Keeps a created map's links in this browser, so the share dialog shows them at once (other
 * browsers with the edit link ask the server for the view link). Storage may be unavailable
 * (private mode).
 */
export function rememberLinks(map: CreatedMap): void {
  try {
    localStorage.setItem(
      key(map.id),
      JSON.stringify({ editUrl: map.editUrl, viewUrl: map.viewUrl }),
    );
  } catch {
    // Without storage the dialog shows the current link only.
  }
}

/** The links remembered for a map, if this browser created it. */
export function recallLinks(mapId: string): ShareLinks | undefined {
  try {
    const raw = localStorage.getItem(key(mapId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<ShareLinks>;
    if (typeof parsed.editUrl !== 'string' || typeof parsed.viewUrl !== 'string') return undefined;
    return { editUrl: parsed.editUrl, viewUrl: parsed.viewUrl };
  } catch {
    return undefined;
  }
}
