/**
 * Durations as people type them or paste them from a sheet (`10`, `10m`, `2h`, `1.5d`, `1h 30m`,
 * `0:45`, `1:30:00`, `45 s`, `1 wk`, `1,5 h`), stored in minutes.
 */

export type DurationResult =
  | { readonly ok: true; readonly minutes: number }
  | { readonly ok: false; readonly message: string };

export interface DurationSettings {
  /** Working hours in one day: `1d` is this many hours. */
  readonly hoursPerDay: number;
  /** Working days in one week: `1 wk` is this many days; 5 when not given. */
  readonly daysPerWeek?: number;
}

type Unit = 's' | 'min' | 'h' | 'd' | 'w';

const UNITS: Readonly<Record<string, Unit>> = {
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'min',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
};

const DEFAULT_DAYS_PER_WEEK = 5;
const PART = /\s*(-?)(\d+(?:\.\d+)?|\.\d+)(?![.\d])\s*([a-z]*)\s*/iy;
/** Hours and minutes as a clock shows them, `0:45`, `00:30`, `1:30:00`. */
const CLOCK = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;
const HINT = 'Type minutes, hours, days or weeks, e.g. 10, 10m, 2h, 1.5d, 1h 30m, 0:45 or 1 wk';

/** Rounds away floating-point noise (0.1 h is 6 minutes, not 6.000000000000001). */
function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * `1,5` is one and a half when it is the text's only comma, as a sheet in many languages writes
 * it; `1,500` could as well be fifteen hundred, so it is not read at all.
 */
function decimalComma(input: string): string | undefined {
  const commas = input.split(',').length - 1;
  if (commas === 0) return input;
  if (commas > 1) return undefined;
  const at = /(\d+),(\d+)/.exec(input);
  if (!at) return undefined;
  const [, whole = '', fraction = ''] = at;
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return undefined;
  return input.replace(',', '.');
}

/** Parses a typed duration into minutes; a bare number is minutes, `d` is `hoursPerDay` hours. */
export function parseDuration(text: string, settings: DurationSettings): DurationResult {
  const typed = text.trim();
  if (typed === '') return { ok: false, message: `Enter a duration. ${HINT}.` };
  if (/^-|\s-/.test(typed)) return { ok: false, message: 'A duration cannot be negative.' };
  const input = decimalComma(typed);
  if (input === undefined) {
    return {
      ok: false,
      message: `"${typed}" is not a duration: write a decimal with a dot (1.5) and no thousands separator.`,
    };
  }
  const clock = CLOCK.exec(input);
  if (clock) {
    const [, h, m, sec] = clock;
    return { ok: true, minutes: clean(Number(h) * 60 + Number(m) + Number(sec ?? 0) / 60) };
  }
  let total = 0;
  let at = 0;
  let parts = 0;
  while (at < input.length) {
    PART.lastIndex = at;
    const match = PART.exec(input);
    if (!match || match[0].length === 0) {
      return { ok: false, message: `"${typed}" is not a duration. ${HINT}.` };
    }
    const [, minus, digits, rawUnit] = match;
    if (minus) return { ok: false, message: 'A duration cannot be negative.' };
    const unitText = (rawUnit ?? '').toLowerCase();
    const unit =
      unitText === '' ? 'min' : Object.hasOwn(UNITS, unitText) ? UNITS[unitText] : undefined;
    if (!unit) {
      return { ok: false, message: `Unknown unit "${rawUnit}": use s, min, h, d or wk.` };
    }
    if (unitText === '' && parts > 0) {
      return { ok: false, message: `Give every part a unit, e.g. 1h 30m. ${HINT}.` };
    }
    if ((unit === 'd' || unit === 'w') && !(settings.hoursPerDay > 0)) {
      return { ok: false, message: 'Days need the map to have hours per day above 0.' };
    }
    total += Number(digits) * minutesIn(unit, settings);
    at += match[0].length;
    parts += 1;
  }
  if (!Number.isFinite(total)) return { ok: false, message: 'That duration is too large.' };
  return { ok: true, minutes: clean(total) };
}

function minutesIn(unit: Unit, settings: DurationSettings): number {
  if (unit === 's') return 1 / 60;
  if (unit === 'min') return 1;
  if (unit === 'h') return 60;
  const day = settings.hoursPerDay * 60;
  if (unit === 'd') return day;
  const week = settings.daysPerWeek;
  return day * (week !== undefined && week > 0 ? week : DEFAULT_DAYS_PER_WEEK);
}

/** A number with at most two decimals, without trailing zeros. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Whether `n` is shown exactly with at most two decimals. */
function exact(n: number): boolean {
  return Math.abs(Math.round(n * 100) / 100 - n) < 1e-9;
}

/** A friendly duration: `45 min`, `2 h`, `1 h 30 min`, `1.5 d` (days of `hoursPerDay`). */
export function formatDuration(minutes: number, settings: DurationSettings): string {
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 60) return `${num(minutes)} min`;
  const day = settings.hoursPerDay * 60;
  if (day > 0 && minutes >= day && exact(minutes / day)) return `${num(minutes / day)} d`;
  const hours = Math.floor(minutes / 60);
  const rest = clean(minutes - hours * 60);
  if (rest === 0) return `${hours} h`;
  return `${hours} h ${num(rest)} min`;
}

/**
 * A duration for reading at a glance, as the analysis and the report show it: "8 min",
 * "3.5 h", "2.1 d" (working days of `hoursPerDay`), one decimal at most.
 */
export function roundedDuration(minutes: number, hoursPerDay: number): string {
  if (!Number.isFinite(minutes)) return 'n/a';
  if (minutes === 0) return '0 min';
  if (minutes > 0 && minutes < 1) return '< 1 min';
  const one = (n: number) => String(Math.round(n * 10) / 10);
  if (minutes < 60) return `${one(minutes)} min`;
  const day = hoursPerDay * 60;
  if (day > 0 && minutes >= day) return `${one(minutes / day)} d`;
  return `${one(minutes / 60)} h`;
}

/**
 * A step's times at a glance, as the canvas and the exports show them on the step ("10 min ·
 * waits 2 d", rounded as the analysis rounds them), or undefined when it has none.
 */
export function formatStepTimes(
  step: { readonly processTime?: number; readonly waitTime?: number },
  hoursPerDay: number,
): string | undefined {
  const parts: string[] = [];
  if (step.processTime !== undefined) parts.push(roundedDuration(step.processTime, hoursPerDay));
  if (step.waitTime !== undefined && step.waitTime > 0) {
    parts.push(`waits ${roundedDuration(step.waitTime, hoursPerDay)}`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
