import { DocError } from '@procmap/doc';

/** Runs one document command; a refused one returns its message instead of throwing. */
export function runCommand(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DocError) return error.message;
    throw error;
  }
}

/** A field's commit: the new text, and either an error message or null when it was written. */
export type Commit = (text: string) => string | null;
