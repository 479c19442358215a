import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/*
 * The floor for convergence latency: a plain websocket relay that forwards every message, as
 * is, to the other sockets on the same path. No Yjs, no parsing, no storage. Run as its own
 * process (`node --import tsx bench/relay.ts`, PORT and HOST from the environment); it prints
 * `relay listening on ws://host:port` once it accepts connections.
 */

const rooms = new Map<string, Set<WebSocket>>();
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('relay');
});
const wss = new WebSocketServer({ server: http });

wss.on('connection', (ws, req) => {
  const path = (req.url ?? '/').split('?')[0] as string;
  let room = rooms.get(path);
  if (!room) {
    room = new Set();
    rooms.set(path, room);
  }
  const peers = room;
  peers.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const peer of peers) {
      if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
    }
  });
  ws.on('close', () => {
    peers.delete(ws);
    if (peers.size === 0) rooms.delete(path);
  });
  ws.on('error', () => ws.terminate());
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = http.address() as AddressInfo;
  process.stdout.write(`relay listening on ws://${address}:${port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
