/*
 * Times as people write them in a sheet: "10", "10 min", "2 h", "1.5 hours", "3 d", "1h 30m",
 * "00:30" (hours and minutes), "1:30:00", "45 s", "1 wk", "1,5 h" in a semicolon file, and the
 * units in French, German, Spanish and Dutch ("2 jours", "3 Std", "1 semana"). A bare number
 * takes the unit the caller chose for its column, else the one its header names ("Wait (days)",
 * "Attente (jours)"), else minutes. A day is the
 * map's working day (hoursPerDay, 7.5 h by default) and a week its working week.
 */

export type TimeUnit = 's' | 'min' | 'h' | 'd' | 'w';

export const TIME_UNITS: readonly TimeUnit[] = ['s', 'min', 'h', 'd', 'w'];

export const isTimeUnit = (value: unknown): value is TimeUnit =>
  typeof value === 'string' && (TIME_UNITS as readonly string[]).includes(value);

/** Unit words in English, French, German, Spanish and Dutch, lower case without accents. */
const UNIT_WORDS: Readonly<Record<string, TimeUnit>> = {
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  seconde: 's',
  secondes: 's',
  sek: 's',
  sekunde: 's',
  sekunden: 's',
  segundo: 's',
  segundos: 's',
  seconden: 's',
  m: 'min',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  minuten: 'min',
  minuto: 'min',
  minutos: 'min',
  minuut: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  heure: 'h',
  heures: 'h',
  std: 'h',
  stunde: 'h',
  stunden: 'h',
  hora: 'h',
  horas: 'h',
  u: 'h',
  uur: 'h',
  uren: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  j: 'd',
  jour: 'd',
  jours: 'd',
  tag: 'd',
  tage: 'd',
  tagen: 'd',
  dia: 'd',
  dias: 'd',
  dag: 'd',
  dagen: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  sem: 'w',
  semaine: 'w',
  semaines: 'w',
  woche: 'w',
  wochen: 'w',
  semana: 'w',
  semanas: 'w',
  weken: 'w',
};

/** Every unit word, longest first, for the header patterns. */
export const UNIT_WORD_LIST: readonly string[] = Object.keys(UNIT_WORDS).sort(
  (a, b) => b.length - a.length,
);

/** A word compared: lower case, without accents ("días" is "dias"). */
const plain = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .trim()
    .toLowerCase();

/** The unit a word names ("hrs", "Minutes"), if any. */
export function unitOf(word: string): TimeUnit | undefined {
  const key = plain(word);
  return Object.hasOwn(UNIT_WORDS, key) ? UNIT_WORDS[key] : undefined;
}

export interface TimeSettings {
  readonly hoursPerDay: number;
  readonly daysPerWeek: number;
  /** Whether "1,5" is one and a half (a file whose cells are not split on commas). */
  readonly decimalComma: boolean;
}

export type TimeResult = { readonly ok: true; readonly minutes: number } | { readonly ok: false };

function minutesPer(unit: TimeUnit, s: TimeSettings): number {
  if (unit === 's') return 1 / 60;
  if (unit === 'min') return 1;
  if (unit === 'h') return 60;
  if (unit === 'd') return s.hoursPerDay * 60;
  return s.hoursPerDay * 60 * s.daysPerWeek;
}

const CLOCK = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;
const NUMBER = '((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[+-]?\\d+)?)';
const PART = new RegExp(`\\s*${NUMBER}\\s*(\\p{L}*)\\.?\\s*`, 'iyu');

const clean = (n: number) => Math.round(n * 1e6) / 1e6;

/** Minutes from a time cell, or not ok; an empty cell is for the caller to skip. */
export function parseTime(
  cell: string,
  columnUnit: TimeUnit | undefined,
  settings: TimeSettings,
): TimeResult {
  let text = cell.trim().toLowerCase();
  if (settings.decimalComma) text = text.replace(/(\d),(\d)/g, '$1.$2');
  const clock = CLOCK.exec(text);
  if (clock) {
    const [, h, m, sec] = clock;
    return { ok: true, minutes: clean(Number(h) * 60 + Number(m) + Number(sec ?? 0) / 60) };
  }
  let total = 0;
  let at = 0;
  let parts = 0;
  while (at < text.length) {
    PART.lastIndex = at;
    const match = PART.exec(text);
    if (!match || match[0].length === 0) return { ok: false };
    const word = match[2] ?? '';
    const unit = word === '' ? (parts === 0 ? (columnUnit ?? 'min') : undefined) : unitOf(word);
    if (!unit) return { ok: false };
    total += Number(match[1]) * minutesPer(unit, settings);
    at += match[0].length;
    parts += 1;
  }
  if (parts === 0 || !Number.isFinite(total)) return { ok: false };
  return { ok: true, minutes: clean(total) };
}
