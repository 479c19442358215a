/*
 * The error for a store that must not be served: SQLite finds it damaged, or it has lost
 * commits that were acknowledged, or it is empty or missing where a store with data was.
 * Serving it would show people maps with their saved work missing and write over what is left.
 */
export class StoreDamagedError extends Error {
  override readonly name = 'StoreDamagedError';
  constructor(
    /** The database file. */
    readonly path: string,
    /** What is wrong, in a sentence. */
    readonly reason: string,
  ) {
    super(`the data store ${path} is damaged: ${reason}`);
  }
}
