/*
 * The messages between WorkerStorage (main thread) and the storage thread: calls in, their
 * results and errors out (errors keep their name, code and, for a damaged store, its path and
 * reason), and the thread's own reports of the backups it writes.
 */
import type { StorageAdapter } from './adapter';

/** The storage methods a worker serves. */
export type StorageMethod = Exclude<keyof StorageAdapter, 'close' | 'ping'> | 'close';

/** What the storage thread is started with. */
export interface StorageWorkerData {
  readonly path: string;
  /** The most the database may grow to, in bytes; unset for no limit. */
  readonly maxBytes?: number;
  /** Write a backup this often (milliseconds); 0 or unset for none. */
  readonly backupEveryMs?: number;
}

export interface StorageRequest {
  readonly id: number;
  readonly method: StorageMethod;
  readonly args: readonly unknown[];
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  /** StoreDamagedError: the database file and what is wrong with it. */
  readonly path?: string;
  readonly reason?: string;
}

/** A backup written by the storage thread, or why one failed. */
export type BackupReport =
  | {
      readonly ok: true;
      readonly file: string;
      readonly ms: number;
      readonly bytes: number;
      readonly commits: number;
    }
  | { readonly ok: false; readonly error: SerializedError };

export type StorageReply =
  | { readonly type: 'ready'; readonly commits: number; readonly checkMs: number }
  | { readonly type: 'open-failed'; readonly error: SerializedError }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: SerializedError }
  | { readonly type: 'backup'; readonly report: BackupReport };
