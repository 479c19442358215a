import { describe, expect, it } from 'vitest';
import { roleHint, scenarioSettingsHeading, settingHint } from './scenario-settings';

const owner = {
  name: 'To-be: nurse triage',
  overrides: { demand: { count: 60, per: 'day' as const } },
  map: { demand: { count: 40, per: 'day' as const } },
};

describe('the settings panel in a scenario says whose settings it edits', () => {
  it('heads them as the scenario’s, the map’s where not changed', () => {
    expect(scenarioSettingsHeading(owner)).toBe(
      'Scenario: To-be: nurse triage — its settings (the map’s where not changed here)',
    );
  });

  it('marks a field the scenario changes, and says emptying it goes back to the map’s', () => {
    expect(settingHint(owner, 'demand', 'Cases arriving; empty = not known', '40 per day')).toBe(
      'Changed in this scenario (the map’s: 40 per day); empty = back to the map’s',
    );
    expect(settingHint(owner, 'hoursPerDay', 'Working hours (empty = 7.5)', '7.5')).toBe(
      'The map’s value; a change here is this scenario’s only',
    );
    expect(settingHint(null, 'demand', 'Cases arriving; empty = not known', '')).toBe(
      'Cases arriving; empty = not known',
    );
  });

  it('says a role’s headcount is the scenario’s', () => {
    expect(roleHint(false, 2, 2)).toBeUndefined();
    expect(roleHint(true, 2, 2)).toBe('In this scenario (as in the as-is)');
    expect(roleHint(true, 2, 3)).toBe('Changed in this scenario (as-is: 2)');
    expect(roleHint(true, 'no role', 3)).toBe('In this scenario (a role the as-is does not have)');
  });
});
