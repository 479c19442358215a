import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, DEFAULT_EXPORT_LIMITS, DEFAULT_LIMITS } from './config';

const cwd = '/srv/procmap';

describe('configFromEnv', () => {
  it('given no variables, uses the documented defaults', () => {
    const config = configFromEnv({}, cwd);
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve(cwd, 'data'),
      adminToken: undefined,
      publicUrl: undefined,
      allowedHosts: [],
      createsPerMinute: 30,
      createBurst: 30,
      exportLimits: DEFAULT_EXPORT_LIMITS,
      limits: DEFAULT_LIMITS,
      idleUnloadMs: 30_000,
      drainMs: 0,
      compactAfter: 500,
      commitGapMs: 1000,
      backupEveryMs: 300_000,
      maxDbBytes: undefined,
      // the editor built in this repository (apps/web/dist)
      webDir: join(import.meta.dirname, '..', '..', 'web', 'dist'),
      // one instance on the SQLite file, text logs, open metrics
      databaseUrl: undefined,
      redisUrl: undefined,
      instanceId: undefined,
      logFormat: 'text',
      metricsToken: undefined,
    });
    expect(DEFAULT_LIMITS.maxMessageBytes).toBe(16 * 1024 * 1024);
    // Generous enough for a 30-person workshop behind one NAT, several tabs each.
    expect(DEFAULT_LIMITS.maxConnectionsPerMap).toBeGreaterThanOrEqual(90);
  });

  it('treats empty variables as unset', () => {
    const config = configFromEnv(
      { PORT: '', HOST: '', PROCMAP_DATA: '', PROCMAP_ADMIN_TOKEN: '', PROCMAP_PUBLIC_URL: '' },
      cwd,
    );
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(resolve(cwd, 'data'));
    expect(config.adminToken).toBeUndefined();
    expect(config.publicUrl).toBeUndefined();
  });

  it('reads each variable', () => {
    const config = configFromEnv(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        PROCMAP_DATA: 'var/maps',
        PROCMAP_ADMIN_TOKEN: 'admin-secret',
        PROCMAP_PUBLIC_URL: 'https://maps.example.org//',
        PROCMAP_MAX_MESSAGE_BYTES: '2048',
        PROCMAP_MAX_CONNECTIONS_PER_MAP: '7',
        PROCMAP_MESSAGES_PER_SECOND: '11',
        PROCMAP_MESSAGE_BURST: '13',
        PROCMAP_MAX_MAP_BYTES: '4096',
        PROCMAP_MAX_PENDING_BYTES: '8192',
        PROCMAP_MAX_PRESENCE_BYTES: '512',
        PROCMAP_MAX_SEND_BUFFER_BYTES: '70000',
        PROCMAP_IDLE_UNLOAD_MS: '0',
        PROCMAP_DRAIN_MS: '4000',
        PROCMAP_COMPACT_AFTER: '3',
        PROCMAP_COMMIT_GAP_MS: '0',
        PROCMAP_BACKUP_EVERY_MS: '60000',
        PROCMAP_MAX_DB_BYTES: '1048576',
        PROCMAP_WEB_DIR: 'apps/web/dist',
        PROCMAP_ALLOWED_HOSTS: ' Maps.Example.org, 192.168.1.5:8080,[::1]:9000,',
        PROCMAP_CREATES_PER_MINUTE: '5',
        PROCMAP_CREATE_BURST: '6',
        PROCMAP_EXPORTS_PER_CLIENT: '1',
        PROCMAP_EXPORTS_PER_MAP: '2',
        PROCMAP_EXPORT_QUEUE: '9',
        PROCMAP_DATABASE_URL: 'postgresql://procmap:pw@db.internal:5432/procmap',
        PROCMAP_REDIS_URL: 'rediss://cache.internal:6380/0',
        PROCMAP_INSTANCE_ID: 'web-2.eu_west',
        PROCMAP_LOG_FORMAT: 'json',
        PROCMAP_METRICS_TOKEN: 'scrape-secret',
      },
      cwd,
    );
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: resolve(cwd, 'var/maps'),
      adminToken: 'admin-secret',
      publicUrl: 'https://maps.example.org',
      allowedHosts: ['maps.example.org', '192.168.1.5:8080', '[::1]:9000'],
      createsPerMinute: 5,
      createBurst: 6,
      exportLimits: { perClient: 1, perMap: 2, queue: 9 },
      limits: {
        maxMessageBytes: 2048,
        maxConnectionsPerMap: 7,
        messagesPerSecond: 11,
        messageBurst: 13,
        maxMapBytes: 4096,
        maxPendingBytes: 8192,
        maxPresenceBytes: 512,
        maxSendBufferBytes: 70_000,
      },
      idleUnloadMs: 0,
      drainMs: 4000,
      compactAfter: 3,
      commitGapMs: 0,
      backupEveryMs: 60_000,
      maxDbBytes: 1_048_576,
      webDir: resolve(cwd, 'apps/web/dist'),
      databaseUrl: 'postgresql://procmap:pw@db.internal:5432/procmap',
      redisUrl: 'rediss://cache.internal:6380/0',
      instanceId: 'web-2.eu_west',
      logFormat: 'json',
      metricsToken: 'scrape-secret',
    });
  });

  it('runs one instance on PostgreSQL without Redis, with either postgres scheme', () => {
    for (const url of ['postgres://db.internal/procmap', 'postgresql://u:p@10.0.0.5:6543/maps']) {
      const config = configFromEnv({ PROCMAP_DATABASE_URL: ` ${url} ` }, cwd);
      expect(config.databaseUrl).toBe(url);
      expect(config.redisUrl).toBeUndefined();
    }
    expect(
      configFromEnv(
        { PROCMAP_DATABASE_URL: 'postgres://db/procmap', PROCMAP_REDIS_URL: 'redis://cache:6379' },
        cwd,
      ).redisUrl,
    ).toBe('redis://cache:6379');
  });

  it('refuses Redis without a shared database, saying why', () => {
    expect(() => configFromEnv({ PROCMAP_REDIS_URL: 'redis://cache:6379' }, cwd)).toThrow(
      ConfigError,
    );
    expect(() => configFromEnv({ PROCMAP_REDIS_URL: 'redis://cache:6379' }, cwd)).toThrow(
      /PROCMAP_REDIS_URL.*without PROCMAP_DATABASE_URL.*shared database/,
    );
    expect(
      () =>
        configFromEnv({ PROCMAP_REDIS_URL: 'redis://cache:6379', PROCMAP_DATABASE_URL: '' }, cwd),
      'an empty database URL is unset',
    ).toThrow(/shared database/);
  });

  it.each([
    ['PROCMAP_DATABASE_URL', 'mysql://admin:hunter2-secret@db/procmap', /a mysql:\/\/ URL/],
    ['PROCMAP_DATABASE_URL', 'admin:hunter2-secret@db/procmap', /does not start with scheme/],
    ['PROCMAP_DATABASE_URL', 'postgres:admin:hunter2-secret@db', /does not start with scheme/],
    ['PROCMAP_DATABASE_URL', 'hunter2-secret', /does not parse/],
    ['PROCMAP_DATABASE_URL', 'redis://:hunter2-secret@cache', /postgres:\/\/ or postgresql:\/\//],
    ['PROCMAP_REDIS_URL', 'http://:hunter2-secret@cache:6379', /redis:\/\/ or rediss:\/\//],
    ['PROCMAP_REDIS_URL', 'postgres://u:hunter2-secret@db/x', /a postgres:\/\/ URL/],
  ])('given %s=%s, names the variable and never echoes the password', (name, value, why) => {
    // A valid database URL beside, so a bad Redis URL is refused for itself.
    const env = { PROCMAP_DATABASE_URL: 'postgres://db/procmap', [name]: value };
    let thrown: unknown;
    try {
      configFromEnv(env, cwd);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as Error).message;
    expect(message).toContain(name);
    expect(message).toMatch(why);
    expect(message).not.toContain('hunter2');
  });

  it('reads the log format, the instance name and the metrics token', () => {
    expect(configFromEnv({ PROCMAP_LOG_FORMAT: 'text' }, cwd).logFormat).toBe('text');
    expect(configFromEnv({ PROCMAP_LOG_FORMAT: '' }, cwd).logFormat).toBe('text');
    expect(configFromEnv({ PROCMAP_INSTANCE_ID: '' }, cwd).instanceId).toBeUndefined();
    expect(configFromEnv({ PROCMAP_INSTANCE_ID: 'a' }, cwd).instanceId).toBe('a');
    expect(configFromEnv({ PROCMAP_METRICS_TOKEN: '' }, cwd).metricsToken).toBeUndefined();
  });

  it('backs up every five minutes unless told otherwise (0: never), with no size limit', () => {
    expect(configFromEnv({}, cwd)).toMatchObject({ backupEveryMs: 300_000, maxDbBytes: undefined });
    expect(configFromEnv({ PROCMAP_BACKUP_EVERY_MS: '0' }, cwd).backupEveryMs).toBe(0);
    expect(configFromEnv({ PROCMAP_MAX_DB_BYTES: '' }, cwd).maxDbBytes).toBeUndefined();
    expect(configFromEnv({ PROCMAP_MAX_DB_BYTES: '65536' }, cwd).maxDbBytes).toBe(65_536);
  });

  it('keeps an absolute data folder and the in-memory store as given', () => {
    expect(configFromEnv({ PROCMAP_DATA: '/var/lib/procmap' }, cwd).dataDir).toBe(
      '/var/lib/procmap',
    );
    expect(configFromEnv({ PROCMAP_DATA: ':memory:' }, cwd).dataDir).toBe(':memory:');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '-1'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['PROCMAP_MAX_MESSAGE_BYTES', '10'],
    ['PROCMAP_MAX_CONNECTIONS_PER_MAP', '0'],
    ['PROCMAP_MESSAGES_PER_SECOND', 'fast'],
    ['PROCMAP_MESSAGE_BURST', '0'],
    ['PROCMAP_IDLE_UNLOAD_MS', '-5'],
    ['PROCMAP_COMPACT_AFTER', '0'],
    ['PROCMAP_COMMIT_GAP_MS', '-1'],
    ['PROCMAP_BACKUP_EVERY_MS', '-1'],
    ['PROCMAP_BACKUP_EVERY_MS', 'hourly'],
    ['PROCMAP_MAX_DB_BYTES', '1000'],
    ['PROCMAP_MAX_DB_BYTES', '5GB'],
    ['PROCMAP_CREATES_PER_MINUTE', '0'],
    ['PROCMAP_CREATE_BURST', 'lots'],
    ['PROCMAP_EXPORTS_PER_CLIENT', '0'],
    ['PROCMAP_EXPORTS_PER_MAP', '-1'],
    ['PROCMAP_EXPORT_QUEUE', '1.5'],
    ['PROCMAP_ALLOWED_HOSTS', 'https://maps.example.org'],
    ['PROCMAP_ALLOWED_HOSTS', 'evil@127.0.0.1'],
    ['PROCMAP_LOG_FORMAT', 'JSON'],
    ['PROCMAP_LOG_FORMAT', 'logfmt'],
    ['PROCMAP_INSTANCE_ID', 'web 2'],
    ['PROCMAP_INSTANCE_ID', '-web'],
    ['PROCMAP_INSTANCE_ID', 'web/2'],
    ['PROCMAP_INSTANCE_ID', 'x'.repeat(64)],
  ])('given %s=%s, throws a ConfigError naming the variable and the value', (name, value) => {
    let thrown: unknown;
    try {
      configFromEnv({ [name]: value }, cwd);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).name).toBe('ConfigError');
    expect((thrown as Error).message).toContain(name);
    expect((thrown as Error).message).toContain(`"${value}"`);
  });

  it('reads process.env by default', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4321';
    try {
      expect(configFromEnv().port).toBe(4321);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });
});
