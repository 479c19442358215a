/** What to do next on a map with no lanes, or lanes but no steps. */
export function EmptyState({
  lanes,
  steps,
  onAddLane,
}: {
  lanes: number;
  steps: number;
  onAddLane: () => void;
}) {
  if (lanes > 0 && steps > 0) return null;
  return (
    <div className="empty-state" data-testid="empty-state">
      {lanes === 0 ? (
        <>
          <h2>Start with the people</h2>
          <p>
            Each lane is a role that does part of the work: a patient, a clerk, a nurse. Press{' '}
            <kbd>Alt+L</kbd> to add a lane and type its name, then <kbd>Enter</kbd>.
          </p>
          <button type="button" className="button button--primary" onClick={onAddLane}>
            Add a lane
          </button>
        </>
      ) : (
        <>
          <h2>Now the first step</h2>
          <p>
            Select a lane and press <kbd>Enter</kbd> (or <kbd>Alt+N</kbd>) to add the first step.
            Then <kbd>Enter</kbd> adds the next one, connected. Press <kbd>?</kbd> for every
            shortcut.
          </p>
        </>
      )}
    </div>
  );
}
