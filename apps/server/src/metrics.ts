import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/*
 * What GET /metrics exposes, in the Prometheus text format. Each server has its own registry,
 * never prom-client's global one: tests run several servers in one process, and each must count
 * only its own. Rooms and connections are read when scraped; the rest is counted as it happens.
 */

/** Where an applied document update came from: a socket, another instance, or the server itself. */
export type UpdateSource = 'client' | 'bus' | 'server';

const SOURCES: readonly UpdateSource[] = ['client', 'bus', 'server'];

export interface MetricsSources {
  /** Rooms loaded now. */
  readonly rooms: () => number;
  /** Sync sockets open now. */
  readonly connections: () => number;
  /** Whether the bus to other instances is up; leave out with no bus (one instance). */
  readonly busUp?: () => boolean;
  /** Messages the bus has dropped so far (it was down); read at each scrape. */
  readonly busDropped?: () => number;
  /**
   * This instance's name (PROCMAP_INSTANCE_ID), put on every series as `instance_id`: not
   * `instance`, which Prometheus sets itself to the scraped address.
   */
  readonly instance?: string;
}

/**
 * A commit flushed to disk takes from under a millisecond (SQLite on an SSD) to seconds (a
 * database across a network under load): 0.5 ms to 5 s, about ×2.5 a step.
 */
const PERSIST_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

export class ServerMetrics {
  private readonly registry = new Registry();
  private readonly updates: Counter<'source'>;
  private readonly persistSeconds: Histogram;
  private readonly persistedUpdates: Counter;
  private readonly refusals: Counter<'code'>;
  private readonly busDrops: Counter;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    if (sources.instance) this.registry.setDefaultLabels({ instance_id: sources.instance });
    // The event-loop lag is sampled every 100 ms, not prom-client's default 10 ms: a hundred
    // wake-ups a second were most of an idle server's CPU, and a stall still shows in full.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });
    new Gauge({
      name: 'procmap_rooms',
      help: 'Rooms (maps) loaded in memory.',
      registers,
      collect() {
        this.set(sources.rooms());
      },
    });
    new Gauge({
      name: 'procmap_connections',
      help: 'Sync sockets open.',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    this.updates = new Counter({
      name: 'procmap_updates_total',
      help: 'Document updates applied, by where they came from (client, bus, server).',
      labelNames: ['source'],
      registers,
    });
    // Every source from the start, at 0: rate() needs a series to exist before it moves.
    for (const source of SOURCES) this.updates.inc({ source }, 0);
    this.persistSeconds = new Histogram({
      name: 'procmap_persist_seconds',
      help: 'Time to store a batch of updates durably (committed and flushed).',
      buckets: PERSIST_BUCKETS,
      registers,
    });
    this.persistedUpdates = new Counter({
      name: 'procmap_persisted_updates_total',
      help: 'Document updates stored durably.',
      registers,
    });
    this.refusals = new Counter({
      name: 'procmap_refusals_total',
      help: 'Sync sockets closed by the server for a reason, by websocket close code.',
      labelNames: ['code'],
      registers,
    });
    if (sources.busUp) {
      const busUp = sources.busUp;
      new Gauge({
        name: 'procmap_bus_up',
        help: 'Whether the bus to the other instances is up (1) or down (0).',
        registers,
        collect() {
          this.set(busUp() ? 1 : 0);
        },
      });
    }
    let counted = 0;
    const busDropped = sources.busDropped;
    this.busDrops = new Counter({
      name: 'procmap_bus_dropped_total',
      help: 'Messages not sent to other instances because the bus was down.',
      registers,
      collect() {
        // The bus keeps its own count: take what it dropped since the last scrape.
        const now = busDropped?.() ?? counted;
        if (now > counted) this.inc(now - counted);
        counted = Math.max(counted, now);
      },
    });
  }

  /** One document update applied (`count` for several at once). */
  update(source: UpdateSource, count = 1): void {
    this.updates.inc({ source }, count);
  }

  /** One durable write took `seconds` and stored `updates` updates. */
  persisted(seconds: number, updates: number): void {
    // A clock stepping back must not make prom-client throw in the middle of a save.
    if (Number.isFinite(seconds) && seconds >= 0) this.persistSeconds.observe(seconds);
    if (Number.isFinite(updates) && updates > 0) this.persistedUpdates.inc(updates);
  }

  /** A sync socket closed with this close code (e.g. 4400), not by its client. */
  refused(code: number): void {
    this.refusals.inc({ code: String(code) });
  }

  /** A message the bus could not send. */
  busDropped(): void {
    this.busDrops.inc();
  }

  /** The exposition text, read now. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The Content-Type of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
