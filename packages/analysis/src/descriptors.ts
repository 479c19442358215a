import { shortLabel } from '@procmap/model';
import { formatMinutes, formatMoney, formatNumber, formatShare } from './format';
import type { BottleneckMetric, Metrics, RuleId } from './types';

/*
 * What each headline metric is called, in what unit it is written and what it means: the editor's
 * Analysis tab, `procmap analyze` and the improvement report all read these, so a figure has one
 * name and one look wherever it appears.
 */

/** The headline metrics that are one number. */
export type MetricKey =
  | 'leadTime'
  | 'processTime'
  | 'waitTime'
  | 'valueAddedTime'
  | 'processCycleEfficiency'
  | 'activityRatio'
  | 'handoffs'
  | 'rolledCompleteAccurate'
  | 'costPerCase'
  | 'taktTime'
  | 'casesInProgress';

/** How a metric's number is written: minutes as a duration, a share as a percentage... */
export type MetricUnit = 'duration' | 'share' | 'money' | 'number';

export interface MetricDescriptor {
  readonly key: MetricKey;
  /** The name people read: "Lead time", "Right first time". */
  readonly label: string;
  readonly unit: MetricUnit;
  /** One short line: a tooltip, a column note. */
  readonly hint: string;
  /** What the figure means, for a reader who was not in the room. */
  readonly meaning: string;
  /** Why there can be no figure: "no demand given". */
  readonly missing: string;
  /**
   * Which way is an improvement when a to-be is compared with the as-is: less lead time, more
   * right first time. Null where a change is neither (takt time follows demand; hands-on work
   * that adds value is what the person served asks for).
   */
  readonly better: 'lower' | 'higher' | null;
}

/** What the formatters need from the map's settings. */
export interface FormatSettings {
  readonly hoursPerDay: number;
  readonly currency?: string;
}

/** Every headline metric, in the order they are shown. */
export const METRIC_DESCRIPTORS: readonly MetricDescriptor[] = [
  {
    key: 'leadTime',
    label: 'Lead time',
    unit: 'duration',
    hint: 'End to end, per case, waiting included',
    meaning:
      'How long one case takes from the first step to the last, waiting included. This is what the person we serve experiences.',
    missing: 'no steps',
    better: 'lower',
  },
  {
    key: 'processTime',
    label: 'Hands-on work',
    unit: 'duration',
    hint: 'Time staff spend working on one case',
    meaning:
      'The time staff actually spend working on one case. The rest of the lead time is waiting.',
    missing: 'no steps',
    better: 'lower',
  },
  {
    key: 'waitTime',
    label: 'Waiting',
    unit: 'duration',
    hint: 'Time a case waits before steps start',
    meaning: 'Time a case spends waiting before steps start: queues, batches, letters in the post.',
    missing: 'no steps',
    better: 'lower',
  },
  {
    key: 'valueAddedTime',
    label: 'Work that adds value',
    unit: 'duration',
    hint: 'Hands-on time on value-adding steps',
    meaning:
      'Hands-on time on steps marked as value-adding: what the person we serve would pay for.',
    missing: 'no steps',
    better: null,
  },
  {
    key: 'processCycleEfficiency',
    label: 'Process cycle efficiency',
    unit: 'share',
    hint: 'Work that adds value ÷ lead time',
    meaning:
      'Share of the lead time that adds value. Services often sit below 10%; each point gained is time given back.',
    missing: 'mark which steps add value to see it',
    better: 'higher',
  },
  {
    key: 'activityRatio',
    label: 'Activity ratio',
    unit: 'share',
    hint: 'Hands-on work ÷ lead time',
    meaning: 'Share of the lead time in which someone is working on the case at all.',
    missing: 'no lead time',
    better: 'higher',
  },
  {
    key: 'handoffs',
    label: 'Handoffs per case',
    unit: 'number',
    hint: 'Times a case changes hands between roles, on average',
    meaning:
      'How many times a case passes from one role to another. Each handoff is a chance for delay, loss or re-keying.',
    missing: 'no flows',
    better: 'lower',
  },
  {
    key: 'rolledCompleteAccurate',
    label: 'Right first time',
    unit: 'share',
    hint: 'Share of cases complete and accurate at every step (rolled %C&A)',
    meaning: 'Share of cases that get through every step without needing correction or going back.',
    missing: 'no step says how often its input is complete and accurate',
    better: 'higher',
  },
  {
    key: 'costPerCase',
    label: 'Staff cost per case',
    unit: 'money',
    hint: 'Hands-on time priced at each role’s hourly cost',
    meaning: 'Hands-on time priced at each role’s hourly cost.',
    missing: 'no hourly costs given',
    better: 'lower',
  },
  {
    key: 'taktTime',
    label: 'Takt time',
    unit: 'duration',
    hint: 'How often a case must be finished to keep pace with demand',
    meaning:
      'How often one case must be finished to keep pace with demand. A step slower than this builds a queue.',
    missing: 'no demand given',
    better: null,
  },
  {
    key: 'casesInProgress',
    label: 'Cases in progress',
    unit: 'number',
    hint: 'Cases under way at any moment (demand × lead time)',
    meaning: 'Cases under way at any moment: demand × lead time (Little’s law).',
    missing: 'no demand given',
    better: 'lower',
  },
];

