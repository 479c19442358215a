import type { RoleResult, SimulationWarning } from '@procmap/simulation';
import type { Item } from '../scene';
import { ACCENT, DANGER, INK, INK_MUTED, LINE, SURFACE, WARN } from '../theme';
import { cleanText, truncate, wrapText } from '../text';
import { textRun } from './text-run';

/*
 * One bar per role: how much of its people's time the simulated cases kept them busy. A role
 * that cannot keep up is drawn red *and* says so in words beside its bar, so the page reads the
 * same in grey print and to someone who does not tell red from green.
 */

const SIZE = 9;
const LINE_H = SIZE * 1.35;

/** How a role fares, in the words printed beside its bar. */
export type RoleStanding = 'overloaded' | 'near-limit' | 'has-room' | 'unlimited';

/** A role is overloaded when the run warns so; near its limit from 85% busy. */
export function roleStanding(
  role: RoleResult,
  warnings: readonly SimulationWarning[],
): RoleStanding {
  if (warnings.some((w) => w.code === 'overloaded' && w.roleId === role.id)) return 'overloaded';
  if (role.utilisation === null) return 'unlimited';
  return role.utilisation >= 0.85 ? 'near-limit' : 'has-room';
}

const STANDING: Readonly<Record<RoleStanding, { words: string; color: string }>> = {
  overloaded: { words: 'Overloaded: cannot keep up, its queue keeps growing', color: DANGER },
  'near-limit': { words: 'Near its limit: cases queue at busy times', color: WARN },
  'has-room': { words: 'Has room', color: ACCENT },
  unlimited: { words: 'No headcount on the map: as many people as needed', color: INK_MUTED },
};

/** One role's row: its name, its bar and share busy, and its standing and queue in words. */
export function utilisationRow(
  role: RoleResult,
  standing: RoleStanding,
  width: number,
  time: (minutes: number) => string,
): { items: Item[]; height: number } {
  const nameW = width * 0.28;
  const barX = width * 0.3;
  const barW = width * 0.27;
  const shareX = barX + barW + 4;
  const wordsX = width * 0.72;
  const wordsW = width - wordsX;
  const { words, color } = STANDING[standing];
  const queue =
    role.meanQueueTime > 0
      ? `Cases wait ${time(role.meanQueueTime)} for it on average.`
      : 'Cases do not wait for it.';
  const head = wrapText(words, wordsW, SIZE, 3, 'bold');
  const lines = [...head, ...wrapText(queue, wordsW, SIZE, 2, 'normal')];
  const items: Item[] = [
    textRun(0, SIZE + 2, truncate(cleanText(role.name), nameW, SIZE, 'bold'), {
      size: SIZE,
      fill: INK,
    }),
    // The track is the role's whole time: a full bar is a role busy all the time.
    { type: 'rect', x: barX, y: 2, w: barW, h: 10, fill: SURFACE, stroke: LINE, strokeWidth: 0.8 },
  ];
  if (role.utilisation !== null) {
    const share = Math.min(1, Math.max(0, role.utilisation));
    items.push({ type: 'rect', x: barX, y: 2, w: barW * share, h: 10, fill: color });
  }
  items.push(
    textRun(shareX, SIZE + 2, role.utilisation === null ? '—' : percent(role.utilisation), {
      size: SIZE,
      weight: 'normal',
      fill: INK,
    }),
  );
  lines.forEach((text, i) => {
    const bold = i < head.length;
    items.push(
      textRun(wordsX, SIZE + 2 + i * LINE_H, text, {
        size: SIZE,
        weight: bold ? 'bold' : 'normal',
        fill: bold ? color : INK_MUTED,
      }),
    );
  });
  return { items, height: Math.max(16, lines.length * LINE_H + 6) };
}

/** A share busy as a whole percentage, "92% busy". */
function percent(share: number): string {
  return `${Math.round(share * 100)}% busy`;
}
