import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { usePresence } from './presence-store';

/**
 * The other participants' pointers over the canvas, each with its owner's name (as text, never
 * markup). Drawn above the steps, never catching the pointer.
 */
export const Cursors = memo(function Cursors() {
  const peers = usePresence((s) => s.peers);
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
});