/** The descriptor of one metric. */
export function metricDescriptor(key: MetricKey): MetricDescriptor {
  return METRIC_DESCRIPTORS.find((d) => d.key === key) as MetricDescriptor;
}

/** A number written in a unit: the one formatter for every figure the product shows. */
export function formatValue(unit: MetricUnit, value: number, settings: FormatSettings): string {
  switch (unit) {
    case 'duration':
      return formatMinutes(value, settings.hoursPerDay);
    case 'share':
      return formatShare(value);
    case 'money':
      return formatMoney(value, settings.currency);
    default:
      return formatNumber(value);
  }
}

/** One metric's figure, written as everywhere else; null when the map cannot give it. */
export function formatMetric(
  metrics: Metrics,
  key: MetricKey,
  settings: FormatSettings,
): string | null {
  const value = metrics[key];
  if (value === null || !Number.isFinite(value)) return null;
  return formatValue(metricDescriptor(key).unit, value, settings);
}

/**
 * The bottleneck in words: `Consultant (107% utilised), at "Clinic consultation"`; without demand
 * figures, the step with the longest own time and its role.
 */
export function describeBottleneck(b: BottleneckMetric): string {
  const step = b.label.trim() === '' ? 'an unnamed step' : `“${shortLabel(b.label)}”`;
  const role =
    b.roleName.trim() === '' ? (b.roleId ?? 'a step without a role') : shortLabel(b.roleName);
  if (b.basis === 'utilisation' && b.utilisation !== null) {
    return `${role} (${formatShare(b.utilisation)} utilised), at ${step}`;
  }
  return `${step} (${role}): the longest step; add demand and headcounts to find the busiest role`;
}

/** Each rule's name as people say it, for lists of findings. */
export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'long-wait': 'Long wait',
  bottleneck: 'Bottleneck',
  'slower-than-takt': 'Slower than demand',
  handoff: 'Handoffs',
  'ping-pong': 'Work going back and forth',
  'rework-loop': 'Rework',
  'low-complete-accurate': 'Not right first time',
  'duplicate-data-entry': 'Data keyed in twice',
  'duplicate-step': 'The same step twice',
  'approval-chain': 'Sign-offs',
  batching: 'Batching',
  'non-value-adding': 'Work that adds no value',
  'unused-skills': 'Skills not used',
  'missing-data': 'Gap in the map',
  unreachable: 'Steps no case reaches',
  'dead-end': 'Dead end',
};
