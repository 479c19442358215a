import {
  ACTIVITIES,
  COMMENT_KINDS,
  DEMAND_PERIODS,
  MAX_LABEL_LENGTH,
  STEP_KINDS,
  VALUE_CLASSES,
  WASTES,
} from '@procmap/model';
import { DocError } from './errors';

/*
 * Commands check the values they are given, so the local user cannot write what the file
 * format would reject. Remote and foreign writes are not checked here: normalize() and the
 * server's validation deal with those.
 */

type Check = (value: unknown) => boolean;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonNegative: Check = (v) => finite(v) && v >= 0;
const positive: Check = (v) => finite(v) && v > 0;
const share: Check = (v) => finite(v) && v >= 0 && v <= 1;
const text: Check = (v) => typeof v === 'string';
const oneOf =
  (list: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && list.includes(v);
const tags: Check = (v) => Array.isArray(v) && v.every((t) => typeof t === 'string');
const point: Check = (v) =>
  typeof v === 'object' &&
  v !== null &&
  finite((v as { x: unknown }).x) &&
  finite((v as { y: unknown }).y);

/** A name: a step's or flow's label, a lane's name, the map's title (MAX_LABEL_LENGTH). */
const name: Check = (v) => typeof v === 'string' && v.length <= MAX_LABEL_LENGTH;

const RULES: Record<string, [Check, string]> = {
  name: [name, `text of at most ${MAX_LABEL_LENGTH} characters`],
  label: [name, `text of at most ${MAX_LABEL_LENGTH} characters`],
  notes: [text, 'text'],
  color: [text, 'text'],
  text: [text, 'text'],
  author: [text, 'text'],
  title: [name, `text of at most ${MAX_LABEL_LENGTH} characters`],
  description: [text, 'text'],
  currency: [text, 'text'],
  order: [finite, 'a number'],
  headcount: [nonNegative, 'a number of at least 0'],
  hourlyCost: [nonNegative, 'a number of at least 0'],
  processTime: [nonNegative, 'minutes, at least 0'],
  waitTime: [nonNegative, 'minutes, at least 0'],
  batchSize: [positive, 'a number above 0'],
  completeAccurate: [share, 'a share between 0 and 1'],
  probability: [share, 'a probability between 0 and 1'],
  kind: [oneOf([...STEP_KINDS, ...COMMENT_KINDS]), 'a known kind'],
  valueClass: [oneOf(VALUE_CLASSES), VALUE_CLASSES.join(', ')],
  activity: [oneOf(ACTIVITIES), ACTIVITIES.join(', ')],
  waste: [oneOf(WASTES), WASTES.join(', ')],
  dataEntered: [tags, 'a list of text'],
  systems: [tags, 'a list of text'],
  position: [point, 'an { x, y } point'],
  resolved: [(v) => typeof v === 'boolean', 'true or false'],
  hoursPerDay: [(v) => positive(v) && (v as number) <= 24, 'hours between 0 and 24'],
  daysPerWeek: [(v) => positive(v) && (v as number) <= 7, 'days between 0 and 7'],
  votesPerPerson: [
    (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 99,
    'a whole number from 0 to 99',
  ],
  demand: [
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      nonNegative((v as { count: unknown }).count) &&
      oneOf(DEMAND_PERIODS)((v as { per: unknown }).per),
    `{ count, per: ${DEMAND_PERIODS.join(' | ')} }`,
  ],
};

/** Throws a DocError for the first field of a patch whose value the format would reject. */
export function checkFields(patch: object): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const rule = RULES[key];
    if (rule && !rule[0](value)) {
      const got =
        typeof value === 'string' && value.length > 80
          ? `${value.length.toLocaleString('en-GB')} characters`
          : JSON.stringify(value);
      throw new DocError('invalid-value', `${key} must be ${rule[1]}, got ${got}`);
    }
  }
}

/** Checks a step kind or comment kind against its own list. */
export function checkKind(kind: unknown, list: readonly string[], what: string): void {
  if (kind !== undefined && !oneOf(list)(kind)) {
    throw new DocError('invalid-value', `Unknown ${what} kind ${JSON.stringify(kind)}`);
  }
}
