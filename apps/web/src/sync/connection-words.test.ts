import { describe, expect, it } from 'vitest';
import { connectionWords } from './connection-words';
import type { ConnectionState } from './map-connection';

const base: ConnectionState = {
  status: 'connected',
  synced: true,
  saved: true,
  savedLocally: true,
  loadedLocally: false,
  access: 'edit',
};
const words = (patch: Partial<ConnectionState>) => connectionWords({ ...base, ...patch });

describe('connection words', () => {
  it('says Connected and Saved only when synced and acknowledged by the server', () => {
    expect(words({})).toMatchObject({ connection: 'Connected', save: 'Saved' });
    expect(words({ synced: false })).toMatchObject({ connection: 'Syncing…' });
    expect(words({ saved: false })).toMatchObject({ connection: 'Connected', save: 'Saving…' });
  });

  it('tells offline users whether their edits are kept on this device', () => {
    expect(words({ status: 'offline', saved: false })).toMatchObject({
      connection: 'Offline',
      save: 'Saved on this device',
      tone: 'local',
    });
    expect(words({ status: 'reconnecting', saved: false, savedLocally: false })).toMatchObject({
      connection: 'Reconnecting…',
      save: 'Unsaved changes',
      tone: 'danger',
    });
    // Offline with nothing new since the server's last acknowledgement: still saved.
    expect(words({ status: 'offline', saved: true })).toMatchObject({ save: 'Saved' });
  });

  it('opens with Connecting… and a closed link says Disconnected', () => {
    expect(
      words({ status: 'connecting', synced: false, saved: false, savedLocally: false }),
    ).toMatchObject({ connection: 'Connecting…', save: 'Not saved yet' });
    expect(
      words({ status: 'offline', saved: false, closed: { code: 4404, message: 'deleted' } }),
    ).toMatchObject({ connection: 'Disconnected' });
  });

  it('never calls edits kept only here "saved" once the server refuses the link', () => {
    const refused = { code: 'token-invalid', message: 'revoked' };
    expect(
      words({ status: 'reconnecting', saved: false, savedLocally: true, refused }),
    ).toMatchObject({
      connection: 'Link refused',
      save: 'Not saved on the server',
      tone: 'danger',
    });
    expect(words({ status: 'reconnecting', saved: true, refused })).toMatchObject({
      save: 'Saved',
      tone: 'ok',
    });
  });
});
