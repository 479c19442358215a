import type { MapGeometry } from '@procmap/layout';
import type { MapIndex } from '@procmap/model';
import type { ActionContext } from '../editor/actions';

/** The process as lists, one per lane: the map's equivalent to read, review and edit by keyboard. */
export function OutlineView({
  index,
}: {
  ctx: ActionContext;
  index: MapIndex;
  geometry: MapGeometry;
  readOnly: boolean;
}) {
  return (
    <section className="outline" aria-label="Outline" data-testid="outline">
      <h2>Outline</h2>
      <p>{index.map.steps.length} steps</p>
    </section>
  );
}
