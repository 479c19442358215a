import { EXIT } from './exit-codes';
import type { Io } from './output';
import { run } from './run';

/*
 * The process entry: wires run() to stdout, stderr and the exit code. Everything testable
 * lives in run(); this file only touches the process.
 */

// A reader that goes away early (`procmap validate x | head -1`) is not an error.
let pipeClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  pipeClosed = true;
});

const io: Io = {
  // A string is written as UTF-8, a Uint8Array byte for byte (PDF and PNG on `-o -`).
  stdout: (data) => {
    if (!pipeClosed) process.stdout.write(data);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  stderrIsTerminal: process.stderr.isTTY === true,
};

try {
  process.exitCode = await run(process.argv.slice(2), io);
} catch (err) {
  process.stderr.write(`procmap: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = EXIT.internal;
}
