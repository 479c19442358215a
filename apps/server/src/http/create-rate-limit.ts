import { HttpError } from './respond';

/*
 * How often one client address may create maps without the admin token: a token bucket per
 * address, `perMinute` sustained with `burst` at once. Only creation is limited this way (a
 * workshop behind one NAT shares an address, and creates few maps); sync limits stay per
 * connection.
 */

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

/** Buckets kept before full ones (which hold nothing worth keeping) are swept out. */
const SWEEP_AT = 10_000;

export class CreateRateLimit {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one creation from `client`'s allowance, or throws 429 with the seconds to wait. */
  take(client: string): void {
    const now = this.now();
    const bucket = this.refill(this.buckets.get(client) ?? { tokens: this.burst, at: now }, now);
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
      throw new HttpError(
        'too-many-maps',
        `this address has created maps too quickly: try again in ${seconds} s (at most ${this.burst} at once, then ${Math.round(this.perMs * 60_000)} a minute)`,
        undefined,
        { 'retry-after': String(seconds) },
      );
    }
    bucket.tokens -= 1;
    this.buckets.set(client, bucket);
    if (this.buckets.size > SWEEP_AT) this.sweep(now);
  }

  private refill(bucket: Bucket, now: number): Bucket {
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.burst, bucket.tokens + elapsed * this.perMs), at: now };
  }

  private sweep(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.burst) this.buckets.delete(client);
    }
  }
}
