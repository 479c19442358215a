import { createPrng, outpatientReferral, type Prng } from '@procmap/test-kit';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE, syncStep1, syncStep2, syncUpdate } from '../protocol/messages';
import { mutate, randomMessage } from './mutate';

/*
 * The material of the protocol fuzz tests (sync/fuzz, partial-update and limits): the real
 * example map, and a seeded corpus of almost-valid and random messages made from it. The corpus
 * is a function of the seed and of the stored map as the server serves it.
 */

/** Replay a run with PROCMAP_PROTOCOL_FUZZ_SEED=<seed>. */
export const SEED = Number(process.env.PROCMAP_PROTOCOL_FUZZ_SEED || 20_260_611);

export const referral = outpatientReferral();

// ---------------------------------------------------------------------------------------------
// Almost-valid material: edits of the real map, state vectors, presence

const COLLECTIONS = ['roles', 'steps', 'flows', 'comments'] as const;
const TEXTS = ['Triage', 'Référence', '予約', 'Book 📅 slot', '', 'x'.repeat(40), '<b>hi</b>'];

const someText = (prng: Prng) =>
  prng.chance(0.5) ? prng.pick(TEXTS) : `t${prng.int(0, 1_000_000)}`;

const someValue = (prng: Prng): unknown => {
  switch (prng.int(0, 5)) {
    case 0:
      return prng.int(-1000, 1_000_000);
    case 1:
      return prng.next() * 100;
    case 2:
      return prng.chance(0.5);
    case 3:
      return { x: prng.int(0, 2000), y: prng.int(0, 2000) };
    case 4:
      return [someText(prng), prng.int(0, 9)];
    default:
      return someText(prng);
  }
};

/** One transaction of one to four realistic edits, as the editor would make them. */
function attackerEdit(doc: Y.Doc, prng: Prng, tag: string): void {
  doc.transact(() => {
    const edits = prng.int(1, 4);
    for (let k = 0; k < edits; k++) {
      const collection = doc.getMap<unknown>(prng.pick(COLLECTIONS));
      const ids = [...collection.keys()];
      const record = ids.length > 0 ? collection.get(prng.pick(ids)) : undefined;
      const op = prng.int(0, 9);
      if (op <= 1 || !(record instanceof Y.Map)) {
        const id = `fz-${tag}-${k}`;
        const fresh = new Y.Map<unknown>();
        collection.set(id, fresh);
        fresh.set('id', id);
        fresh.set('label', someText(prng));
        fresh.set('position', { x: prng.int(0, 2000), y: prng.int(0, 2000) });
      } else if (op === 2) {
        collection.delete(prng.pick(ids));
      } else if (op === 3) {
        doc.getMap('meta').set('title', someText(prng));
      } else if (op === 4) {
        const keys = [...record.keys()].filter((key) => key !== 'id');
        if (keys.length > 0) record.delete(prng.pick(keys));
      } else if (op === 5) {
        const list = record.get('replies');
        if (list instanceof Y.Array && list.length > 0 && prng.chance(0.3)) list.delete(0, 1);
        else if (list instanceof Y.Array) list.insert(prng.int(0, list.length), [someText(prng)]);
        else record.set('replies', Y.Array.from([someText(prng), someText(prng)]));
      } else {
        record.set(
          prng.pick(['label', 'name', 'note', 'processTime', 'position']),
          someValue(prng),
        );
      }
    }
  });
}

/** Makes almost-valid document updates: real edits of the real map by unseen client ids. */
export class UpdateFactory {
  private doc: Y.Doc | undefined;
  private made = 0;

  constructor(
    private readonly template: Uint8Array,
    private readonly prng: Prng,
    /** A fresh replica every `reuse` updates; in between, updates may depend on each other. */
    private readonly reuse = 8,
  ) {}

  next(): Uint8Array {
    if (!this.doc || this.made % this.reuse === 0) {
      this.doc?.destroy();
      this.doc = new Y.Doc();
      Y.applyUpdate(this.doc, this.template);
    }
    this.made++;
    // a new client id for every update, so any struct that sneaks in is recognisable
    this.doc.clientID = this.prng.int(1, 2 ** 31);
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    this.doc.on('update', capture);
    attackerEdit(this.doc, this.prng, String(this.made));
    this.doc.off('update', capture);
    if (!update) throw new Error('the edit changed nothing');
    return update;
  }

