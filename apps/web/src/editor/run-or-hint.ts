import { runCommand } from '../panels/run-command';
import { useSession } from '../store/session-store';

/** Runs a document command; a refused one becomes the status line's hint, not an exception. */
export function runOrHint(fn: () => void): void {
  const refused = runCommand(fn);
  if (refused !== null) useSession.getState().setHint(refused);
}
