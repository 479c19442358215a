import { analyze, formatMinutes, formatValue, METRIC_DESCRIPTORS } from '@procmap/analysis';
import { compareScenarios, metricChanges, simulateComparison } from '@procmap/compare';
import { type ProcessMap, scenarioMap } from '@procmap/model';
import {
  EXPORT_FONTS as FONTS,
  flat,
  HAS_PDFTOTEXT,
  hospitalDischarge,
  pdfText,
  referralPairMap,
} from '@procmap/test-kit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../render-export';
import { CASE_STUDY_ID, caseStudyExample } from '../test-support/case-study-example';
import { buildReport } from './report';

/* The improvement report as a case study of one scenario against the as-is. */

const pages = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();
const report = (map: ProcessMap, scenario?: string) =>
  buildReport(map, analyze(map), FONTS, {
    date: '7 December 2026',
    ...(scenario === undefined ? {} : { scenario }),
  });
/** The text from the case study's first page on. */
const studyText = (text: string) => text.slice(text.indexOf('Case study Discharge before noon'));

describe.skipIf(!HAS_PDFTOTEXT)('the case study of a scenario', () => {
  const map = caseStudyExample();

  it('states the change list, the figures before and after, and the ideas with their votes', async () => {
    // when
    const pdf = await report(map, CASE_STUDY_ID);
    const text = flat(pdfText(pdf));
    const study = studyText(text);
    // then: the title page names it, and the decision is in the executive summary too
    expect(text).toContain('With the case study of “Discharge before noon”');
    expect(text).toContain('The proposal: Discharge before noon');
    expect(study).toContain('The decision in brief');
    // the change list, by step label
    expect(study).toContain('Steps added • “Deliver medicines to the ward” (Pharmacist)');
    expect(study).toContain('“TTO waits in pharmacy queue” (Pharmacist)');
    expect(study).toContain('“Fetch medicines from pharmacy” (Ward nurse)');
    expect(study).toContain(
      '“Book patient transport” moves from Discharge coordinator to Ward nurse',
    );
    expect(study).toContain('“Dispense TTO medicines”: wait before 2 h → 1 h');
    expect(study).toContain('Pharmacist: people 2 → 3');
    // each figure of the metric table, before and after, as the analysis gives them
    const before = analyze(map).metrics;
    const found = scenarioMap(map, CASE_STUDY_ID);
    if (!found.ok) throw new Error(found.message);
    const after = analyze(found.map).metrics;
    const formats = { hoursPerDay: 7.5, currency: 'GBP' };
    for (const d of METRIC_DESCRIPTORS) {
      const a = before[d.key];
      const b = after[d.key];
      if (a === null || b === null) continue;
      const row = `${d.label} ${formatValue(d.unit, a, formats)} ${formatValue(d.unit, b, formats)}`;
      expect(study).toContain(row);
    }
    expect(study).toMatch(/Lead time 3\.1 d 2 d −1\.1 d Better/);
    // the ideas it takes up, most votes first, and not the one it does not
    const ideas = study.slice(study.indexOf('The ideas it puts into practice'));
    expect(ideas).toMatch(
      /5 votes .*Book transport on the ward round.*4 votes .*ward pharmacist.*2 votes .*Pharmacy delivers/,
    );
    expect(ideas).not.toContain('Nurse-led discharge');
    // the simulated distributions of both, under one seed
    expect(study).toContain('Simulated lead times');
    expect(study).toMatch(/As-is: 9 in 10 within/);
    expect(study).toMatch(/To-be: 9 in 10 within/);
    // the scenario's map with its differences marked
    // (a step that moved lane and changed fields has two tags, the move whole, not cut short by
    // the fields)
    expect(study).toContain('Moved from Discharge coordinator');
    expect(study).not.toContain('Changed: moved from');
    expect(study).toMatch(/Changed: process time/);
    expect(study).toMatch(/New step/);
  }, 60_000);

  it('leaves a map without scenarios with the as-is report alone, and mentions scenarios it has', async () => {
    // given the same map with and without its scenario
    const { scenarios: _, ...plain } = map;
    // when
    const without = await report(plain);
    const asIsOnly = await report(map);
    const named = await report(map, CASE_STUDY_ID);
    // then: naming "as-is" is the as-is report, byte for byte
    expect(await report(plain, 'as-is')).toEqual(without);
    expect(flat(pdfText(without))).not.toContain('Case study');
    expect(flat(pdfText(without))).not.toContain('scenario');
    // the as-is report of a map with scenarios has the same pages, and says the scenarios exist
    expect(await pages(asIsOnly)).toBe(await pages(without));
    expect(flat(pdfText(asIsOnly))).toContain(
      'This map also holds a scenario of how the process could run (“Discharge before noon”)',
    );
    expect(flat(pdfText(asIsOnly))).not.toContain('The decision in brief');
    // the case study comes after the as-is pages
    expect(await pages(named)).toBeGreaterThan((await pages(without)) + 2);
  }, 60_000);

  it('is what renderExport makes of a report request naming the scenario', async () => {
    const out = await renderExport(
      map,
      { format: 'report', scenario: CASE_STUDY_ID, date: '7 December 2026' },
      { fonts: async () => FONTS },
    );
    expect(flat(pdfText(out.body))).toContain('Case study Discharge before noon');
  }, 60_000);

  it('refuses a scenario the map does not have, naming those it has', async () => {
    await expect(report(map, 'nope')).rejects.toMatchObject({
      code: 'unknown-scenario',
      message: expect.stringContaining('"noon"'),
    });
  });
});

