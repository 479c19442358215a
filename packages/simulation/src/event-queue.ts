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
    const times = this.times;
    const order = this.order;
    const payloads = this.payloads;
    let i = this.count++;
    const seq = this.pushed++;
    // Sift up: move parents down until the new event's place is found. The comparisons are
    // written out rather than called: this loop runs for every event of a run.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (order[parent] as number) < seq)) break;
      times[i] = pt;
      order[i] = order[parent] as number;
      payloads[i] = payloads[parent] as number;
      i = parent;
    }
    times[i] = time;
    order[i] = seq;
    payloads[i] = payload;
  }

  /** Removes the next event and returns its payload; -1 when the queue is empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const times = this.times;
    const order = this.order;
    const payloads = this.payloads;
    const top = payloads[0] as number;
    const last = --this.count;
    if (last > 0) {
      const time = times[last] as number;
      const seq = order[last] as number;
      const payload = payloads[last] as number;
      let i = 0;
      // Sift down: move the earlier child up until the last event's place is found.
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        let ct = times[child] as number;
        let cs = order[child] as number;
        const right = child + 1;
        if (right < last) {
          const rt = times[right] as number;
          const rs = order[right] as number;
          if (rt < ct || (rt === ct && rs < cs)) {
            child = right;
            ct = rt;
            cs = rs;
          }
        }
        if (ct > time || (ct === time && cs > seq)) break;
        times[i] = ct;
        order[i] = cs;
        payloads[i] = payloads[child] as number;
        i = child;
      }
      times[i] = time;
      order[i] = seq;
      payloads[i] = payload;
    }
    return top;
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
