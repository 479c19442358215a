/** The process exit codes, a contract for scripts and CI. */
export const EXIT = {
  /** The command did what was asked; for validate, the map is valid (warnings allowed). */
  ok: 0,
  /** The map was read but is not valid. */
  invalid: 1,
  /** Usage error, or the file could not be read or is not JSON. */
  usage: 2,
  /** A bug in procmap itself. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
