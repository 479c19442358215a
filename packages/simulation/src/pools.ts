/*
 * Growable storage on typed arrays for the simulation's pools: a first-in-first-out queue of
 * tokens (a role's waiting line) and doubling a column when a pool outgrows it. No object per
 * token or case: a run's memory is a few numbers per case in progress.
 */

/** A growable first-in-first-out queue of tokens. */
export class TokenFifo {
  private items = new Int32Array(16);
  private head = 0;
  length = 0;

  push(token: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      for (let k = 0; k < this.length; k++)
        bigger[k] = this.items[(this.head + k) % this.items.length] as number;
      this.items = bigger;
      this.head = 0;
    }
    this.items[(this.head + this.length) % this.items.length] = token;
    this.length++;
  }

  shift(): number {
    const token = this.items[this.head] as number;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return token;
  }
}

type Typed = Int32Array | Float64Array | Uint8Array;

/** A typed array twice as long, with the same start. */
export function grown<T extends Typed>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a as never);
  return bigger;
}