/*
 * The words on the referral pair worked by hand (test-kit's scenario-maps.ts): the clerk keys
 * the referral in (10 min after 60 min in the tray) before the nurse checks it (5 min after 30);
 * the portal drops the keying and the referral arrives in the nurse's lane. Lead time 105 → 35
 * min, hands-on 15 → 5 min, cost £10 → £5 a case. Here the scenario is named "Portal" and the
 * idea it takes up has 3 votes.
 */
const referral = (settings: object = { currency: 'GBP' }): ProcessMap =>
  referralPairMap({ settings, idea: { votes: { ana: 2, ben: 1 } }, portal: { name: 'Portal' } });

describe.skipIf(!HAS_PDFTOTEXT)('the case study of a pair worked by hand', () => {
  it('says what changes and what it buys, with the figures worked out by hand', async () => {
    const map = referral();
    const text = flat(pdfText(await report(map, 'portal')));
    expect(text).toContain(
      '“Portal” removes 1 step and moves 1 to another role; it changes the number of people in 1 role.',
    );
    expect(text).toContain(
      `Per case it takes the lead time from ${formatMinutes(105, 7.5)} to 35 min (67% less), the staff’s hands-on time from 15 min to 5 min (67% less) and the staff cost from £10.00 to £5.00 (50% less).`,
    );
    expect(text).toContain('It puts one of the room’s ideas into practice (3 votes).');
    expect(text).toContain('Steps removed • “Key in” (Clerk)');
    expect(text).toContain('“Referral arrives” moves from Clerk to Nurse');
    expect(text).toContain('Clerk: people 2 → 1');
    expect(text).toContain('New: “Referral arrives” (Nurse) → “Check” (Nurse)');
    expect(text).toContain('Handoffs per case 1 0 −1 Better');
    // no demand: no simulation on either side
    expect(text).not.toContain('Simulated lead times');
  }, 60_000);

  it('says a role left with no work has no work left, not that it is better', async () => {
    const map = referral({ currency: 'GBP', demand: { count: 6, per: 'day' } });
    const text = flat(pdfText(await report(map, 'portal')));
    // The clerk keyed every referral in; the portal leaves the clerk nothing to do.
    expect(text).toMatch(/Clerk 2 → 1 10 min → 0 min [\d.]+% → 0% No work left/);
  }, 60_000);

  it('reads the same verdicts as the compare package', () => {
    const compared = compareScenarios(referral(), ['portal']);
    if (!compared.ok) throw new Error(compared.message);
    const [a, b] = compared.comparison.scenarios;
    const verdicts = metricChanges(a?.metrics.metrics as never, b?.metrics.metrics as never);
    expect(verdicts.find((m) => m.descriptor.key === 'leadTime')?.verdict).toBe('better');
  });
});

