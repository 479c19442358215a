import type { ProcessDoc } from '@procmap/doc';
import type { ProcessMap } from '@procmap/model';
import { TextField } from './fields';
import { showNumber } from './parse-number';
import { runCommand } from './run-command';
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
}: {
  doc: ProcessDoc;
  map: ProcessMap;
  readOnly: boolean;
}) {
  const stored = map.settings?.simulation;
  return (
    <fieldset className="panel-group" data-testid="simulation-settings">
      <legend>Simulation</legend>
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
