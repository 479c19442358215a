import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { create } from 'zustand';
import { usePresence } from './presence-store';

const SHOWN_KEY = 'procmap.cursors';

function readShown(): boolean {
  try {
    return globalThis.localStorage?.getItem(SHOWN_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

interface CursorsShown {
  /** Whether colleagues' cursors are drawn and a presenter's view is followed by itself. */
  readonly shown: boolean;
  setShown(shown: boolean): void;
}

/**
 * The "Show colleagues' cursors" setting, remembered in this browser. Moving pointers and a
 * view pulled along by a presenter distract some people (WCAG 2.2.2): with it off, nothing
 * moves by itself; following someone is then only ever by choice (their avatar).
 */
export const useCursorsShown = create<CursorsShown>()((set) => ({
  shown: readShown(),
  setShown: (shown) => {
    set({ shown });
    try {
      globalThis.localStorage?.setItem(SHOWN_KEY, shown ? 'shown' : 'hidden');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  },
}));

/**
 * The pointers of the other participants on the process shown over the canvas, each with its owner's name (as text, never
 * markup). Drawn above the steps, never catching the pointer; not at all when hidden.
 */
export const Cursors = memo(function Cursors() {
  const shown = useCursorsShown((s) => s.shown);
  return shown ? <PeerCursors /> : null;
});

function PeerCursors() {
  const peers = usePresence((s) => s.here);
  const [tx, ty, zoom] = useStore((s) => s.transform);
  return (
    <div className="cursors" aria-hidden="true">
      {peers.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            className="cursor"
            data-testid="peer-cursor"
            data-name={peer.name}
            style={{
              transform: `translate(${peer.cursor.x * zoom + tx}px, ${peer.cursor.y * zoom + ty}px)`,
              ['--peer-color' as string]: peer.color,
            }}
          >
            <svg
              width="18"
              height="22"
              viewBox="0 0 18 22"
              className="cursor__arrow"
              aria-hidden="true"
            >
              <path d="M1 1 L1 18 L6 13.5 L9.5 21 L12.5 19.6 L9 12.2 L16 12 Z" />
            </svg>
            <span className="cursor__name">{peer.name}</span>
          </div>
        ) : null,
      )}
    </div>
  );
}
