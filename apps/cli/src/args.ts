import { parseArgs } from 'node:util';

/** A boolean flag a command accepts: `--json`, `-h`/`--help`. */
export interface Flag {
  readonly name: string;
  readonly short?: string;
}

export type ParsedArgs =
  | {
      readonly ok: true;
      readonly flags: ReadonlySet<string>;
      readonly positionals: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * Parses boolean flags and positionals with node:util parseArgs, turning unknown options and
 * values given to flags into a one-line message instead of a throw. `--` ends the options.
 */
export function parseFlags(argv: readonly string[], known: readonly Flag[]): ParsedArgs {
  const options = Object.fromEntries(
    known.map((f) => [f.name, f.short ? { type: 'boolean', short: f.short } : { type: 'boolean' }]),
  ) as Record<string, { type: 'boolean'; short?: string }>;
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(options, token.name)) {
      return { ok: false, message: `unknown option ${token.rawName}` };
    }
    if (token.value !== undefined) {
      return { ok: false, message: `option ${token.rawName} takes no value` };
    }
    flags.add(token.name);
  }
  return { ok: true, flags, positionals };
}
