import type { ProcessDoc } from '@procmap/doc';
import type { ProcessMap } from '@procmap/model';
import { TextField } from './fields';
import { showNumber } from './parse-number';
import { runCommand } from './run-command';
import { BackToMap } from './BackToMap';
import { overrides, type ScenarioSettings } from './scenario-settings';
import {
  parseWhole,
  SIMULATION_INPUTS,
  simulationHint,
  withSimulation,
} from './simulation-settings';

/**
 * A simulation's defaults for this map (settings.simulation): cases, replications, warm-up and
 * seed. Everyone who runs the map's simulation gets these unless they say otherwise, so two
 * people comparing results compare the same run.
 */
export function SimulationSettings({
  doc,
  map,
  readOnly,
  owner = null,
}: {
  doc: ProcessDoc;
  map: ProcessMap;
  readOnly: boolean;
  /** The scenario shown, whose settings these are; null on the as-is. */
  owner?: ScenarioSettings | null;
}) {
  const stored = map.settings?.simulation;
  const changed = overrides(owner, 'simulation');
  return (
    <fieldset className="panel-group" data-testid="simulation-settings">
      <legend>Simulation{changed ? ' (changed in this scenario)' : ''}</legend>
      {changed && (
        <BackToMap
          what="simulation settings"
          disabled={readOnly}
          onClick={() => runCommand(() => doc.updateSettings({ simulation: undefined }))}
        />
      )}
      {SIMULATION_INPUTS.map(({ key, label, meaning, min }) => (
        <TextField
          key={key}
          label={label}
          value={showNumber(stored?.[key])}
          hint={simulationHint(key, meaning)}
          disabled={readOnly}
          inputMode="numeric"
          onCommit={(text) => {
            const parsed = parseWhole(text, { min, what: label });
            if (!parsed.ok) return parsed.message;
            return runCommand(() =>
              doc.updateSettings({ simulation: withSimulation(stored, key, parsed.value) }),
            );
          }}
        />
      ))}
    </fieldset>
  );
}
