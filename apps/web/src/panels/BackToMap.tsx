/**
 * In a scenario that changes a group of the map's settings (its simulation, its thresholds): a
 * button that drops the scenario's own values, so the map's apply again.
 */
export function BackToMap({
  what,
  disabled,
  onClick,
}: {
  what: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <p className="panel__note">
      This scenario has its own {what}.{' '}
      <button type="button" className="button" disabled={disabled} onClick={onClick}>
        Use the map’s {what}
      </button>
    </p>
  );
}
