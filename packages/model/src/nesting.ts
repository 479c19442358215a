/**
 * How deeply a map file may nest. Real files nest a handful of levels; a file of thousands of
 * nested arrays (in an unknown field, which the format keeps) would overflow the stack of any
 * tool that copies it recursively — the server's document import, a JSON writer.
 */
export const MAX_NESTING = 64;

/**
 * The path of the first value nested deeper than `limit` (MAX_NESTING unless said), or
 * undefined. The recursion stops at `limit` levels, so it cannot overflow the stack itself;
 * nothing is allocated on the way (it runs on every file opened), only the path of what it
 * finds. A part of a file checked on its own takes the levels above it off the limit.
 */
export function tooDeep(value: unknown, limit = MAX_NESTING): string | undefined {
  const found = deeper(value, 0, limit);
  if (found === undefined) return undefined;
  return found.startsWith('.') ? found.slice(1) : found || '(root)';
}

function deeper(value: unknown, depth: number, limit: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= limit) return '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = deeper(value[i], depth + 1, limit);
      if (below !== undefined) return `[${i}]${below}`;
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const below = deeper((value as Record<string, unknown>)[key], depth + 1, limit);
    if (below !== undefined) return `.${key}${below}`;
  }
  return undefined;
}
