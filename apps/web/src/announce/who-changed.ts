/** Someone on the map, as attribution needs them (from their presence). */
export interface Colleague {
  /** Their Yjs client id: the same for their presence and for the edits they make. */
  readonly clientId: number;
  readonly name: string;
  /** A view-only link cannot edit. */
  readonly viewOnly: boolean;
  /** The step ids they have selected. */
  readonly selection: readonly string[];
}

/** Who is named when nobody on the map can be found to have made a change. */
export const SOMEONE = 'A colleague';

/** "Priya", "Priya and Sam", "Priya, Sam and Ola". */
function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? SOMEONE;
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/**
 * Who made a remote change. `clients` are the Yjs client ids whose new edits it carries, and
 * a client id is also its owner's presence id: that names them, even just after they left. A change that only deletes
 * carries no client id (Yjs does not record who deleted), so it is put down to the one
 * colleague who had a deleted step selected, or to the only colleague who can edit; failing
 * both, to "A colleague".
 */
export function whoChanged({
  clients,
  colleagues,
  seen = new Map(),
  ownClient,
  touched,
}: {
  readonly clients: readonly number[];
  /** Everyone on the map now. */
  readonly colleagues: readonly Colleague[];
  /** Everyone seen on the map earlier (client id → name): someone may have just left. */
  readonly seen?: ReadonlyMap<number, string>;
  readonly ownClient: number;
  /** Ids of the records the change deleted. */
  readonly touched: readonly string[];
}): string {
  const others = colleagues.filter((c) => c.clientId !== ownClient);
  const makers = clients.filter((id) => id !== ownClient);
  if (makers.length > 0) {
    const now = new Map(others.map((c) => [c.clientId, c.name]));
    const found = makers
      .map((id) => now.get(id) ?? seen.get(id))
      .filter((name): name is string => name !== undefined);
    // Edits of someone never seen here (made offline, passed on by another): not a guess.
    return found.length > 0 ? names([...new Set(found)]) : SOMEONE;
  }
  const editors = others.filter((c) => !c.viewOnly);
  const holding = editors.filter((c) => c.selection.some((id) => touched.includes(id)));
  const single = (list: readonly Colleague[]) => new Set(list.map((c) => c.name)).size === 1;
  if (holding.length > 0 && single(holding)) return holding[0]!.name;
  if (editors.length > 0 && single(editors)) return editors[0]!.name;
  return SOMEONE;
}
