import { randomBytes } from 'node:crypto';
import { MapDoc } from '@procmap/doc';
import {
  emptyMap,
  labelLengthProblem,
  MAX_NESTING,
  type Problem,
  type ProcessMap,
  tooDeep,
  validateMap,
} from '@procmap/model';
import { REFUSALS, type RefusalCode } from '@procmap/protocol';
import * as Y from 'yjs';
import { type Access, accessFor, hashToken, newToken, viewTokenFor } from '../auth/tokens';
import type { RoomRegistry } from '../rooms/room-registry';
import type { MapRecord, MapSummary, StorageAdapter } from '../storage/adapter';

/** Why a map operation was refused; the HTTP layer answers with the code's status. */
export class MapError extends Error {
  override readonly name = 'MapError';
  readonly status: number;
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
    this.status = REFUSALS[code].status;
  }
}

export interface CreatedMap {
  readonly id: string;
  readonly title: string;
  readonly editToken: string;
  readonly viewToken: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkNesting(body: unknown): void {
  const path = tooDeep(body);
  if (path === undefined) return;
  const message = `nested more than ${MAX_NESTING} levels deep`;
  throw new MapError('too-deep', `the map file is ${message}`, [
    { path, code: 'out-of-range', message, severity: 'error' },
  ]);
}

/** `{}` or `{ "title": "…" }` asks for an empty map; anything else must be a map file. */
function fileFromBody(body: unknown): ProcessMap {
  if (isObject(body)) {
    const keys = Object.keys(body);
    if (keys.length === 0) return emptyMap('');
    if (keys.length === 1 && keys[0] === 'title') {
      if (typeof body.title !== 'string') {
        throw new MapError('invalid-title', 'title must be text');
      }
      const long = labelLengthProblem(body.title, 'title');
      if (long) throw new MapError('invalid-title', `the title ${long.message}`);
      return emptyMap(body.title);
    }
  }
  return validFile(body);
}

function validFile(body: unknown): ProcessMap {
  checkNesting(body);
  const result = validateMap(body);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    throw new MapError('invalid-map', `the map file has ${errors.length} problem(s)`, errors);
  }
  return result.map;
}

/** The whole document state of a map file, as one Yjs update. */
function encodeFile(file: ProcessMap): Uint8Array {
  const doc = new MapDoc(new Y.Doc(), { actor: 'server' });
  doc.importFile(file, doc.origins.server);
  const update = Y.encodeStateAsUpdate(doc.ydoc);
  doc.destroy();
  doc.ydoc.destroy();
  return update;
}

/**
 * The replacement of a document's content by a file, as one Yjs update, made on a scratch copy
 * of `current` so nothing changes until the caller has stored it. Undefined when the file is
 * already the content.
 */
function replacementUpdate(current: Y.Doc, file: ProcessMap): Uint8Array | undefined {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
  const updates: Uint8Array[] = [];
  scratch.on('update', (update: Uint8Array) => updates.push(update));
  const doc = new MapDoc(scratch, { actor: 'server' });
  doc.importFile(file, doc.origins.server);
  doc.destroy();
  scratch.destroy();
  if (updates.length <= 1) return updates[0];
  return Y.mergeUpdates(updates);
}

/** What a token may do on a map, and the map's title. */
export interface MapAccess {
  readonly access: Access;
  readonly title: string;
}

/**
 * Maps as the REST API sees them: create with tokens, check a token, read and replace the
 * current content (through the live room, so connected editors see a replacement at once),
 * delete, list.
 */
/** How many map records are kept for authorizing while the store is away. */
const KNOWN_RECORDS = 10_000;

export class MapService {
  /** Records last read, most recent last, for authorizing while the store is away. */
  private readonly known = new Map<string, MapRecord>();

  constructor(
    private readonly storage: StorageAdapter,
    private readonly rooms: RoomRegistry,
  ) {}

  /** Creates a map from a file or an empty one; returns its id and both tokens. */
  async create(body: unknown): Promise<CreatedMap> {
    const file = fileFromBody(body);
    const id = randomBytes(12).toString('base64url');
    const editToken = newToken();
    const viewToken = viewTokenFor(editToken);
    const now = new Date().toISOString();
    await this.storage.createMap(
      {
        id,
        title: file.title,
        editTokenHash: hashToken(editToken),
        viewTokenHash: hashToken(viewToken),
        createdAt: now,
        updatedAt: now,
      },
      encodeFile(file),
    );
    return { id, title: file.title, editToken, viewToken };
  }

