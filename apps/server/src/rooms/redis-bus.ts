import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { BusMessage, BusStatus, ReceivedBusMessage, RoomBus } from './bus';
import { decodeBusMessage, encodeBusMessage } from './bus-codec';

/*
 * The bus over Redis pub/sub: one channel per map (`prefix:map:id`), binary messages (see
 * bus-codec.ts). Two connections, because a subscribed connection is for listening: one
 * publishes, one subscribes. Redis pub/sub keeps nothing for a subscriber that is away, which
 * suits a relay: while Redis is lost each instance serves its own connections, and when it is
 * back the rooms resync from storage (they learn of both from the status).
 */

export interface RedisBusOptions {
  readonly log: Logger;
  /** Starts every channel name, so several deployments can share one Redis (default 'procmap'). */
  readonly keyPrefix?: string;
  /** This instance's id on the bus (default: host, process id and a random part). */
  readonly instanceId?: string;
  /** How long `connect` waits for Redis at start before giving up (default 5 s). */
  readonly startTimeoutMs?: number;
}

type Handler = (message: ReceivedBusMessage) => void;

interface Channel {
  readonly handlers: Set<Handler>;
  /** Settles once Redis has answered the SUBSCRIBE: with its refusal, if it refused. */
  readonly active: Promise<Error | undefined>;
}

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;
const CONNECT_TIMEOUT_MS = 2000;
const PING_TIMEOUT_MS = 1000;
const START_TIMEOUT_MS = 5000;

export class RedisBus implements RoomBus {
  readonly instanceId: string;
  private readonly log: Logger;
  private readonly prefix: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** Handlers per channel; a channel is subscribed in Redis while it has any. */
  private readonly channels = new Map<string, Channel>();
  private readonly listeners = new Set<(status: BusStatus) => void>();
  private current: BusStatus = 'down';
  /** Whether the subscriber has subscribed every channel since it last connected. */
  private resubscribed = false;
  /** Counts the subscriber's connects, so a resubscribe outlived by its connection is ignored. */
  private generation = 0;
  private droppedCount = 0;
  private lastError = '';
  private closed = false;

  /**
   * Connects and resolves once messages flow both ways; rejects if Redis cannot be reached
   * within the start timeout (the caller decides whether to start without it).
   */
  static async connect(url: string, options: RedisBusOptions): Promise<RedisBus> {
    const bus = new RedisBus(url, options);
    const timeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
    if (!(await bus.untilUp(timeoutMs))) {
      const reason = bus.lastError || 'not ready';
      await bus.close();
      throw new Error(`redis unreachable at ${redacted(url)} within ${timeoutMs} ms: ${reason}`);
    }
    return bus;
  }

