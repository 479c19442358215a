import { usePresence } from './presence-store';
import { processLabel, useScenarios } from './process-names';
import { stopFollowing } from './useFollowView';
import { usePresenceChannel } from './usePresenceChannel';

/** Says whose view this tab is following and on which process, or that this tab is presenting; with the way out. */
export function FollowBanner() {
  const channel = usePresenceChannel();
  const presenting = usePresence((s) => s.presenting);
  const followed = usePresence((s) => s.peers.find((p) => p.clientId === s.following));
  const scenarios = useScenarios();
  if (presenting) {
    return (
      <div
        className="follow-banner follow-banner--presenting"
        role="status"
        data-testid="presenting-banner"
      >
        <span>Everyone is asked to follow your view.</span>
        <button type="button" className="button" onClick={() => channel?.setPresenting(false)}>
          Stop presenting
        </button>
      </div>
    );
  }
  if (!followed) return null;
  return (
    <div
      className="follow-banner"
      role="status"
      data-testid="follow-banner"
      style={{ ['--peer-color' as string]: followed.color }}
    >
      {/* One piece of text, so a narrow window wraps its words, not its parts. */}
      <span>
        Following <strong>{followed.name}</strong>
        {followed.presenting ? ' (presenting)' : ''} in {processLabel(followed.process, scenarios)}.
        Pan or zoom to look around on your own.
      </span>
      <button type="button" className="button" onClick={stopFollowing}>
        Stop following
      </button>
    </div>
  );
}
