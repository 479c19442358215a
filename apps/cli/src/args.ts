import { parseArgs } from 'node:util';

/** An option a command accepts: a boolean flag (`--json`, `-h`) or, with `value`, `--cases 100`. */
export interface Flag {
  readonly name: string;
  readonly short?: string;
  /** The option takes a value (`--cases 100` or `--cases=100`); it is checked by the command. */
  readonly value?: boolean;
}

export type ParsedArgs =
  | {
      readonly ok: true;
      /** The boolean flags given. */
      readonly flags: ReadonlySet<string>;
      /** The value of each option with a value that was given; the last one wins. */
      readonly values: ReadonlyMap<string, string>;
      readonly positionals: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * Parses flags, options with values and positionals with node:util parseArgs, turning unknown
 * options, values given to flags and options missing their value into a one-line message
 * instead of a throw. `--` ends the options.
 */
export function parseFlags(argv: readonly string[], known: readonly Flag[]): ParsedArgs {
  const options = Object.fromEntries(
    known.map((f) => {
      const type = f.value ? 'string' : 'boolean';
      return [f.name, f.short ? { type, short: f.short } : { type }];
    }),
  ) as Record<string, { type: 'boolean' | 'string'; short?: string }>;
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (option === undefined) {
      return { ok: false, message: `unknown option ${token.rawName}` };
    }
    if (option.type === 'string') {
      // Unchecked, parseArgs would take the next option as the value: `--cases --json`.
      const missing =
        token.value === undefined || (!token.inlineValue && token.value.startsWith('--'));
      if (missing) return { ok: false, message: `option ${token.rawName} needs a value` };
      values.set(token.name, token.value);
      continue;
    }
    if (token.value !== undefined) {
      return { ok: false, message: `option ${token.rawName} takes no value` };
    }
    flags.add(token.name);
  }
  return { ok: true, flags, values, positionals };
}
