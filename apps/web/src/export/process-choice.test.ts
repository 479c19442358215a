import { describe, expect, it } from 'vitest';
import { exportRequest } from './export-protocol';
import { chosenScenario, processChoices, scenarioName } from './process-choice';
import { fileName } from './run-export';

const map = {
  scenarios: [
    { id: 'portal', name: 'To-be: portal', roles: [], steps: [], flows: [] },
    { id: 'blank', name: '  ', roles: [], steps: [], flows: [] },
  ],
};

describe('the export dialog’s Process choice', () => {
  it('offers nothing on a map without scenarios', () => {
    expect(processChoices({}, 'pdf')).toEqual([]);
    expect(processChoices({ scenarios: [] }, 'report')).toEqual([]);
  });

  it('offers the as-is first, then each scenario: its process, or for the report its case study', () => {
    expect(processChoices(map, 'svg')).toEqual([
      { value: 'as-is', label: 'As-is' },
      { value: 'portal', label: 'To-be: portal' },
      { value: 'blank', label: 'blank' },
    ]);
    expect(processChoices(map, 'report').map((c) => c.label)).toEqual([
      'As-is: the improvement report',
      'Case study: To-be: portal',
      'Case study: blank',
    ]);
  });

  it('asks for the scenario chosen, and for the as-is when it was deleted meanwhile', () => {
    expect(chosenScenario(map, 'portal')).toBe('portal');
    expect(chosenScenario(map, 'as-is')).toBeUndefined();
    expect(chosenScenario(map, 'gone')).toBeUndefined();
    expect(chosenScenario({}, 'portal')).toBeUndefined();
  });

  it('passes the scenario to the export and names the file after it', () => {
    const settings = {
      format: 'report',
      scenario: 'portal',
      findings: true,
      comments: true,
      titleBlock: true,
      page: 'A4',
      landscape: true,
      mode: 'auto',
    } as const;
    expect(exportRequest(settings, '').scenario).toBe('portal');
    expect('scenario' in exportRequest({ ...settings, scenario: undefined }, '')).toBe(false);
    const name = scenarioName(map, 'portal');
    expect(fileName('Referral', 'report', name)).toBe('Referral - To-be_ portal - case study.pdf');
    expect(fileName('Referral', 'svg', name)).toBe('Referral - To-be_ portal.svg');
    expect(fileName('Referral', 'csv-steps', name)).toBe('Referral - To-be_ portal - steps.csv');
    expect(fileName('Referral', 'report', scenarioName(map, undefined))).toBe(
      'Referral - improvement report.pdf',
    );
  });
});
