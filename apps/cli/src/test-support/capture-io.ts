import type { Io } from '../output';

/** An Io that records what a command writes. */
export interface CapturedIo {
  readonly io: Io;
  stdout(): string;
  stderr(): string;
}

/** Records stdout and stderr in memory; colour off unless asked. */
export function captureIo(color = false): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      color,
    },
    stdout: () => out,
    stderr: () => err,
  };
}