  private constructor(url: string, options: RedisBusOptions) {
    this.log = options.log;
    this.prefix = options.keyPrefix ?? 'procmap';
    this.instanceId =
      options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.pub = this.client(url, 'pub');
    this.sub = this.client(url, 'sub');
    this.pub.on('ready', () => this.update());
    this.pub.on('close', () => this.update());
    this.sub.on('ready', () => void this.resubscribe());
    this.sub.on('close', () => {
      this.generation++;
      this.resubscribed = false;
      this.update();
    });
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.receive(channel, data));
  }

  get status(): BusStatus {
    return this.current;
  }

  /** Messages not sent because the publisher was not connected, or lost while sending. */
  get dropped(): number {
    return this.droppedCount;
  }

  publish(mapId: string, message: BusMessage): void {
    // Sent whenever the publisher is connected, even if our subscriber is not: the others
    // still hear it. Otherwise dropped, never queued (the rooms resync when the bus is back).
    if (this.closed || this.pub.status !== 'ready') {
      this.droppedCount++;
      return;
    }
    const data = encodeBusMessage(this.instanceId, message);
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.pub.publish(this.channel(mapId), bytes).catch(() => {
      this.droppedCount++;
    });
  }

  async subscribe(mapId: string, handler: Handler): Promise<() => void> {
    const name = this.channel(mapId);
    let channel = this.channels.get(name);
    if (!channel) {
      // While the subscriber is away there is nothing to send: it subscribes every channel
      // when it is back, and the status stays 'down' until it has. Lost while subscribing is
      // the same; only a connected Redis refusing is an error.
      const active =
        this.sub.status === 'ready'
          ? this.sub.subscribe(name).then(
              () => undefined,
              (error: Error) => (this.sub.status === 'ready' ? error : undefined),
            )
          : Promise.resolve(undefined);
      channel = { handlers: new Set(), active };
      this.channels.set(name, channel);
    }
    // A wrapper of its own, so the same function subscribed twice unsubscribes once per call
    const own: Handler = (message) => handler(message);
    const { handlers } = channel;
    handlers.add(own);
    const unsubscribe = () => {
      if (!handlers.delete(own) || handlers.size > 0) return;
      if (this.channels.get(name)?.handlers !== handlers) return;
      this.channels.delete(name);
      if (this.sub.status === 'ready') this.sub.unsubscribe(name).catch(() => {});
    };
    const refused = await channel.active;
    if (refused) {
      unsubscribe();
      throw new Error(`redis refused to subscribe ${name}: ${refused.message}`);
    }
    return unsubscribe;
  }

  onStatus(listener: (status: BusStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    const answers = (client: Redis) =>
      client.ping().then(
        () => true,
        () => false,
      );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const both = Promise.all([answers(this.pub), answers(this.sub)]).then(([p, s]) => p && s);
    try {
      return await Promise.race([both, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.current = 'down';
    this.channels.clear();
    await Promise.all([quit(this.pub), quit(this.sub)]);
  }

  private channel(mapId: string): string {
    return `${this.prefix}:map:${mapId}`;
  }

  private client(url: string, role: 'pub' | 'sub'): Redis {
    const client = new Redis(url, {
      // Named so CLIENT LIST tells which instance holds which connection
      connectionName: `procmap-${role}-${this.instanceId}`.replace(/[^\w.:-]/g, '_'),
      // Forever, soon at first: the bus should be back within moments of Redis.
      retryStrategy: (times) => Math.min(RETRY_FIRST_MS * 2 ** (times - 1), RETRY_MAX_MS),
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Nothing waits for a lost connection: a command fails at once while disconnected, and
      // those in flight fail when it drops (a publish is best effort, and the subscriber
      // subscribes again on reconnect).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      // We resubscribe ourselves, to know when it is done (the status waits for it).
      autoResubscribe: false,
    });
    // ioredis emits 'error' on every failed attempt; unheard, it would end the process. The
    // status carries the news (once), the details go to the debug log.
    client.on('error', (error: Error) => {
      this.lastError = error.message;
      this.log.debug('redis-error', { role, error: error.message });
    });
    return client;
  }

  private async resubscribe(): Promise<void> {
    const generation = this.generation;
    const names = [...this.channels.keys()];
    try {
      if (names.length > 0) await this.sub.subscribe(...names);
    } catch (error) {
      if (generation !== this.generation || this.closed) return; // lost meanwhile: next 'ready'
      // Connected yet refused: reconnect and try again rather than stay half subscribed
      this.log.error('redis-resubscribe-failed', { error: (error as Error).message });
      this.sub.disconnect(true);
      return;
    }
    if (generation !== this.generation) return;
    this.resubscribed = true;
    this.update();
  }

  private receive(channel: Buffer, data: Buffer): void {
    const handlers = this.channels.get(channel.toString())?.handlers;
    if (!handlers) return; // unsubscribed meanwhile
    const message = decodeBusMessage(data);
    if (!message) {
      // From a newer server version, or not ours: its room resyncs what it cannot read here
      this.log.debug('bus-message-ignored', { channel: channel.toString(), bytes: data.length });
      return;
    }
    if (message.from === this.instanceId) return; // our own publish, back from Redis
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch (error) {
        // A throw here would unwind into ioredis's reply parser
        this.log.error('bus-handler-failed', { channel: channel.toString(), error: String(error) });
      }
    }
  }

  /** Recomputes the status from both connections; tells the log and listeners of a change. */
  private update(): void {
    if (this.closed) return;
    const up = this.pub.status === 'ready' && this.sub.status === 'ready' && this.resubscribed;
    const next: BusStatus = up ? 'up' : 'down';
    if (next === this.current) return;
    this.current = next;
    if (next === 'down') {
      this.log.warn('redis-lost', { effect: "serving this instance's connections only" });
    } else {
      this.log.info('redis-up', { instance: this.instanceId, maps: this.channels.size });
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch (error) {
        this.log.error('bus-status-listener-failed', { error: String(error) });
      }
    }
  }

  /** Resolves true once the status is 'up', false after `timeoutMs`. */
  private untilUp(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (up: boolean) => {
        clearTimeout(timer);
        stop();
        resolve(up);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const stop = this.onStatus((status) => status === 'up' && done(true));
    });
  }
}

/** Closes a connection politely if it is up, else at once; resolves once it has ended. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
  await ended;
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}
