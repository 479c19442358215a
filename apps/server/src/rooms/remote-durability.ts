/*
 * "Saved" across instances. Each instance stores what its own connections send and says so on
 * the bus ('stored' through its update number n). A room here also holds what other instances
 * applied, and the state vector it would call saved after a commit covers that too. So a commit
 * here is announced only once every update from elsewhere that arrived before it is stored:
 * its instance said so, or — when it has not within ADOPT_AFTER_MS (it died, or the bus is
 * down) — this instance stored it itself (a second copy in the log costs nothing: applying an
 * update twice is a no-op in Yjs). Without this, a client that moved to this instance after its
 * first one died could be told its edits are saved when only this instance's memory has them.
 *
 * With one instance nothing arrives from elsewhere, and every commit is announced at once.
 */

/** How long an update from elsewhere may wait for its instance's 'stored' before it is stored here. */
export const ADOPT_AFTER_MS = 3000;

interface Entry {
  readonly from: string;
  readonly n: number;
  readonly update: Uint8Array;
  readonly at: number;
  /** Its place among every entry ever received. */
  readonly index: number;
  /** Stored by its own instance. */
  stored: boolean;
  /** Pushed to this instance's persist queue as that push number. */
  adoptedAs: number | undefined;
}

export class RemoteDurability {
  private entries: Entry[] = [];
  private count = 0;
  /** This instance's pushes stored so far. */
  private storedPushes = 0;
  /**
   * Commits not yet announced, oldest first: each waits for the entries before its `mark`. Each
   * is announced as soon as it can be (never only the newest, which a steady stream of edits
   * from elsewhere could keep waiting for ever).
   */
  private candidates: { stateVector: Uint8Array; mark: number }[] = [];
  /** The state vector that may be announced as saved (undefined until the first commit). */
  durableStateVector: Uint8Array | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Stores an update here; returns its push number. */
    private readonly adopt: (update: Uint8Array) => number,
    /** `durableStateVector` moved on. */
    private readonly changed: () => void,
    private readonly adoptAfterMs = ADOPT_AFTER_MS,
    /**
     * The document now, and whether everything pushed here is stored: then, with nothing from
     * elsewhere waiting, the whole document is durable — what a connection that only receives
     * (it edits nothing, so no commit here covers it) is told.
     */
    private readonly now?: () => { stateVector: Uint8Array; allStored: boolean },
  ) {}

  /** Updates from elsewhere not yet known to be stored. */
  get waiting(): number {
    return this.entries.length;
  }

  received(from: string, n: number, update: Uint8Array): void {
    this.entries.push({
      from,
      n,
      update,
      at: Date.now(),
      index: this.count++,
      stored: false,
      adoptedAs: undefined,
    });
    this.timer ??= setInterval(this.sweep, Math.max(50, this.adoptAfterMs / 3));
    this.timer.unref?.();
  }

  /** Instance `from` has stored its updates up to `through`. */
  stored(from: string, through: number): void {
    for (const entry of this.entries)
      if (entry.from === from && entry.n <= through) entry.stored = true;
    this.settle();
  }

  /** This instance committed its pushes up to `through`; the document was at `stateVector`. */
  committed(through: number, stateVector: Uint8Array): void {
    this.storedPushes = Math.max(this.storedPushes, through);
    this.candidates.push({ stateVector, mark: this.count });
    // Far behind (the bus is slow): a later commit covers what an earlier one would announce.
    if (this.candidates.length > 64) this.candidates.splice(1, this.candidates.length - 32);
    this.settle();
  }

  private settle(): void {
    this.entries = this.entries.filter(
      (e) => !e.stored && (e.adoptedAs === undefined || e.adoptedAs > this.storedPushes),
    );
    if (this.entries.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const oldest = this.entries[0]?.index ?? Number.POSITIVE_INFINITY;
    let ready = -1;
    this.candidates.forEach((c, i) => {
      if (c.mark <= oldest) ready = i;
    });
    if (ready >= 0) {
      this.durableStateVector = this.candidates[ready]!.stateVector;
      this.candidates.splice(0, ready + 1);
    }
    const now = this.entries.length === 0 ? this.now?.() : undefined;
    if (now?.allStored && !sameBytes(now.stateVector, this.durableStateVector)) {
      this.durableStateVector = now.stateVector;
      this.candidates = [];
    } else if (ready < 0) return;
    this.changed();
  }

  /** Stores here what waited too long for its own instance. */
  private readonly sweep = () => {
    const now = Date.now();
    for (const entry of this.entries) {
      if (entry.stored || entry.adoptedAs !== undefined) continue;
      if (now - entry.at >= this.adoptAfterMs) entry.adoptedAs = this.adopt(entry.update);
    }
  };

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.entries = [];
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
