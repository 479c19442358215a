/*
 * Ids of the imported map. A BPMN id is any XML name, and procmap takes any non-empty text, so
 * the file's ids are kept: a map imported twice has the same ids, and people can find an element
 * of the file in the map. Ids the importer makes (a role for a pool, a flow where a gateway was)
 * are derived from the file's, and one pool for all records keeps every id unique, as a comment
 * may point at a step or a flow.
 */
export class IdPool {
  private readonly used = new Set<string>();

  /** `preferred` if it is free and usable, else `preferred-2`, `-3`… */
  claim(preferred: string, fallback = 'item'): string {
    const base = preferred.trim() === '' ? fallback : preferred.trim();
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
