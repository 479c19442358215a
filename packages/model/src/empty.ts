import { CURRENT_VERSION, FORMAT_NAME, type ProcessMap } from './types';

/** A valid map with nothing on it yet. */
export function emptyMap(title = ''): ProcessMap {
  return { format: FORMAT_NAME, version: CURRENT_VERSION, title, roles: [], steps: [], flows: [] };
}
