import { type AnalysisResult, type Finding, formatMinutes, RULE_LABELS } from '@procmap/analysis';
import { type Comment, indexMap, type ProcessMap, resolveSettings } from '@procmap/model';
import { cleanText } from '../text';
import { commentVotes } from './votes';

/*
 * The executive summary that opens the improvement report: for the reader with five minutes.
 * The largest gains in plain words, what the room voted for, and what is still open.
 */

/** How many gains, votes and questions the summary names at most. */
const GAINS = 3;
const VOTED = 3;
const QUESTIONS = 5;

export interface ExecutiveSummary {
  /** One sentence on the whole: lead time and what the findings could give back. */
  readonly headline: string;
  /** The largest gains, largest first, each a sentence. */
  readonly gains: readonly string[];
  /** The pain points and ideas with the most votes, each a sentence. */
  readonly voted: readonly string[];
  /** Questions raised on the map and not resolved, each a sentence. */
  readonly questions: readonly string[];
  /** Questions beyond those listed. */
  readonly moreQuestions: number;
}

/** What a finding is about, by its steps: `at “Book clinic”` or `across 5 steps`. */
function where(f: Finding, label: (id: string) => string): string {
  if (f.stepIds.length === 0) return '';
  if (f.stepIds.length === 1) return ` at ${label(f.stepIds[0] as string)}`;
  if (f.stepIds.length <= 3) {
    const names = f.stepIds.map(label);
    return ` at ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return ` across ${f.stepIds.length} steps`;
}

/** Builds the summary of one analysed map. */
export function executiveSummary(map: ProcessMap, analysis: AnalysisResult): ExecutiveSummary {
  const settings = resolveSettings(map);
  const time = (m: number) => formatMinutes(m, settings.hoursPerDay);
  const index = indexMap(map);
  const label = (id: string) =>
    `“${cleanText(index.step(id as never)?.label ?? '') || 'an unnamed step'}”`;
  const m = analysis.metrics;

  const total = analysis.findings.reduce((t, f) => t + f.uniqueTimeAtStake, 0);
  const headline =
    total > 0
      ? `One case takes ${time(m.leadTime)} from start to finish. Removing the waste found would save up to ${time(total)} of that (time two findings share is counted once).`
      : `One case takes ${time(m.leadTime)} from start to finish. The analysis found no time to gain on the map as drawn.`;

  // The largest gains, in the order the findings list them (largest time at stake first), so
  // the summary, the findings and the figures agree on what matters most. A finding whose time
  // a larger one already counts in full (the same queue seen twice) adds nothing new: left out.
  const ranked = analysis.findings
    .map((f, order) => ({ f, order }))
    .filter(({ f }) => f.uniqueTimeAtStake > 0)
    .sort((a, b) => b.f.timeAtStake - a.f.timeAtStake || a.order - b.order)
    .slice(0, GAINS);
  const gains = ranked.map(({ f }) => {
    const shared =
      f.uniqueTimeAtStake < f.timeAtStake
        ? ` (${time(f.uniqueTimeAtStake)} of it not counted in a larger gain)`
        : '';
    return `${RULE_LABELS[f.rule]}${where(f, label)}: up to ${time(f.timeAtStake)} a case${shared}. ${cleanText(f.message)}`;
  });

  const comments: readonly Comment[] = Array.isArray(map.comments) ? map.comments : [];
  const step = (c: Comment) =>
    typeof c.targetId === 'string' && index.step(c.targetId as never) ? label(c.targetId) : '';
  const target = (c: Comment) => (step(c) ? ` (on ${step(c)})` : '');
  const voted = comments
    .map((c, order) => ({ c, order, votes: commentVotes(c) ?? 0 }))
    .filter(({ c, votes }) => (c.kind === 'pain-point' || c.kind === 'idea') && votes > 0)
    .filter(({ c }) => c.resolved !== true)
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
    .slice(0, VOTED)
    .map(
      ({ c, votes }) =>
        `${c.kind === 'idea' ? 'Idea' : 'Pain point'}, ${votes} ${votes === 1 ? 'vote' : 'votes'}: “${cleanText(c.text)}”${target(c)}.`,
    );

  const open = comments.filter((c) => c.kind === 'question' && c.resolved !== true);
  const questions = open
    .slice(0, QUESTIONS)
    .map(
      (c) =>
        `“${cleanText(c.text)}” (asked${c.author ? ` by ${cleanText(c.author)}` : ''}${step(c) ? ` on ${step(c)}` : ''}).`,
    );
  return { headline, gains, voted, questions, moreQuestions: open.length - questions.length };
}
