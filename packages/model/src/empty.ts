import type { ProcessMap } from './types';
import { CURRENT_VERSION, FORMAT_NAME } from './vocabulary';

/** A valid map with nothing on it yet. */
export function emptyMap(title = ''): ProcessMap {
  return { format: FORMAT_NAME, version: CURRENT_VERSION, title, roles: [], steps: [], flows: [] };
}
