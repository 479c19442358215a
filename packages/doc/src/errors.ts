/** Why a command was refused. The document is unchanged when a command throws. */
export type DocErrorCode =
  | 'unknown-role'
  | 'unknown-step'
  | 'unknown-flow'
  | 'unknown-comment'
  | 'unknown-scenario'
  | 'role-not-empty'
  | 'flow-exists'
  | 'no-votes-left'
  | 'invalid-value';

/** A refused command, with a code for programs and a message a user can act on. */
export class DocError extends Error {
  override readonly name = 'DocError';
  constructor(
    readonly code: DocErrorCode,
    message: string,
  ) {
    super(message);
  }
}
