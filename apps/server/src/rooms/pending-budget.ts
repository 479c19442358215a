/*
 * One budget for the bytes of updates waiting, across every room of a server: each room holds at
 * most its own share (PROCMAP_MAX_MAP_BYTES), but ten rooms at their limit would hold ten times
 * that. A room asks before it holds more, and gives back what it drops.
 */
export class PendingBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  get bytes(): number {
    return this.used;
  }

  /** Takes `bytes` from the budget; false (and nothing taken) when they do not fit. */
  reserve(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}