  stateVector(): Uint8Array {
    return this.doc ? Y.encodeStateVector(this.doc) : Uint8Array.of(0);
  }

  destroy(): void {
    this.doc?.destroy();
  }
}

/** A presence update as y-protocols encodes it. */
function presence(prng: Prng): Uint8Array {
  const e = encoding.createEncoder();
  const count = prng.chance(0.8) ? 1 : prng.int(0, 3);
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(e, prng.int(1, 2 ** 31));
    encoding.writeVarUint(e, prng.int(0, 500));
    const state = prng.chance(0.1)
      ? null
      : {
          user: { name: someText(prng), color: prng.pick(['#4f7cff', '#d64545', 'red']) },
          cursor: { x: prng.int(0, 2000), y: prng.int(0, 2000) },
        };
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

const wrapPresence = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

export interface FuzzMessage {
  readonly index: number;
  readonly kind: string;
  readonly steps: readonly string[];
  readonly bytes: Uint8Array;
  /** Sent as a text frame. */
  readonly text: boolean;
}

/**
 * The seeded corpus. Most mutations are made inside a well-framed message (mutate the update,
 * then wrap it), so they get past the framing and reach Y.applyUpdate; the rest mutate the whole
 * message or are random.
 */
export function buildCorpus(template: Uint8Array, seed: number, count: number): FuzzMessage[] {
  const prng = createPrng(seed);
  const factory = new UpdateFactory(template, prng.fork());
  const templateDoc = new Y.Doc();
  Y.applyUpdate(templateDoc, template);
  const templateSv = Y.encodeStateVector(templateDoc);
  templateDoc.destroy();
  const out: FuzzMessage[] = [];
  for (let index = 0; index < count; index++) {
    const roll = prng.next();
    let kind: string;
    let bytes: Uint8Array;
    let steps: readonly string[];
    let text = false;
    if (roll < 0.5) {
      const update = factory.next();
      const wrap = prng.chance(0.5) ? syncUpdate : syncStep2;
      if (prng.chance(0.8)) {
        const m = mutate(update, prng);
        [kind, bytes, steps] = ['update', wrap(m.bytes), m.steps];
      } else {
        const m = mutate(wrap(update), prng);
        [kind, bytes, steps] = ['update-framing', m.bytes, m.steps];
      }
    } else if (roll < 0.6) {
      const sv = prng.pick([templateSv, factory.stateVector(), Uint8Array.of(0)]);
      const inner = prng.chance(0.6);
      const m = inner ? mutate(sv, prng) : mutate(syncStep1(sv), prng);
      [kind, bytes, steps] = ['step1', inner ? syncStep1(m.bytes) : m.bytes, m.steps];
    } else if (roll < 0.75) {
      const update = presence(prng);
      const m = prng.chance(0.7) ? mutate(update, prng) : undefined;
      if (m) [kind, bytes, steps] = ['awareness', wrapPresence(m.bytes), m.steps];
      else {
        const whole = mutate(wrapPresence(update), prng);
        [kind, bytes, steps] = ['awareness-framing', whole.bytes, whole.steps];
      }
    } else if (roll < 0.8) {
      const base = prng.pick([
        Uint8Array.of(MESSAGE.queryAwareness),
        Uint8Array.of(MESSAGE.saved),
        Uint8Array.of(MESSAGE.auth, 0, 1, 0x61),
      ]);
      const m = mutate(base, prng);
      [kind, bytes, steps] = ['small', m.bytes, m.steps];
    } else if (roll < 0.98) {
      const m = randomMessage(prng);
      [kind, bytes, steps] = ['random', m.bytes, m.steps];
    } else {
      const m = randomMessage(prng);
      [kind, bytes, steps, text] = ['text-frame', m.bytes, m.steps, true];
    }
    out.push({ index, kind, steps, bytes, text });
  }
  factory.destroy();
  return out;
}

/**
 * An update that can only wait: an edit (inserting `text` into the array "list") placed after
 * an item of client `ghost`, which nobody ever sends.
 */
export function updateAfterGhost(ghost: number, text: string): Uint8Array {
  const absent = new Y.Doc();
  absent.clientID = ghost;
  absent.getArray('list').push(['ghost']);
  const orphan = new Y.Doc();
  Y.applyUpdate(orphan, Y.encodeStateAsUpdate(absent));
  orphan.getArray('list').push([text]);
  return Y.encodeStateAsUpdate(orphan, Y.encodeStateVector(absent));
}
