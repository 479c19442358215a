import type { ProcessDoc, RolePatch, SettingsPatch } from '@procmap/doc';
import {
  ARRIVAL_PATTERNS,
  type ArrivalPattern,
  DEMAND_PERIODS,
  type DemandPeriod,
  type MapIndex,
  type Role,
  resolveSettings,
  MAX_LABEL_LENGTH,
} from '@procmap/model';
import { AnalysisThresholds } from './AnalysisThresholds';
import { SelectField, TextField } from './fields';
import { parseNumber, showNumber } from './parse-number';
import { runCommand } from './run-command';
import { SimulationSettings } from './SimulationSettings';

const PER_LABELS: Record<DemandPeriod, string> = {
  hour: 'per hour',
  day: 'per day',
  week: 'per week',
};

const ARRIVAL_LABELS: Record<ArrivalPattern, string> = {
  random: 'Random',
  even: 'Evenly spaced',
};

function RoleRow({ doc, role, readOnly }: { doc: ProcessDoc; role: Role; readOnly: boolean }) {
  const update = (patch: RolePatch) => runCommand(() => doc.updateRole(role.id, patch));
  return (
    <fieldset className="panel-group" data-testid="role-settings">
      <legend>{role.name}</legend>
      <TextField
        label="Headcount"
        value={showNumber(role.headcount)}
        disabled={readOnly}
        inputMode="decimal"
        onCommit={(text) => {
          const parsed = parseNumber(text, { min: 0, what: 'Headcount' });
          return parsed.ok ? update({ headcount: parsed.value } as RolePatch) : parsed.message;
        }}
      />
      <TextField
        label="Hourly cost"
        value={showNumber(role.hourlyCost)}
        disabled={readOnly}
        inputMode="decimal"
        onCommit={(text) => {
          const parsed = parseNumber(text, { min: 0, what: 'Hourly cost' });
          return parsed.ok ? update({ hourlyCost: parsed.value } as RolePatch) : parsed.message;
        }}
      />
    </fieldset>
  );
}

/**
 * With nothing selected: the map's title, working time, demand and how it arrives, the
 * simulation's defaults, and each role's people and cost.
 */
export function MapSettings({
  doc,
  index,
  readOnly,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  readOnly: boolean;
}) {
  const stored = index.map.settings ?? {};
  const settings = resolveSettings(index.map);
  const update = (patch: SettingsPatch) => runCommand(() => doc.updateSettings(patch));
  const demand = stored.demand;

  return (
    <section aria-label="Map settings" data-testid="map-settings">
      <h2 className="panel__title">Map</h2>
      <TextField
        label="Title"
        maxLength={MAX_LABEL_LENGTH}
        value={index.map.title}
        disabled={readOnly}
        onCommit={(title) => runCommand(() => doc.updateMeta({ title }))}
      />
      <TextField
        label="Hours per day"
        value={showNumber(stored.hoursPerDay)}
        hint={`Working hours in a day (empty = ${settings.hoursPerDay})`}
        disabled={readOnly}
        inputMode="decimal"
        onCommit={(text) => {
          const parsed = parseNumber(text, { above: 0, max: 24, what: 'Hours per day' });
          return parsed.ok ? update({ hoursPerDay: parsed.value }) : parsed.message;
        }}
      />
      <TextField
        label="Days per week"
        value={showNumber(stored.daysPerWeek)}
        hint={`Working days in a week (empty = ${settings.daysPerWeek})`}
        disabled={readOnly}
        inputMode="decimal"
        onCommit={(text) => {
          const parsed = parseNumber(text, { above: 0, max: 7, what: 'Days per week' });
          return parsed.ok ? update({ daysPerWeek: parsed.value }) : parsed.message;
        }}
      />
      <fieldset className="panel-group">
        <legend>Demand</legend>
        <TextField
          label="Cases"
          value={showNumber(demand?.count)}
          hint="Cases arriving; empty = not known"
          disabled={readOnly}
          inputMode="decimal"
          onCommit={(text) => {
            const parsed = parseNumber(text, { min: 0, what: 'Demand' });
            if (!parsed.ok) return parsed.message;
            return update({
              demand:
                parsed.value === undefined
                  ? undefined
                  : { ...demand, count: parsed.value, per: demand?.per ?? 'day' },
            });
          }}
        />
        <SelectField
          label="Per"
          value={demand?.per ?? 'day'}
          disabled={readOnly || demand === undefined}
          options={DEMAND_PERIODS.map((p) => ({ value: p, label: PER_LABELS[p] }))}
          onCommit={(per) =>
            demand ? update({ demand: { ...demand, per: per as DemandPeriod } }) : null
          }
        />
        <SelectField
          label="Arrivals"
          value={demand?.arrivals ?? 'random'}
          hint="How cases arrive in a simulation"
          disabled={readOnly || demand === undefined}
          options={ARRIVAL_PATTERNS.map((a) => ({ value: a, label: ARRIVAL_LABELS[a] }))}
          onCommit={(arrivals) =>
            demand ? update({ demand: { ...demand, arrivals: arrivals as ArrivalPattern } }) : null
          }
        />
      </fieldset>
      <SimulationSettings doc={doc} map={index.map} readOnly={readOnly} />
      <AnalysisThresholds doc={doc} map={index.map} readOnly={readOnly} />
      <h3 className="panel__subtitle">Roles</h3>
      {index.lanes.length === 0 ? (
        <p className="panel__empty">No lanes yet: press Alt+L to add one.</p>
      ) : (
        index.lanes.map((role) => (
          <RoleRow key={role.id} doc={doc} role={role} readOnly={readOnly} />
        ))
      )}
    </section>
  );
}
