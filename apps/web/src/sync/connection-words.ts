import type { ConnectionState } from './map-connection';

/** The connection and save state in words, for the toolbar badges. */
export interface ConnectionWords {
  /** `connection-status` text: "Connected" only once synced with the server. */
  readonly connection: string;
  /** `save-status` text: "Saved" only once the server says every edit is on its disk. */
  readonly save: string;
  /** A sentence for the tooltip and screen readers. */
  readonly saveHint: string;
  readonly tone: 'ok' | 'pending' | 'local' | 'danger';
}

export function connectionWords(state: ConnectionState): ConnectionWords {
  const { status, synced, saved, savedLocally, closed, refused } = state;
  if (refused) {
    return {
      connection: 'Link refused',
      save: saved ? 'Saved' : 'Not saved on the server',
      saveHint: saved
        ? 'Every edit made here reached the server before the link stopped working.'
        : 'The server no longer accepts this link: edits made here are only on this device. Save them as a file.',
      tone: saved ? 'ok' : 'danger',
    };
  }
  const connection = closed
    ? 'Disconnected'
    : status === 'connected'
      ? synced
        ? 'Connected'
        : 'Syncing…'
      : status === 'connecting'
        ? 'Connecting…'
        : status === 'reconnecting'
          ? 'Reconnecting…'
          : 'Offline';
  if (saved) {
    return {
      connection,
      save: 'Saved',
      saveHint: 'Every edit is written to disk on the server.',
      tone: 'ok',
    };
  }
  if (status === 'connected' && !closed) {
    return {
      connection,
      save: 'Saving…',
      saveHint: 'Edits are on their way to the server.',
      tone: 'pending',
    };
  }
  if (savedLocally) {
    return {
      connection,
      save: 'Saved on this device',
      saveHint:
        'Not on the server yet: your edits are kept in this browser and sent as soon as the connection returns.',
      tone: 'local',
    };
  }
  if (status === 'connecting' && !closed) {
    return { connection, save: 'Not saved yet', saveHint: 'Opening the map…', tone: 'pending' };
  }
  return {
    connection,
    save: 'Unsaved changes',
    saveHint:
      'Not on the server yet, and this browser could not keep a copy. Keep this tab open until the connection returns.',
    tone: 'danger',
  };
}
