import { useEffect, useState } from 'react';
import { ApiError, listMaps, type MapSummary } from '../api/maps-api';

/** The map list as the home page shows it: loading, the maps, not allowed, or an error. */
export type MapListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly maps: readonly MapSummary[] }
  | { readonly status: 'forbidden' }
  | { readonly status: 'error'; readonly message: string };

/** Loads the maps on this server once. */
export function useMapList(): MapListState {
  const [state, setState] = useState<MapListState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    listMaps().then(
      (maps) => live && setState({ status: 'ready', maps }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setState({ status: 'forbidden' });
        } else {
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