  /** What `token` opens on map `id`; throws 404 for an unknown map, 401/403 for bad tokens. */
  async authorize(id: string, token: string | undefined, need: Access): Promise<Access> {
    const record = await this.record(id);
    if (!record) throw new MapError('not-found', `no map with id "${id}"`);
    if (token === undefined || token === '') {
      throw new MapError('token-required', 'a token is required (?token=…)');
    }
    const access = accessFor(token, record);
    if (!access) throw new MapError('token-invalid', 'this token does not open this map');
    if (need === 'edit' && access !== 'edit') {
      throw new MapError('view-only', 'this token can only view the map');
    }
    return access;
  }

  /**
   * A map's record from storage. While the store cannot be reached (a database away), the record
   * last read is used, so people can still reconnect to a map this instance serves; a map not
   * seen before is "unavailable" (503), never an internal error.
   */
  private async record(id: string): Promise<MapRecord | undefined> {
    let record: MapRecord | undefined;
    try {
      record = await this.storage.getMap(id);
    } catch (error) {
      const known = this.known.get(id);
      if (known) return known;
      throw new MapError(
        'unavailable',
        `the map store cannot be reached (${String(error)}): try again shortly`,
      );
    }
    this.known.delete(id);
    if (record) {
      this.known.set(id, record);
      if (this.known.size > KNOWN_RECORDS) {
        const oldest = this.known.keys().next().value;
        if (oldest !== undefined) this.known.delete(oldest);
      }
    }
    return record;
  }

  /** What `token` opens on map `id`, and the map's title (for the browser's list of maps). */
  async access(id: string, token: string | undefined): Promise<MapAccess> {
    const access = await this.authorize(id, token, 'view');
    const record = await this.storage.getMap(id);
    if (!record) throw new MapError('not-found', `no map with id "${id}"`);
    return { access, title: record.title };
  }

  /**
   * The view token of a map, for whoever holds its edit token. Maps made before view tokens
   * were derived from edit tokens have a random one, which nobody but its creator can recover.
   */
  async viewToken(id: string, editToken: string | undefined): Promise<string> {
    await this.authorize(id, editToken, 'edit');
    const viewToken = viewTokenFor(editToken as string);
    const record = await this.storage.getMap(id);
    if (!record || accessFor(viewToken, record) !== 'view') {
      throw new MapError(
        'view-link-unavailable',
        "this map's view-only link is only known to the browser that created it",
      );
    }
    return viewToken;
  }

  /** The current content of a map as a version-1 file. */
  read(id: string): Promise<ProcessMap> {
    return this.rooms.use(id, (room) => {
      // A read never writes: scenarios an older replica kept in meta stay there (ADR 9).
      const doc = new MapDoc(room.doc, { actor: 'server', migrate: false });
      const file = doc.exportFile();
      doc.destroy();
      return file;
    });
  }

  /**
   * Replaces a map's content in one transaction; connected editors see it live. The change is
   * stored before it is applied: a write that fails (a full disk) changes nothing, live or
   * stored, and its error reaches the caller.
   */
  async replace(id: string, body: unknown): Promise<ProcessMap> {
    const file = validFile(body);
    return this.rooms.use(id, async (room) => {
      const update = replacementUpdate(room.doc, file);
      if (update) {
        const seq = await this.storage.appendUpdates(id, [update]);
        // Nothing may run between the write and this: the room learns its log grew at once.
        room.applyStored(update, seq);
      }
      return file;
    });
  }

  /** Deletes a map: its connections are closed, its data removed. */
  async delete(id: string): Promise<void> {
    this.rooms.drop(id);
    const existed = await this.storage.deleteMap(id);
    if (!existed) throw new MapError('not-found', `no map with id "${id}"`);
  }

  /** Every map, most recently updated first. */
  list(): Promise<MapSummary[]> {
    return this.storage.listMaps();
  }
}
