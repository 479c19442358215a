import { useEffect, useId, useRef, useState } from 'react';
import { initials, MAX_NAME } from './identity';
import type { Peer } from './peers';
import { usePresence } from './presence-store';
import { processLabel, useScenarios } from './process-names';
import { usePresenceChannel } from './usePresenceChannel';
import { useCursorsShown } from './Cursors';
import { followByChoice, stopFollowing } from './useFollowView';

/** Avatars shown before the rest fold into "+N". */
const SHOWN = 7;

/** A colleague's name, and where they are when it is not the process this tab shows. */
export function whereLabel(
  peer: Peer,
  myProcess: string,
  scenarios: Parameters<typeof processLabel>[1],
): string {
  return peer.process === myProcess
    ? peer.name
    : `${peer.name} — in ${processLabel(peer.process, scenarios)}`;
}

function Avatar({ peer }: { peer: Peer }) {
  const following = usePresence((s) => s.following === peer.clientId);
  const myProcess = usePresence((s) => s.process);
  const scenarios = useScenarios();
  const elsewhere = peer.process !== myProcess;
  const label = `${whereLabel(peer, myProcess, scenarios)}${peer.viewOnly ? ' (view only)' : ''}${peer.presenting ? ', presenting' : ''}`;
  return (
    <button
      type="button"
      className={`avatar${following ? ' is-following' : ''}${peer.presenting ? ' is-presenting' : ''}`}
      style={{ ['--peer-color' as string]: peer.color }}
      data-testid="participant"
      data-name={peer.name}
      data-elsewhere={elsewhere ? '' : undefined}
      aria-pressed={following}
      aria-label={following ? `Stop following ${label}` : `Follow ${label}`}
      title={following ? `Following ${label}: click to stop` : `${label}: click to follow`}
      onClick={() => (following ? stopFollowing() : followByChoice(peer.clientId))}
    >
      {initials(peer.name)}
    </button>
  );
}

/**
 * This tab's own avatar: change the name others see, ask everyone to follow, show or hide
 * colleagues' cursors.
 */
function Me() {
  const me = usePresence((s) => s.me);
  const presenting = usePresence((s) => s.presenting);
  const cursorsShown = useCursorsShown((s) => s.shown);
  const setCursorsShown = useCursorsShown((s) => s.setShown);
  const channel = usePresenceChannel();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const inputId = useId();
  const popoverId = useId();
  const cursorsId = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  if (!me) return null;
  const save = () => {
    if (!channel) return;
    if (channel.rename(draft)) {
      setOpen(false);
      setError('');
    } else setError('Type a name others will recognise.');
  };

  return (
    <div className="me" ref={box}>
      <button
        ref={button}
        type="button"
        className="avatar avatar--me"
        style={{ ['--peer-color' as string]: me.color }}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={`You: ${me.name}. Your name, presenting, colleagues’ cursors`}
        title={`You (${me.name})`}
        data-testid="me"
        onClick={() => {
          setDraft(me.name);
          setOpen(!open);
        }}
      >
        {initials(me.name)}
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Esc anywhere in it closes it
        <div
          className="me__popover"
          id={popoverId}
          data-own-keys=""
          data-testid="me-popover"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <label htmlFor={inputId}>Your name</label>
            <div className="row">
              <input
                id={inputId}
                // Opened to type a name: the keys go to it, not to the map behind.
                // biome-ignore lint/a11y/noAutofocus: the popover opens for this one field
                autoFocus
                value={draft}
                maxLength={MAX_NAME}
                placeholder={me.name}
                autoComplete="name"
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit" className="button button--primary">
                Save
              </button>
            </div>
            {error && <p className="field-error">{error}</p>}
          </form>
          <button
            type="button"
            className="button"
            aria-pressed={presenting}
            onClick={() => {
              channel?.setPresenting(!presenting);
              setOpen(false);
            }}
          >
            {presenting ? 'Stop presenting' : 'Ask everyone to follow me'}
          </button>
          <div className="me__option">
            <input
              id={cursorsId}
              type="checkbox"
              checked={cursorsShown}
              onChange={(e) => setCursorsShown(e.target.checked)}
              aria-describedby={`${cursorsId}-hint`}
              data-testid="show-cursors"
            />
            <div>
              <label htmlFor={cursorsId}>Show colleagues’ cursors</label>
              <p className="me__hint" id={`${cursorsId}-hint`}>
                When off, no pointers move over the map and a presenter’s view does not pull yours
                along.
              </p>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * Everyone on the map: this tab first, then the others (saying where each is when on another
 * process); click someone to follow their view.
 */
export function Participants() {
  const peers = usePresence((s) => s.peers);
  const myProcess = usePresence((s) => s.process);
  const scenarios = useScenarios();
  const rest = peers.length - SHOWN;
  return (
    <section className="participants" data-testid="participants" aria-label="People on this map">
      <Me />
      {peers.slice(0, SHOWN).map((peer) => (
        <Avatar key={peer.clientId} peer={peer} />
      ))}
      {rest > 0 && (
        <span
          className="avatar avatar--more"
          title={peers
            .slice(SHOWN)
            .map((p) => whereLabel(p, myProcess, scenarios))
            .join(', ')}
        >
          +{rest}
        </span>
      )}
    </section>
  );
}
