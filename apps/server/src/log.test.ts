import { describe, expect, it } from 'vitest';
import { createLogger, type LogFormat } from './log';

function capture(level: string, format?: LogFormat, context?: Record<string, string>) {
  const lines: string[] = [];
  const log = createLogger(level, (line) => lines.push(line), format, context);
  return { log, lines };
}

describe('createLogger, text', () => {
  it('writes `level event key=value` lines, quoting what is not a plain word', () => {
    const { log, lines } = capture('debug', 'text');
    log.info('started', { url: 'http://127.0.0.1:8080', admin: 'open', n: 3, ok: true });
    log.warn('odd', { title: 'two words', empty: '', skipped: undefined });
    log.error('bare');
    expect(lines).toEqual([
      'info started url=http://127.0.0.1:8080 admin=open n=3 ok=true\n',
      'warn odd title="two words" empty=""\n',
      'error bare\n',
    ]);
  });

  it('drops events below its level', () => {
    const { log, lines } = capture('warn', 'text');
    log.debug('a');
    log.info('b');
    log.warn('c');
    expect(lines).toEqual(['warn c\n']);
    const silent = capture('silent');
    silent.log.error('d');
    expect(silent.lines).toEqual([]);
  });

  it('keeps a field with newlines on one line', () => {
    const { log, lines } = capture('info', 'text');
    log.error('request-failed', { error: 'Error: boom\n    at x (y.ts:1)\r\nnext' });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.split('\n')).toEqual([
      'error request-failed error="Error: boom\\n    at x (y.ts:1)\\r\\nnext"',
      '',
    ]);
  });

  it('adds the context after the fields, and a field wins over it', () => {
    const { log, lines } = capture('info', 'text', { instance: 'web-2' });
    log.info('a', { n: 1 });
    log.info('b', { instance: 'other' });
    expect(lines).toEqual(['info a n=1 instance=web-2\n', 'info b instance=other\n']);
  });
});

describe('createLogger, format from PROCMAP_LOG_FORMAT by default', () => {
  it.each([
    [undefined, 'info e\n'],
    ['text', 'info e\n'],
    ['json', '{"time":'],
  ])('PROCMAP_LOG_FORMAT=%s', (value, start) => {
    const saved = process.env.PROCMAP_LOG_FORMAT;
    if (value === undefined) delete process.env.PROCMAP_LOG_FORMAT;
    else process.env.PROCMAP_LOG_FORMAT = value;
    try {
      const { log, lines } = capture('info');
      log.info('e');
      expect(lines[0]?.startsWith(start)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.PROCMAP_LOG_FORMAT;
      else process.env.PROCMAP_LOG_FORMAT = saved;
    }
  });
});

describe('createLogger, json', () => {
  const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

  it('writes one object a line: time, level, event, then the fields', () => {
    const { log, lines } = capture('info', 'json', { instance: 'web-2' });
    const before = Date.now();
    log.info('backup', { file: 'a b.sqlite', ms: 12, ok: true, none: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    const record = parse(lines[0] as string);
    expect(Object.keys(record)).toEqual(['time', 'level', 'event', 'file', 'ms', 'ok', 'instance']);
    expect(record).toMatchObject({
      level: 'info',
      event: 'backup',
      file: 'a b.sqlite',
      ms: 12,
      ok: true,
      instance: 'web-2',
    });
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(record.time as string)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('keeps a field with newlines (or line separators) on one line, and its text intact', () => {
    const { log, lines } = capture('info', 'json');
    const error = 'Error: boom\n  at x\r\n  at y\u2028z\u2029';
    log.error('request-failed', { error });
    expect(lines).toHaveLength(1);
    const line = lines[0] as string;
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(line).not.toMatch(/[\r\u2028\u2029]/);
    expect(parse(line).error).toBe(error);
  });

  it('never lets a field replace the time, level or event', () => {
    const { log, lines } = capture('info', 'json');
    log.warn('odd', { level: 'debug', event: 'fake', time: 'then' });
    const record = parse(lines[0] as string);
    expect(record).toMatchObject({
      level: 'warn',
      event: 'odd',
      'field.level': 'debug',
      'field.event': 'fake',
      'field.time': 'then',
    });
    expect(record.time).not.toBe('then');
  });

  it('drops events below its level', () => {
    const { log, lines } = capture('error', 'json');
    log.warn('w');
    log.error('e');
    expect(lines.map((line) => parse(line).event)).toEqual(['e']);
  });
});
