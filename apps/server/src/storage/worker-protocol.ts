import type { StorageAdapter } from './adapter';

/** The storage methods a worker serves. */
export type StorageMethod = Exclude<keyof StorageAdapter, 'close'> | 'close';

export interface StorageRequest {
  readonly id: number;
  readonly method: StorageMethod;
  readonly args: readonly unknown[];
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type StorageReply =
  | { readonly type: 'ready' }
  | { readonly type: 'open-failed'; readonly error: SerializedError }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: SerializedError };
