import type { MapIndex } from '@procmap/model';
import type { MapConnection } from '../sync/map-connection';

/** A polite live region: what colleagues do, said to screen-reader users without taking focus. */
export function Announcer(_props: { connection: MapConnection; index: MapIndex }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer" />
  );
}
