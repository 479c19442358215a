/*
 * One line per event on stderr: `level event key=value …`, easy to read and to grep. Quiet with
 * PROCMAP_LOG=silent (tests) or PROCMAP_LOG=warn.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel | 'silent', number> = {
  debug: 0,
  info: 1,
  warn: 2,
  error: 3,
  silent: 4,
};

const format = (value: string | number | boolean) => {
  const text = String(value);
  return /^[\w.:/@+-]*$/.test(text) && text !== '' ? text : JSON.stringify(text);
};

/** A logger writing to `write` (stderr by default) at or above `level`. */
export function createLogger(
  level: string = process.env.PROCMAP_LOG ?? 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const min = RANK[level as LogLevel] ?? RANK.info;
  const emit =
    (at: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (RANK[at] < min) return;
      const parts = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${format(v as string | number | boolean)}`);
      write(`${at} ${event}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}\n`);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
