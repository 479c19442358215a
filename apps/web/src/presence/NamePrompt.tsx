import { useId, useState } from 'react';
import { focusCanvasSoon } from '../editor/canvas-focus';
import { MAX_NAME } from './identity';
import { usePresence } from './presence-store';
import { usePresenceChannel } from './usePresenceChannel';

/**
 * First visit: asks for the name the others will see, in the footer, so it never covers the
 * map nor takes the keyboard from someone already capturing steps. Answered once per device.
 */
export function NamePrompt() {
  const me = usePresence((s) => s.me);
  const channel = usePresenceChannel();
  const [draft, setDraft] = useState('');
  const id = useId();
  if (!me || me.chosen || !channel) return null;
  return (
    <form
      className="name-prompt"
      data-own-keys=""
      data-testid="name-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (!channel.rename(draft)) channel.keepName();
        // The prompt goes away: the keyboard goes to the map, not to the page.
        focusCanvasSoon();
      }}
    >
      <label htmlFor={id}>Others see you as “{me.name}”. Your name:</label>
      <input
        id={id}
        value={draft}
        maxLength={MAX_NAME}
        autoComplete="name"
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button button--primary">
        Save
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          channel.keepName();
          focusCanvasSoon();
        }}
      >
        Not now
      </button>
    </form>
  );
}
