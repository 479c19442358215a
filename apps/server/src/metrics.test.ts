import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ServerMetrics } from './metrics';

/*
 * The exposition text read the way Prometheus reads it: `# HELP`/`# TYPE` lines, then samples
 * `name{label="value",…} number`. Every line must be one of these. Values parse as Go's
 * ParseFloat does (prom-client writes `Nan` for a lag not yet measured).
 */
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\})? ([+-]?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|inf|nan))$/i;
const COMMENT = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/;

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

function parse(text: string) {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = COMMENT.exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') types.set(comment[2] as string, comment[3] as string);
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a Prometheus exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) {
      labels[k as string] = v as string;
    }
    samples.push({ name: sample[1] as string, labels, value: Number(sample[3]) });
  }
  return { samples, types };
}

/** The one sample with this name whose labels include `labels`; fails when there is not one. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const found = parse(text).samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length !== 1)
    throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return (found[0] as Sample).value;
}

const fixed = (rooms = 0, connections = 0) => ({
  rooms: () => rooms,
  connections: () => connections,
});

describe('ServerMetrics', () => {
  it('exposes text Prometheus parses, with each metric typed', async () => {
    const metrics = new ServerMetrics({ ...fixed(2, 5), busUp: () => true });
    metrics.update('client');
    metrics.persisted(0.003, 4);
    metrics.refused(4400);
    const text = await metrics.text();
    const { samples, types } = parse(text);
    expect(samples.length).toBeGreaterThan(20);
    expect(Object.fromEntries([...types].filter(([name]) => name.startsWith('procmap_')))).toEqual({
      procmap_rooms: 'gauge',
      procmap_connections: 'gauge',
      procmap_updates_total: 'counter',
      procmap_persist_seconds: 'histogram',
      procmap_persisted_updates_total: 'counter',
      procmap_refusals_total: 'counter',
      procmap_bus_up: 'gauge',
      procmap_bus_dropped_total: 'counter',
    });
    // The process's own metrics, collected into the same registry.
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reads rooms, connections and the bus when scraped', async () => {
    let rooms = 1;
    let connections = 3;
    let up = true;
    const metrics = new ServerMetrics({
      rooms: () => rooms,
      connections: () => connections,
      busUp: () => up,
    });
    let text = await metrics.text();
    expect([value(text, 'procmap_rooms'), value(text, 'procmap_connections')]).toEqual([1, 3]);
    expect(value(text, 'procmap_bus_up')).toBe(1);
    rooms = 4;
    connections = 0;
    up = false;
    text = await metrics.text();
    expect([value(text, 'procmap_rooms'), value(text, 'procmap_connections')]).toEqual([4, 0]);
    expect(value(text, 'procmap_bus_up')).toBe(0);
  });

  it('has no bus gauge without a bus', async () => {
    const text = await new ServerMetrics(fixed()).text();
    expect(parse(text).types.has('procmap_bus_up')).toBe(false);
    expect(value(text, 'procmap_bus_dropped_total')).toBe(0);
  });

  it('counts updates by source, every source present from the start', async () => {
    const metrics = new ServerMetrics(fixed());
    let text = await metrics.text();
    for (const source of ['client', 'bus', 'server']) {
      expect(value(text, 'procmap_updates_total', { source })).toBe(0);
    }
    metrics.update('client');
    metrics.update('client');
    metrics.update('bus', 5);
    metrics.update('server');
    text = await metrics.text();
    expect(value(text, 'procmap_updates_total', { source: 'client' })).toBe(2);
    expect(value(text, 'procmap_updates_total', { source: 'bus' })).toBe(5);
    expect(value(text, 'procmap_updates_total', { source: 'server' })).toBe(1);
  });

  it('puts durable writes in buckets from half a millisecond to five seconds', async () => {
    const metrics = new ServerMetrics(fixed());
    metrics.persisted(0.0004, 1);
    metrics.persisted(0.002, 3);
    metrics.persisted(0.7, 2);
    metrics.persisted(9, 1);
    metrics.persisted(Number.NaN, 0);
    metrics.persisted(-1, 0);
    const text = await metrics.text();
    const bucket = (le: string) => value(text, 'procmap_persist_seconds_bucket', { le });
    expect(bucket('0.0005')).toBe(1);
    expect(bucket('0.0025')).toBe(2);
    expect(bucket('0.5')).toBe(2);
    expect(bucket('1')).toBe(3);
    expect(bucket('5')).toBe(3);
    expect(bucket('+Inf')).toBe(4);
    expect(value(text, 'procmap_persist_seconds_count')).toBe(4);
    expect(value(text, 'procmap_persist_seconds_sum')).toBeCloseTo(9.7024, 6);
    expect(value(text, 'procmap_persisted_updates_total')).toBe(7);
    const les = parse(text)
      .samples.filter((s) => s.name === 'procmap_persist_seconds_bucket')
      .map((s) => s.labels.le);
    expect(les[0]).toBe('0.0005');
    expect(les.at(-2)).toBe('5');
  });

  it('counts refusals by close code, and dropped bus messages', async () => {
    const metrics = new ServerMetrics(fixed());
    metrics.refused(4400);
    metrics.refused(4413);
    metrics.refused(4400);
    metrics.busDropped();
    metrics.busDropped();
    const text = await metrics.text();
    expect(value(text, 'procmap_refusals_total', { code: '4400' })).toBe(2);
    expect(value(text, 'procmap_refusals_total', { code: '4413' })).toBe(1);
    expect(value(text, 'procmap_bus_dropped_total')).toBe(2);
  });

  it('labels every series with the instance name when given', async () => {
    const metrics = new ServerMetrics({ ...fixed(), instance: 'web-2' });
    metrics.refused(4508);
    const { samples } = parse(await metrics.text());
    expect(samples.every((s) => s.labels.instance_id === 'web-2')).toBe(true);
    expect(value(await metrics.text(), 'procmap_refusals_total', { code: '4508' })).toBe(1);
    const plain = parse(await new ServerMetrics(fixed()).text()).samples;
    expect(plain.some((s) => 'instance_id' in s.labels)).toBe(false);
  });

  it('keeps two servers’ counts apart, and out of the global registry', async () => {
    const a = new ServerMetrics(fixed(1));
    const b = new ServerMetrics(fixed(7));
    a.update('client', 3);
    a.refused(4400);
    b.update('client');
    b.busDropped();
    const [ta, tb] = await Promise.all([a.text(), b.text()]);
    expect(value(ta, 'procmap_updates_total', { source: 'client' })).toBe(3);
    expect(value(tb, 'procmap_updates_total', { source: 'client' })).toBe(1);
    expect(value(ta, 'procmap_refusals_total', { code: '4400' })).toBe(1);
    expect(parse(tb).samples.some((s) => s.name === 'procmap_refusals_total')).toBe(false);
    expect([
      value(ta, 'procmap_bus_dropped_total'),
      value(tb, 'procmap_bus_dropped_total'),
    ]).toEqual([0, 1]);
    expect([value(ta, 'procmap_rooms'), value(tb, 'procmap_rooms')]).toEqual([1, 7]);
    expect(await globalRegistry.metrics()).not.toContain('procmap_');
  });

  it('counts what the bus dropped, read from the bus at each scrape', async () => {
    let dropped = 3;
    const metrics = new ServerMetrics({
      ...fixed(),
      busUp: () => false,
      busDropped: () => dropped,
    });
    expect(value(await metrics.text(), 'procmap_bus_dropped_total')).toBe(3);
    dropped = 5;
    expect(value(await metrics.text(), 'procmap_bus_dropped_total')).toBe(5);
    expect(value(await metrics.text(), 'procmap_bus_dropped_total'), 'not counted twice').toBe(5);
  });
});
