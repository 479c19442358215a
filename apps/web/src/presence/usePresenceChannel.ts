import { createContext, useContext, useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { selectedStepIds, useSession } from '../store/session-store';
import { PresenceChannel } from './presence-channel';
import { usePresence } from './presence-store';

/** The open map's presence channel, for the canvas and toolbar; null before it exists. */
export const PresenceContext = createContext<PresenceChannel | null>(null);

export function usePresenceChannel(): PresenceChannel | null {
  return useContext(PresenceContext);
}

/**
 * Joins the map's presence for as long as the editor is open: publishes this tab's selection
 * and the process it shows as they change, and follows a participant who asks everyone to
 * follow them (until this tab declines by panning or pressing "Stop following").
 */
export function useJoinPresence(awareness: Awareness, viewOnly: boolean): PresenceChannel | null {
  const [channel, setChannel] = useState<PresenceChannel | null>(null);
  useEffect(() => {
    const created = new PresenceChannel(awareness, viewOnly, useSession.getState().processId);
    setChannel(created);
    created.setSelection(selectedStepIds(useSession.getState().selection));
    const stopSelection = useSession.subscribe((state, before) => {
      if (state.processId !== before.processId) created.setProcess(state.processId);
      if (state.selection !== before.selection) {
        created.setSelection(selectedStepIds(state.selection));
      }
    });
    const stopPresenter = usePresence.subscribe((state, before) => {
      if (state.peers === before.peers) return;
      const presenter = state.peers
        .filter((p) => p.presenting !== null)
        .sort((a, b) => (b.presenting ?? 0) - (a.presenting ?? 0))[0];
      if (!presenter || state.following === presenter.clientId) return;
      const declined =
        state.declined?.clientId === presenter.clientId &&
        state.declined.at === presenter.presenting;
      if (!declined) state.follow(presenter.clientId);
    });
    return () => {
      stopSelection();
      stopPresenter();
      created.destroy();
      setChannel(null);
      usePresence.setState({
        peers: [],
        here: [],
        following: null,
        declined: null,
        presenting: false,
      });
    };
  }, [awareness, viewOnly]);
  return channel;
}
