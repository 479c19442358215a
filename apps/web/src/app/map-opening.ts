import { ApiError } from '../api/maps-api';

/**
 * Whether a map link may open the editor. A link this browser has opened before opens at once
 * (its copy on this device shows even offline); any other link is asked about first, so a
 * mistyped or revoked link shows a page saying so instead of an empty, editable map whose
 * edits would stay in this browser only.
 */
export type MapOpening =
  | { readonly kind: 'checking' }
  | { readonly kind: 'open' }
  /** The server says this link does not open a map: nothing is shown, nothing is stored. */
  | { readonly kind: 'refused'; readonly title: string; readonly advice: string }
  /** The browser is offline and has never opened this link: it opens once back online. */
  | { readonly kind: 'offline' }
  /** The server could not answer (down, restarting, busy): tried again shortly. */
  | { readonly kind: 'unreachable'; readonly message: string };

/** Where opening starts: at once for a link this browser knows, else by asking. */
export function initialOpening(knownHere: boolean): MapOpening {
  return knownHere ? { kind: 'open' } : { kind: 'checking' };
}

/** What a failed check means for the page. */
export function openingAfterFailure(error: unknown, online: boolean): MapOpening {
  if (error instanceof ApiError) {
    if (error.kind === 'link') {
      return {
        kind: 'refused',
        title: error.title ?? error.message,
        advice: error.advice ?? '',
      };
    }
    if (error.status === 0 && !online) return { kind: 'offline' };
    return { kind: 'unreachable', message: error.message };
  }
  return { kind: 'unreachable', message: 'The map could not be opened. Trying again…' };
}
