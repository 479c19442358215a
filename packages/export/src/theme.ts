import type { StepKind } from '@procmap/model';
import type { Paint } from './scene';

/*
 * The canvas theme (apps/web editor.css), as values: the exports look like the editor.
 */

export const INK = '#1d2733';
export const INK_MUTED = '#556270';
export const PAPER = '#f6f7f9';
export const SURFACE = '#ffffff';
export const LINE = '#d5dbe2';
export const ACCENT = '#2457c5';
export const DANGER = '#b42318';
export const OK = '#1f7a4d';
export const WARN = '#9a5b00';

/** Comment markers: pain points red, ideas green, questions and notes grey. */
export const PAIN = DANGER;
export const IDEA = OK;
export const NOTE = INK_MUTED;

/** Finding badges by severity. */
export const SEVERITY_COLOR = { info: INK_MUTED, warning: WARN, critical: DANGER } as const;

/** How a step of each kind is filled and outlined. */
export const STEP_PAINT: Readonly<Record<StepKind, Paint>> = {
  start: { fill: '#eef8f2', stroke: OK, strokeWidth: 2 },
  task: { fill: SURFACE, stroke: '#4a5868', strokeWidth: 2 },
  decision: { fill: '#f3f0fb', stroke: '#5b3fa6', strokeWidth: 2 },
  delay: { fill: '#fff8eb', stroke: WARN, strokeWidth: 2 },
  end: { fill: '#eef0f3', stroke: INK, strokeWidth: 3 },
};

export const FLOW_PAINT: Paint = { stroke: '#4a5868', strokeWidth: 2 };
export const HANDOFF_PAINT: Paint = { stroke: ACCENT, strokeWidth: 2, dash: [8, 6] };

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour from the map as `#rrggbb`, or `fallback` when it is anything else. */
export function safeColor(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !HEX.test(value.trim())) return fallback;
  const v = value.trim().toLowerCase();
  return v.length === 4 ? `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}` : v;
}

/** `share` of colour `a` mixed into `b` (like CSS color-mix in srgb). */
export function mix(a: string, share: number, b: string): string {
  const ch = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  let out = '#';
  for (let i = 0; i < 3; i++) {
    const v = Math.round(ch(a, i) * share + ch(b, i) * (1 - share));
    out += v.toString(16).padStart(2, '0');
  }
  return out;
}
