import type { Io } from '../output';

/** An Io that records what a command writes. */
export interface CapturedIo {
  readonly io: Io;
  /** Everything written to stdout, decoded as UTF-8. */
  stdout(): string;
  /** Everything written to stdout, byte for byte (text as UTF-8, as the process writes it). */
  stdoutBytes(): Buffer;
  stderr(): string;
}

/** Records stdout and stderr in memory; colour off unless asked. */
export function captureIo(color = false): CapturedIo {
  const out: Buffer[] = [];
  let err = '';
  return {
    io: {
      stdout: (data) => {
        out.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
      },
      stderr: (text) => {
        err += text;
      },
      color,
    },
    stdout: () => Buffer.concat(out).toString('utf8'),
    stdoutBytes: () => Buffer.concat(out),
    stderr: () => err,
  };
}
