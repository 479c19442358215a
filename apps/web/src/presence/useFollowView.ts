import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { motionMs } from '../editor/motion';
import { useSession } from '../store/session-store';
import { useCursorsShown } from './Cursors';
import { usePresence } from './presence-store';

/** The participant this tab chose to follow (their avatar), as opposed to a presenter's request. */
let chosen: number | null = null;

/**
 * While following someone, shows what they see: the process they are on, their view's centre
 * and zoom, whatever the size of this screen. Programmatic moves, so they do not count as this user panning.
 * With colleagues' cursors hidden, this tab is never pulled along by a presenter: it follows
 * only whom it chose to.
 */
export function useFollowView(): void {
  const flow = useReactFlow();
  const view = usePresence((s) => s.peers.find((p) => p.clientId === s.following)?.view ?? null);
  const following = usePresence((s) => s.following);
  const process = usePresence((s) => s.peers.find((p) => p.clientId === s.following)?.process);
  useEffect(() => {
    if (following === null || process === undefined) return;
    const session = useSession.getState();
    if (session.processId === process) return;
    session.showProcess(process);
    const name = usePresence.getState().peers.find((p) => p.clientId === following)?.name;
    session.setHint(`Following ${name ?? 'a colleague'}: showing the process they are on.`);
  }, [following, process]);
  useEffect(() => {
    if (!view) return;
    void flow.setCenter(view.x, view.y, { zoom: view.zoom, duration: motionMs(120) });
  }, [flow, view]);
  useEffect(() => {
    const unchosen = () => {
      const { following } = usePresence.getState();
      if (following === null) chosen = null;
      else if (following !== null && following !== chosen && !useCursorsShown.getState().shown) {
        stopFollowing();
      }
    };
    unchosen();
    const stopPresence = usePresence.subscribe((state, before) => {
      if (state.following !== before.following) unchosen();
    });
    // Showing another process by one's own choice ends following, as panning does.
    const stopProcess = useSession.subscribe((state, before) => {
      if (state.processId === before.processId) return;
      const { following, peers } = usePresence.getState();
      const followed = peers.find((p) => p.clientId === following);
      if (followed && followed.process !== state.processId) stopFollowing();
    });
    // Hiding the cursors ends any following, chosen or not: nothing moves by itself any more.
    const stopShown = useCursorsShown.subscribe((state) => {
      if (!state.shown && usePresence.getState().following !== null) stopFollowing();
    });
    return () => {
      stopPresence();
      stopShown();
      stopProcess();
    };
  }, []);
}

/** Follows a participant because this user asked to (their avatar), cursors shown or not. */
export function followByChoice(clientId: number): void {
  chosen = clientId;
  usePresence.getState().follow(clientId);
}

/** Stops following, remembering a presenter's request as declined (no automatic re-follow). */
export function stopFollowing(): void {
  chosen = null;
  const { following, peers, decline, follow } = usePresence.getState();
  const peer = peers.find((p) => p.clientId === following);
  if (peer?.presenting) decline(peer.clientId, peer.presenting);
  else follow(null);
}
