import { AS_IS_ID } from '@procmap/model';
import { cleanName, colourFor, safeColour } from './identity';

/*
 * What each participant publishes over Yjs awareness, and how we read a peer's state: every
 * field is checked, since any client on the link can send anything.
 */

/** A point on the canvas, in flow coordinates (the same for every zoom and screen). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What someone is looking at: the centre of their view, in flow coordinates, and their zoom. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Our awareness state, as the protocol carries it. */
export interface PresenceState {
  readonly user: { readonly name: string; readonly color: string };
  readonly cursor: Point | null;
  readonly selection: readonly string[];
  readonly view?: View | null;
  /** Set while this participant asks everyone to follow them; the time they asked. */
  readonly presenting?: number | null;
  readonly viewOnly?: boolean;
  /** The process this participant is shown: "as-is" or a scenario's id. */
  readonly process?: string;
}

/** A peer as the editor shows it. */
export interface Peer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly cursor: Point | null;
  readonly selection: readonly string[];
  readonly view: View | null;
  readonly presenting: number | null;
  readonly viewOnly: boolean;
  /** The process they are shown: "as-is" or a scenario's id. */
  readonly process: string;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const LIMIT = 1e7; // coordinates beyond this are nonsense, not a place on a map

function point(v: unknown): Point | null {
  if (typeof v !== 'object' || v === null) return null;
  const { x, y } = v as Record<string, unknown>;
  return finite(x) && finite(y) && Math.abs(x) < LIMIT && Math.abs(y) < LIMIT ? { x, y } : null;
}

function view(v: unknown): View | null {
  const p = point(v);
  const zoom = (v as Record<string, unknown> | null)?.zoom;
  return p && finite(zoom) && zoom > 0.01 && zoom < 10 ? { ...p, zoom } : null;
}

/** The longest process id read from a peer; a longer one names no process of ours. */
export const MAX_PROCESS_ID = 200;

/**
 * The process a peer is on. A client from before scenarios sends none and shows only the as-is;
 * a value that is not a usable id (not text, empty, too long) is read the same way.
 */
function processOf(v: unknown): string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_PROCESS_ID ? v : AS_IS_ID;
}

/** The peers shown the same process as this tab: only their cursors and selections are drawn. */
export function peersOn(peers: readonly Peer[], process: string): readonly Peer[] {
  return peers.every((p) => p.process === process)
    ? peers
    : peers.filter((p) => p.process === process);
}

/** Reads a peer's awareness state; `null` when it carries no user (not a participant). */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  const user = s.user as Record<string, unknown> | undefined;
  if (typeof user !== 'object' || user === null) return null;
  const name = typeof user.name === 'string' ? cleanName(user.name) : '';
  const selection = Array.isArray(s.selection)
    ? s.selection.filter((id): id is string => typeof id === 'string').slice(0, 500)
    : [];
  return {
    clientId,
    name: name || 'Someone',
    color: safeColour(user.color) ?? colourFor(clientId),
    cursor: point(s.cursor),
    selection,
    view: view(s.view),
    presenting: finite(s.presenting) ? s.presenting : null,
    viewOnly: s.viewOnly === true,
    process: processOf(s.process),
  };
}
