import { type FormatSettings, formatValue, type MetricKey } from '@procmap/analysis';
import type { MetricChange } from '@procmap/compare';
import type { CaseStudy } from './case-study-data';
import { costsSentence, list, simulatedSentence } from './decision-risks';

/*
 * The decision in one paragraph, for the reader with five minutes: what the scenario changes,
 * and what it buys per case in lead time, staff time and staff cost, with the figures before
 * and after; beside that what it costs (`decision-risks.ts`); what simulation adds; which of the
 * room's ideas it takes up.
 */

/** The figures the paragraph names, in its order, each with the words it goes by. */
const BOUGHT: readonly [MetricKey, string][] = [
  ['leadTime', 'the lead time'],
  ['processTime', 'the staff’s hands-on time'],
  ['costPerCase', 'the staff cost'],
];

/** The paragraph stating the decision a case study asks for. */
export function decisionParagraph(study: CaseStudy, formats: FormatSettings): string {
  const sentences = [whatChanges(study)];
  const bought = BOUGHT.map(([key, words]) => figureMove(study.metrics, key, words, formats));
  const named = bought.filter((s): s is string => s !== undefined);
  if (named.length > 0) sentences.push(`Per case it takes ${list(named)}.`);
  sentences.push(costsSentence(study, formats));
  const simulated = simulatedSentence(study, formats);
  if (simulated) sentences.push(simulated);
  sentences.push(ideasSentence(study));
  return sentences.join(' ');
}

/** "“X” changes the process in 5 places: it adds 1 step, removes 2, …". */
function whatChanges({ name, changes }: CaseStudy): string {
  const steps = changes.steps;
  const moved = steps.changed.filter((c) => c.fields.includes('roleId')).length;
  const otherwise = steps.changed.length - moved;
  // "step" is said once, with the first number: "adds 1 step, removes 2, moves 1 to another role".
  const parts: string[] = [];
  const said = (n: number) => (parts.length === 0 ? count(n, 'step') : n.toLocaleString('en-GB'));
  if (steps.added.length > 0) parts.push(`adds ${said(steps.added.length)}`);
  if (steps.removed.length > 0) parts.push(`removes ${said(steps.removed.length)}`);
  if (moved > 0) parts.push(`moves ${said(moved)} to another role`);
  if (otherwise > 0)
    parts.push(`changes ${parts.length === 0 ? count(otherwise, 'step') : `${otherwise} more`}`);
  const roles = changes.roles;
  const restaffed = roles.changed.filter((r) => r.fields.includes('headcount')).length;
  const roleParts = [
    roles.added.length > 0 ? `brings in ${count(roles.added.length, 'new role')}` : '',
    roles.removed.length > 0 ? `leaves out ${count(roles.removed.length, 'role')}` : '',
    restaffed > 0 ? `changes the number of people in ${count(restaffed, 'role')}` : '',
    roles.changed.length > restaffed
      ? `changes ${count(roles.changed.length - restaffed, 'role')} otherwise`
      : '',
  ].filter(Boolean);
  const roleWords = roleParts.length > 0 ? `it ${list(roleParts)}` : '';
  if (parts.length === 0 && roleWords)
    return `“${name}” keeps the steps of the as-is; ${roleWords}.`;
  if (roleWords) return `“${name}” ${list(parts)}; ${roleWords}.`;
  if (parts.length === 0) {
    const flows = changes.flows.added.length + changes.flows.removed.length;
    return flows > 0
      ? `“${name}” keeps every step of the as-is and re-routes ${count(flows, 'flow')}.`
      : `“${name}” is the as-is unchanged.`;
  }
  return `“${name}” ${list(parts)}.`;
}

/** "the lead time from 4.2 d to 1.5 d (64% less)", or undefined when a figure is missing. */
function figureMove(
  metrics: readonly MetricChange[],
  key: MetricKey,
  words: string,
  formats: FormatSettings,
): string | undefined {
  const m = metrics.find((x) => x.descriptor.key === key);
  if (!m || m.before === null || m.after === null) return undefined;
  const before = show(m, m.before, formats);
  const after = show(m, m.after, formats);
  if (m.verdict === 'same' || before === after) return `${words} unchanged at ${after}`;
  const share =
    m.before === 0
      ? ''
      : ` (${Math.round((Math.abs(m.after - m.before) / m.before) * 100)}% ${m.after < m.before ? 'less' : 'more'})`;
  return `${words} from ${before} to ${after}${share}`;
}

/** "It puts 2 of the room’s ideas into practice (7 votes between them)." */
function ideasSentence({ ideas }: CaseStudy): string {
  if (ideas.length === 0) return 'It names none of the room’s ideas as ones it puts into practice.';
  const votes = ideas.reduce((n, i) => n + (i.votes ?? 0), 0);
  const which =
    ideas.length === 1 ? 'one of the room’s ideas' : `${ideas.length} of the room’s ideas`;
  const between = ideas.length === 1 ? '' : ' between them';
  return `It puts ${which} into practice (${count(votes, 'vote')}${between}).`;
}

function show(m: MetricChange, value: number | null, formats: FormatSettings): string {
  return value === null ? 'n/a' : formatValue(m.descriptor.unit, value, formats);
}

const count = (n: number, noun: string) =>
  `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
