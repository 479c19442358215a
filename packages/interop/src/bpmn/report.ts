import type { ImportNote } from '../imported';

/*
 * The import's report: what could not be carried over exactly, counted, in plain sentences
 * ("3 message flows between pools kept as notes"). Codes are stable for programs; see
 * docs/interop/bpmn-import.md for the list.
 */

export class Report {
  private readonly notes: ImportNote[] = [];

  /** Adds "`count` `one`" or "`count` `many`" when count is above 0; `tail` follows either. */
  add(code: string, count: number, one: string, many: string, tail = ''): void {
    if (count <= 0) return;
    const message = `${count} ${count === 1 ? one : many}${tail}`;
    this.notes.push({ code, count, message });
  }

  list(): readonly ImportNote[] {
    return this.notes;
  }
}
