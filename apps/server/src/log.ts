/*
 * One line per event on stderr. The text format, `level event key=value …`, is easy to read and
 * to grep; the JSON format (PROCMAP_LOG_FORMAT=json), one object a line with its time, is for log
 * collectors. Either way a field's newlines are escaped, so one event is always one line. Quiet
 * with PROCMAP_LOG=silent (tests) or PROCMAP_LOG=warn.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;
export type LogFormat = 'text' | 'json';

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

const textValue = (value: string | number | boolean) => {
  const text = String(value);
  return /^[\w.:/@+-]*$/.test(text) && text !== '' ? text : JSON.stringify(text);
};

function textLine(at: LogLevel, event: string, fields: [string, string | number | boolean][]) {
  const parts = fields.map(([k, v]) => `${k}=${textValue(v)}`);
  return `${at} ${event}${parts.length > 0 ? ` ${parts.join(' ')}` : ''}\n`;
}

function jsonLine(at: LogLevel, event: string, fields: [string, string | number | boolean][]) {
  const record: Record<string, string | number | boolean> = {
    time: new Date().toISOString(),
    level: at,
    event,
  };
  // A field named like one of the line's own keys is kept beside it, never over it.
  for (const [k, v] of fields) record[Object.hasOwn(record, k) ? `field.${k}` : k] = v;
  // JSON.stringify escapes newlines; U+2028 and U+2029 too, for readers that split on them.
  return `${JSON.stringify(record)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}\n`;
}

/**
 * A logger writing to `write` (stderr by default) at or above `level`, as text or JSON lines;
 * `context` (e.g. the instance's name) goes with every line, after the event's own fields
 * (which win over it).
 */
export function createLogger(
  level: string = process.env.PROCMAP_LOG ?? 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
  format: LogFormat = process.env.PROCMAP_LOG_FORMAT === 'json' ? 'json' : 'text',
  context: LogFields = {},
): Logger {
  const min = RANK[level as LogLevel] ?? RANK.info;
  const line = format === 'json' ? jsonLine : textLine;
  const emit =
    (at: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (RANK[at] < min) return;
      const present = [
        ...Object.entries(fields),
        ...Object.entries(context).filter(([k]) => !Object.hasOwn(fields, k)),
      ].filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
      write(line(at, event, present));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
