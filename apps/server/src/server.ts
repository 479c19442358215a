import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config';
import { createRequestHandler } from './http/handler';
import type { Logger } from './log';
import { MapError, MapService } from './maps/map-service';
import { ServerMetrics } from './metrics';
import type { RoomBus } from './rooms/bus';
import { DEFAULT_PRESENCE } from './rooms/presence';
import { RoomRegistry } from './rooms/room-registry';
import type { StorageAdapter } from './storage/adapter';
import { serveConnection } from './sync/connection';
import { parseSyncUrl, refuseUpgrade } from './sync/upgrade';

export interface ProcmapServer {
  readonly http: Server;
  readonly rooms: RoomRegistry;
  readonly metrics: ServerMetrics;
  /** Starts listening; resolves to the URL to open. */
  listen(): Promise<string>;
  /** Graceful stop: refuse new work, close sockets (going away), save everything, close storage. */
  close(): Promise<void>;
}

/**
 * Composes the server: one HTTP server on one port carrying the REST API, the web app and the
 * sync socket. Authentication happens before the websocket upgrade.
 */
export function createProcmapServer(
  config: ServerConfig,
  storage: StorageAdapter,
  log: Logger,
  /** The other instances serving the same maps, when there are several (PROCMAP_REDIS_URL). */
  bus?: RoomBus,
): ProcmapServer {
  const metrics: ServerMetrics = new ServerMetrics({
    // Read at each scrape, once the registry below exists.
    rooms: () => rooms.size,
    connections: () => rooms.connections,
    ...(bus ? { busUp: () => bus.status === 'up', busDropped: () => bus.dropped } : {}),
    ...(config.instanceId ? { instance: config.instanceId } : {}),
  });
  const rooms: RoomRegistry = new RoomRegistry({
    storage,
    log,
    compactAfter: config.compactAfter,
    commitGapMs: config.commitGapMs,
    maxDocumentBytes: config.limits.maxMapBytes,
    maxPendingBytes: config.limits.maxMapBytes,
    maxPendingBytesTotal: config.limits.maxPendingBytes,
    presence: { ...DEFAULT_PRESENCE, maxStateBytes: config.limits.maxPresenceBytes },
    idleUnloadMs: config.idleUnloadMs,
    ...(bus ? { bus } : {}),
    observe: metrics,
  });
  const maps = new MapService(storage, rooms);
  const started = Date.now();
  const health = () => ({
    rooms: rooms.size,
    waitingBytes: rooms.pendingBytes,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
  });
  let closing = false;
  const http = createServer(
    createRequestHandler({
      config,
      maps,
      log,
      health,
      ops: { metrics, storage, ...(bus ? { bus } : {}), draining: () => closing },
    }),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes });
  // Node answers unparsable requests itself; give those answers our headers too.
  http.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      refuseUpgrade(socket, 'headers-too-large', 'the request headers are too large');
    } else refuseUpgrade(socket, 'bad-request', 'the request could not be parsed');
  });

  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const target = parseSyncUrl(req);
    if (closing) return refuseUpgrade(socket, 'shutting-down', 'the server is shutting down');
    if (!target) return refuseUpgrade(socket, 'not-found', 'sync sockets live at /sync/<map id>');
    maps
      .authorize(target.mapId, target.token, 'view')
      .then((access) => {
        const open = rooms.peek(target.mapId)?.size ?? 0;
        if (open >= config.limits.maxConnectionsPerMap) {
          log.warn('connection-limit', { map: target.mapId, open });
          return refuseUpgrade(socket, 'map-full', `this map already has ${open} connections`);
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          const room = rooms.open(target.mapId);
          const conn = serveConnection(ws, room, access, {
            limits: config.limits,
            log,
            onRefused: (code) => metrics.refused(code),
          });
          log.debug('connected', { map: target.mapId, conn: conn.id, access });
        });
      })
      .catch((error: unknown) => {
        if (error instanceof MapError) return refuseUpgrade(socket, error.code, error.message);
        log.error('upgrade-failed', { error: String(error) });
        refuseUpgrade(socket, 'internal', 'something went wrong on the server');
      });
  });

  return {
    http,
    rooms,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          const { port } = http.address() as AddressInfo;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          resolve(config.publicUrl ?? `http://${host}:${port}`);
        });
      }),
    close: async () => {
      closing = true;
      if (config.drainMs > 0) {
        // /readyz answers 503 "draining" meanwhile: the balancer sends new people elsewhere.
        log.info('draining', { ms: config.drainMs });
        await new Promise((resolve) => setTimeout(resolve, config.drainMs));
      }
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      await rooms.closeAll();
      for (const ws of wss.clients) ws.terminate();
      http.closeAllConnections();
      await stopped;
      await bus?.close();
      await storage.close();
    },
  };
}
