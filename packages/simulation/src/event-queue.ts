/*
 * The simulation's future events: a binary min-heap on flat typed arrays (no object per event),
 * ordered by time, and by insertion among events at the same time, so that a run is the same
 * on every machine and ties go first come, first served.
 */

/** Events as (time, payload) pairs; the payload is a small integer the engine decodes. */
export class EventQueue {
  private times = new Float64Array(64);
  private order = new Float64Array(64);
  private payloads = new Int32Array(64);
  private count = 0;
  private pushed = 0;

  get size(): number {
    return this.count;
  }

  /** The time of the next event; Infinity when there is none. */
  peekTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number);
  }

  push(time: number, payload: number): void {
    if (Number.isNaN(time)) throw new RangeError('an event time must be a number, got NaN');
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const seq = this.pushed++;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(time, seq, this.times[parent] as number, this.order[parent] as number)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.order[i] = seq;
    this.payloads[i] = payload;
  }

  /** Removes the next event and returns its payload; -1 when the queue is empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const top = this.payloads[0] as number;
    const last = --this.count;
    if (last > 0) {
      const time = this.times[last] as number;
      const seq = this.order[last] as number;
      const payload = this.payloads[last] as number;
      let i = 0;
      // Sift down: move the earlier child up until the last event's place is found.
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        if (child + 1 < last && this.less(child + 1, child)) child++;
        if (!earlier(this.times[child] as number, this.order[child] as number, time, seq)) break;
        this.move(child, i);
        i = child;
      }
      this.times[i] = time;
      this.order[i] = seq;
      this.payloads[i] = payload;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return earlier(
      this.times[a] as number,
      this.order[a] as number,
      this.times[b] as number,
      this.order[b] as number,
    );
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.order[to] = this.order[from] as number;
    this.payloads[to] = this.payloads[from] as number;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    const order = new Float64Array(n);
    const payloads = new Int32Array(n);
    times.set(this.times);
    order.set(this.order);
    payloads.set(this.payloads);
    this.times = times;
    this.order = order;
    this.payloads = payloads;
  }
}

/** Event (ta, sa) comes before (tb, sb): earlier in time, or pushed first at the same time. */
function earlier(ta: number, sa: number, tb: number, sb: number): boolean {
  return ta < tb || (ta === tb && sa < sb);
}
