/**
 * Every transaction carries a typed origin, so observers know who changed what and the undo
 * manager can track only the local user's own edits. Origins are compared by identity: each
 * MapDoc makes its own set, and Ctrl+Z in one tab never reaches an edit made in another.
 */
export type OriginKind = 'user' | 'layout' | 'import' | 'migration' | 'server' | 'remote';

export interface Origin {
  readonly kind: OriginKind;
  /** Who acted, when known: a user id on the client, "server" on the server. */
  readonly actor: string;
}

/** The origins one MapDoc writes with. `user` and `layout` are undoable by this user only. */
export interface LocalOrigins {
  readonly user: Origin;
  readonly layout: Origin;
  readonly import: Origin;
  readonly migration: Origin;
  readonly server: Origin;
}

/** Makes a fresh set of origin objects for one local actor. */
export function createOrigins(actor: string): LocalOrigins {
  const make = (kind: OriginKind): Origin => Object.freeze({ kind, actor });
  return {
    user: make('user'),
    layout: make('layout'),
    import: make('import'),
    migration: make('migration'),
    server: make('server'),
  };
}

/** Whether a transaction origin is one of ours; anything else (a provider, null) is remote. */
export function isOrigin(value: unknown): value is Origin {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Origin).kind === 'string' &&
    typeof (value as Origin).actor === 'string'
  );
}

/** The kind of a transaction's origin, `remote` for updates that came from elsewhere. */
export function originKind(value: unknown): OriginKind {
  return isOrigin(value) ? value.kind : 'remote';
}