/** The referral pair with the scenario's "Check" changed (the nurse's load, the lead time). */
function referralWith(settings: object, check: { processTime?: number; waitTime?: number }) {
  const map = referral(settings);
  const [portal] = map.scenarios ?? [];
  if (!portal) throw new Error('the pair has its scenario');
  const steps = portal.steps.map((s) => (s.id === 'check' ? { ...s, ...check } : s));
  return { ...map, scenarios: [{ ...portal, steps }] } as ProcessMap;
}

/** The decision paragraph: from the proposal's heading to the note after it. */
const proposal = (text: string) =>
  text.slice(text.indexOf('The proposal:'), text.indexOf('Its case study follows'));

describe.skipIf(!HAS_PDFTOTEXT)('the costs the decision names beside the gains', () => {
  // 60 cases a day of 7.5 h: the nurse's 5 min a case is 60 × 5 / 450 = 67% of one person; the
  // clerks' 10 min is 60 × 10 / 900 = 67% of two.
  const demand = { currency: 'GBP', demand: { count: 60, per: 'day' } };

  it('names a role left with no work, without demand too', async () => {
    const text = proposal(flat(pdfText(await report(referral(), 'portal'))));
    expect(text).toContain('What it costs: the Clerk has no work left in this process.');
  }, 60_000);

  it('names a role near full and a role that cannot keep up, with both loads', async () => {
    // 7 min a case: 60 × 7 / 450 = 93%; 9 min a case: 120%
    const near = proposal(
      flat(pdfText(await report(referralWith(demand, { processTime: 7 }), 'portal'))),
    );
    expect(near).toContain(
      'What it costs: the Nurse is near full (93% busy, 67% today), so cases queue and the Clerk has no work left in this process.',
    );
    const over = proposal(
      flat(pdfText(await report(referralWith(demand, { processTime: 9 }), 'portal'))),
    );
    expect(over).toContain(
      'the Nurse cannot keep up (the demand needs 120% of their time, 67% today)',
    );
  }, 60_000);

  it('names a figure that gets worse, with its figures before and after', async () => {
    // the check waits 2 h instead of 30 min: lead time 0 + 120 + 5 = 125 min against 105
    const text = proposal(
      flat(pdfText(await report(referralWith({ currency: 'GBP' }, { waitTime: 120 }), 'portal'))),
    );
    const t = (m: number) => formatValue('duration', m, { hoursPerDay: 7.5 });
    expect(text).toContain(`What it costs: lead time rises from ${t(105)} to ${t(125)}`);
    expect(text).toContain('waiting rises from');
  }, 60_000);

  it('sets the simulated slow cases beside the lead time on paper, with the figures compare --simulate gives and their cause', async () => {
    const map = referralWith(demand, { processTime: 7 });
    const full = flat(pdfText(await report(map, 'portal')));
    const text = proposal(full);
    // the same run as `procmap compare --simulate` and the Compare view: its defaults, one seed
    const compared = compareScenarios(map, ['portal']);
    if (!compared.ok) throw new Error(compared.message);
    const [asIs, toBe] = simulateComparison(compared.maps);
    if (!asIs?.ok || !toBe?.ok) throw new Error('both simulate');
    const t = (m: number) => formatValue('duration', m, { hoursPerDay: 7.5 });
    expect(text).toContain(
      `On paper a case takes ${t(37)}, but simulated under the demand 9 in 10 cases take up to ${t(toBe.result.leadTime.p90)} (against ${t(asIs.result.leadTime.p90)} today), because cases queue for the Nurse, the busiest role (`,
    );
    // the same size of run, said where the spreads are drawn
    expect(full).toContain(
      `${toBe.result.cases.toLocaleString('en-GB')} cases × ${toBe.result.replications} runs each`,
    );
  }, 60_000);

  it('says so when nothing gets worse', async () => {
    const text = proposal(flat(pdfText(await report(caseStudyExample(), CASE_STUDY_ID))));
    expect(text).toContain('No figure gets worse and no role is left near full.');
  }, 60_000);
});

describe('the as-is fixture', () => {
  it('is the hospital discharge template with a scenario added', () => {
    const map = caseStudyExample();
    expect(map.steps).toEqual(hospitalDischarge().steps);
    expect(map.scenarios?.map((s) => s.id)).toEqual([CASE_STUDY_ID]);
  });
});
