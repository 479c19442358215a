import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { usePresence } from './presence-store';

/**
 * While following someone, shows what they see: their view's centre and zoom, whatever the
 * size of this screen. Programmatic moves, so they do not count as this user panning.
 */
export function useFollowView(): void {
  const flow = useReactFlow();
  const view = usePresence((s) => s.peers.find((p) => p.clientId === s.following)?.view ?? null);
  useEffect(() => {
    if (!view) return;
    void flow.setCenter(view.x, view.y, { zoom: view.zoom, duration: 120 });
  }, [flow, view]);
}

/** Stops following, remembering a presenter's request as declined (no automatic re-follow). */
export function stopFollowing(): void {
  const { following, peers, decline, follow } = usePresence.getState();
  const peer = peers.find((p) => p.clientId === following);
  if (peer?.presenting) decline(peer.clientId, peer.presenting);
  else follow(null);
}
