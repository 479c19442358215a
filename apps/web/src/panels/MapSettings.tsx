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
import {
  overrides,
  roleHint,
  type ScenarioSettings,
  scenarioSettingsHeading,
  scenarioSettingsOf,
  settingHint,
} from './scenario-settings';
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

function RoleRow({
  doc,
  role,
  readOnly,
  asIs,
}: {
  doc: ProcessDoc;
  role: Role;
  readOnly: boolean;
  /** The as-is's role of the same id while a scenario is shown ('no role' if it has none). */
  asIs?: Role | 'no role' | undefined;
}) {
  const update = (patch: RolePatch) => runCommand(() => doc.updateRole(role.id, patch));
  const was = (key: 'headcount' | 'hourlyCost') => (asIs === 'no role' ? asIs : asIs?.[key]);
  return (
    <fieldset className="panel-group" data-testid="role-settings">
      <legend>{role.name}</legend>
      <TextField
        label="Headcount"
        value={showNumber(role.headcount)}
        hint={roleHint(asIs !== undefined, was('headcount'), role.headcount)}
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
        hint={roleHint(asIs !== undefined, was('hourlyCost'), role.hourlyCost)}
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

/** Says, under the map's title, that what follows is the scenario's own settings. */
function ScenarioHeading({ owner }: { owner: ScenarioSettings }) {
  return (
    <>
      <h3 className="panel__subtitle" data-testid="scenario-settings-heading">
        {scenarioSettingsHeading(owner)}
      </h3>
      <p className="panel__note">
        A field marked “changed in this scenario” is this scenario’s own; empty it to go back to the
        map’s value. Any other change here is this scenario’s only.
      </p>
    </>
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
  // A scenario shown: these are its settings, the map's where it does not change them.
  const owner = scenarioSettingsOf(doc);
  const asIsRoles = owner ? doc.map.getSnapshot().roles : [];
  const mapDemand = owner?.map.demand;
  const hint = (key: 'hoursPerDay' | 'daysPerWeek', plain: string, fallback: number) =>
    settingHint(owner, key, plain, String(owner?.map[key] ?? fallback));

  return (
    <section
      aria-label={owner ? scenarioSettingsHeading(owner) : 'Map settings'}
      data-testid="map-settings"
    >
      <h2 className="panel__title">Map</h2>
      <TextField
        label="Title"
        maxLength={MAX_LABEL_LENGTH}
        value={index.map.title}
        hint={owner ? 'The map’s title, the same in every scenario' : undefined}
        disabled={readOnly}
        onCommit={(title) => runCommand(() => doc.updateMeta({ title }))}
      />
      {owner && <ScenarioHeading owner={owner} />}
      <TextField
        label="Hours per day"
        value={showNumber(stored.hoursPerDay)}
        hint={hint('hoursPerDay', `Working hours in a day (empty = ${settings.hoursPerDay})`, 7.5)}
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
        hint={hint('daysPerWeek', `Working days in a week (empty = ${settings.daysPerWeek})`, 5)}
        disabled={readOnly}
        inputMode="decimal"
        onCommit={(text) => {
          const parsed = parseNumber(text, { above: 0, max: 7, what: 'Days per week' });
          return parsed.ok ? update({ daysPerWeek: parsed.value }) : parsed.message;
        }}
      />
      <fieldset className="panel-group">
        <legend>Demand{overrides(owner, 'demand') ? ' (changed in this scenario)' : ''}</legend>
        <TextField
          label="Cases"
          value={showNumber(demand?.count)}
          hint={settingHint(
            owner,
            'demand',
            'Cases arriving; empty = not known',
            mapDemand ? `${mapDemand.count} ${PER_LABELS[mapDemand.per]}` : 'not known',
          )}
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
      <SimulationSettings doc={doc} map={index.map} readOnly={readOnly} owner={owner} />
      <AnalysisThresholds doc={doc} map={index.map} readOnly={readOnly} owner={owner} />
      <h3 className="panel__subtitle">{owner ? 'Roles in this scenario' : 'Roles'}</h3>
      {index.lanes.length === 0 ? (
        <p className="panel__empty">No lanes yet: press Alt+L to add one.</p>
      ) : (
        index.lanes.map((role) => (
          <RoleRow
            key={role.id}
            doc={doc}
            role={role}
            readOnly={readOnly}
            asIs={owner ? (asIsRoles.find((r) => r.id === role.id) ?? 'no role') : undefined}
          />
        ))
      )}
    </section>
  );
}
