import { useEffect, useState, useSyncExternalStore } from 'react';
import { type ConnectionState, MapConnection } from './map-connection';

const CONNECTING: ConnectionState = {
  status: 'connecting',
  synced: false,
  saved: false,
  savedLocally: false,
  loadedLocally: false,
  access: 'unknown',
};
const noop = () => () => {};

/**
 * Opens one map for as long as the component is mounted: one connection and one MapDoc per
 * editor. Created in an effect (not during render) so StrictMode's double mount cannot leak a
 * second socket.
 */
export function useMapConnection(mapId: string, token: string) {
  const [connection, setConnection] = useState<MapConnection | null>(null);
  useEffect(() => {
    const created = new MapConnection(mapId, token);
    setConnection(created);
    return () => {
      created.destroy();
      setConnection(null);
    };
  }, [mapId, token]);
  const state = useSyncExternalStore(
    connection?.subscribe ?? noop,
    connection?.getState ?? (() => CONNECTING),
  );
  return { connection, state };
}
