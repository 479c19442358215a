/**
 * How deeply a map file may nest. Real files nest a handful of levels; a file of thousands of
 * nested arrays (in an unknown field, which the format keeps) would overflow the stack of any
 * tool that copies it recursively — the server's document import, a JSON writer.
 */
export const MAX_NESTING = 64;

/**
 * The path of the first value nested deeper than MAX_NESTING, or undefined. The recursion stops
 * at MAX_NESTING levels, so it cannot overflow the stack itself; nothing is allocated on the way
 * (it runs on every file opened), only the path of what it finds.
 */
export function tooDeep(value: unknown): string | undefined {
  const found = deeper(value, 0);
  if (found === undefined) return undefined;
  return found.startsWith('.') ? found.slice(1) : found || '(root)';
}

function deeper(value: unknown, depth: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_NESTING) return '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = deeper(value[i], depth + 1);
      if (below !== undefined) return `[${i}]${below}`;
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const below = deeper((value as Record<string, unknown>)[key], depth + 1);
    if (below !== undefined) return `.${key}${below}`;
  }
  return undefined;
}
