import { useState } from 'react';
import { createMap } from '../api/maps-api';
import { downloadText, fileStem } from '../app/download';
import { navigate } from '../app/navigation';
import type { ConnectionState, MapConnection } from './map-connection';

/**
 * Shown when the server no longer opens this map for this link (its token revoked, the map
 * gone) while this device holds it. Edits the server never received are never dropped: they
 * can be saved as a map file, or copied into a new map, and only then let go.
 */
export function RefusedBanner({
  connection,
  state,
}: {
  connection: MapConnection;
  state: ConnectionState;
}) {
  const [saved, setSaved] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  if (!state.refused) return null;
  const unsaved = !state.saved;
  const title = connection.doc.getSnapshot().title;

  const saveFile = () => {
    downloadText(connection.mapFile(), `${fileStem(title)}.procmap.json`);
    setSaved(true);
  };
  const copyToNewMap = () => {
    setCopying(true);
    setCopyError(null);
    createMap(JSON.parse(connection.mapFile()) as object).then(
      (created) => {
        const url = new URL(created.editUrl, window.location.origin);
        navigate(`${url.pathname}${url.hash}`);
      },
      (error: unknown) => {
        setCopying(false);
        setCopyError(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const forget = () => {
    connection.forgetLocalCopy();
    navigate('/');
  };

  return (
    <div className="banner banner--refused" role="alert" data-testid="link-refused-banner">
      <p>
        <strong>This link no longer opens the map.</strong> {state.refused.message}{' '}
        {unsaved
          ? 'Changes made on this device never reached the server: save them before you leave.'
          : 'Everything done here reached the server before that.'}
      </p>
      <p className="banner__actions">
        <button type="button" className="button button--primary" onClick={saveFile}>
          Save as a map file
        </button>
        <button type="button" className="button" onClick={copyToNewMap} disabled={copying}>
          {copying ? 'Copying…' : 'Copy into a new map'}
        </button>
        {(saved || !unsaved) && (
          <button type="button" className="button" onClick={forget}>
            Remove from this device
          </button>
        )}
      </p>
      {copyError && <p role="status">The copy was not made: {copyError}</p>}
    </div>
  );
}
