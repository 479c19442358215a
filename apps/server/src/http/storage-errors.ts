import { StorageError } from '../storage/adapter';
import { HttpError } from './respond';

/*
 * What a refusal of the storage layer means to an API client. A full disk (or the configured
 * database quota) is 507: nothing of the request was stored, and nothing of it was applied.
 */

/** The HTTP answer for a storage refusal, or undefined for any other error. */
export function storageRefusal(error: unknown): HttpError | undefined {
  if (!(error instanceof StorageError)) return undefined;
  // Read as a string: the adapter's list of codes grows with its refusals.
  const code: string = error.code;
  switch (code) {
    case 'disk-full':
      return new HttpError(
        'insufficient-storage',
        'the server has no room left to store this: nothing was changed. Ask whoever runs the server to free some space',
      );
    case 'not-found':
      return new HttpError('not-found', 'no such map (it may have just been deleted)');
    case 'exists':
      return new HttpError('conflict', 'a map with this id already exists: try again');
    case 'closed':
      return new HttpError(
        'unavailable',
        'the server is shutting down: try again shortly',
        undefined,
        { 'retry-after': '5' },
      );
    default:
      return undefined; // a refusal that means a bug here: logged, and answered 500
  }
}
