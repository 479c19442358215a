/*
 * BPMN ids are XML ids (NCNames) and share one space across the whole file, while procmap's
 * ids are any non-empty text, unique only among their own kind (a step and a flow may both be
 * "a1"). Each id is mapped once, in a fixed order, so the same map always gives the same file:
 * an id that is already a safe NCName and still free is kept as it is; any other is made one
 * (characters outside the safe set become "_", a prefix when it does not start with a letter or
 * "_") and, when taken, numbered ("_2", "_3"…). The procmap id of a step, flow or role whose
 * BPMN id differs is written beside it (procmap:id) so an import can restore it.
 */

/** A name start and name characters, ASCII only: every XML 1.0 parser accepts these. */
const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Longest id written; longer ones are cut (and numbered if that makes them collide). */
const MAX_ID = 120;

/** Hands out unique, valid BPMN ids. */
export class IdSpace {
  private readonly used = new Set<string>();

  /**
   * A free id for `wanted`: itself when it is a safe NCName and free, otherwise a cleaned form
   * with `prefix` in front when it does not start with a letter or "_", numbered if taken.
   */
  take(wanted: string, prefix: string): string {
    let base = wanted;
    if (!SAFE_ID.test(base) || base.length > MAX_ID) {
      base = wanted.replace(/[^A-Za-z0-9_.-]/g, '_');
      if (!/^[A-Za-z_]/.test(base)) base = `${prefix}_${base}`;
      base = base.slice(0, MAX_ID);
    }
    let id = base;
    for (let n = 2; this.used.has(id); n++) {
      const suffix = `_${n}`;
      id = `${base.slice(0, MAX_ID - suffix.length)}${suffix}`;
    }
    this.used.add(id);
    return id;
  }

  /** Whether an id is already handed out. */
  has(id: string): boolean {
    return this.used.has(id);
  }
}

/** Whether a text is a valid BPMN id as this export writes them. */
export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && id.length <= MAX_ID;
}
