/**
 * How deeply a map file may nest. Real files nest a handful of levels; a file of thousands of
 * nested arrays (in an unknown field, which the format keeps) would overflow the stack of any
 * tool that copies it recursively — the server's document import, a JSON writer.
 */
export const MAX_NESTING = 64;

/** The path of the first value nested deeper than MAX_NESTING, or undefined (iterative). */
export function tooDeep(value: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: v, path, depth } = item;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_NESTING) return path || '(root)';
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries())
        stack.push({ value: x, path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      for (const [k, x] of Object.entries(v)) {
        stack.push({ value: x, path: path ? `${path}.${k}` : k, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
