import type { CloseCode } from '@procmap/protocol';
import type { Access } from '../auth/tokens';

/** One client connection as a room sees it. */
export interface RoomConnection {
  readonly id: number;
  readonly access: Access;
  /** Asked for durable acknowledgements (message type 100). */
  wantsSaved: boolean;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
  /** Already refused and closing (what it sent still in flight is ignored). */
  readonly closing?: boolean;
}
