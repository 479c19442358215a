import { setAnnouncesColleagues, useAnnouncesColleagues } from './announce-setting';
import './announce.css';

/**
 * Turns the announcement of colleagues' edits, joins and leaves on or off (remembered on this
 * device): in a busy workshop a screen-reader user may want only their own work read out.
 */
export function AnnounceToggle() {
  const on = useAnnouncesColleagues();
  return (
    <label
      className="announce-toggle"
      title="Screen readers say what colleagues change on the map, and who joins or leaves"
    >
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => setAnnouncesColleagues(event.target.checked)}
        data-testid="announce-colleagues"
      />
      Announce colleagues’ edits
    </label>
  );
}
