import type { StepBox } from '@procmap/layout';
import type { Step } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { type DifferenceMarks, differenceLegend, drawDifference } from './difference-marks';
import type { Painter } from './painter';
import { textWidth } from './text';

/* The tags a scenario's map puts on its steps: each one whole when it fits, stacked, never one cut short by another. */

interface Drawn {
  readonly rects: { x: number; y: number; w: number; h: number }[];
  readonly texts: { x: number; y: number; text: string }[];
}

/** A painter that keeps the tags' boxes and words. */
function recorder(): Painter & Drawn {
  const rects: Drawn['rects'] = [];
  const texts: Drawn['texts'] = [];
  return {
    rects,
    texts,
    rect: (_layer, x, y, w, h) => void rects.push({ x, y, w, h }),
    text: (_layer, x, y, text) => void texts.push({ x, y, text }),
    path: () => undefined,
    polygon: () => undefined,
    flowLine: () => undefined,
  };
}

const step = { id: 's1', roleId: 'r1', label: 'Assess', kind: 'task' } as unknown as Step;
const box = { step, x: 100, y: 200 } as unknown as StepBox;
const LONG_LANE = 'Discharge coordinator';
const LONG_FIELDS = 'process time, wait before, people needed, cost per hour, batch size';

describe('the difference tags on a scenario map', () => {
  it('stacks a move above the changed fields, each in full when it fits', () => {
    // given a step that moved lane and changed many fields
    const marks: DifferenceMarks = {
      added: new Set(),
      changed: new Map([['s1', 'process time, wait before']]),
      moved: new Map([['s1', LONG_LANE]]),
    };
    const painter = recorder();
    // when
    expect(drawDifference(painter, box, marks)).toBe(true);
    // then two tags, the move higher, neither cut
    expect(painter.texts.map((t) => t.text)).toEqual([
      `Moved from ${LONG_LANE}`,
      'Changed: process time, wait before',
    ]);
    const [moved, changed] = painter.rects as [Drawn['rects'][0], Drawn['rects'][0]];
    expect(moved.y + moved.h).toBeLessThanOrEqual(changed.y);
    expect(moved.x).toBe(changed.x);
    // the lower tag straddles the step's top edge, as a single tag does
    expect(changed.y).toBeLessThan(box.y);
    expect(changed.y + changed.h).toBeGreaterThan(box.y);
    // each text sits inside its own tag
    painter.texts.forEach((t, i) => {
      const r = painter.rects[i] as Drawn['rects'][0];
      expect(t.y).toBeGreaterThan(r.y);
      expect(t.y).toBeLessThan(r.y + r.h);
    });
  });

  it('cuts each tag to the widest a tag may be, on its own', () => {
    const marks: DifferenceMarks = {
      added: new Set(),
      changed: new Map([['s1', `${LONG_FIELDS}, ${LONG_FIELDS}`]]),
      moved: new Map([['s1', LONG_LANE.repeat(6)]]),
    };
    const painter = recorder();
    drawDifference(painter, box, marks);
    const [movedText, changedText] = painter.texts.map((t) => t.text) as [string, string];
    expect(movedText.startsWith('Moved from Discharge')).toBe(true);
    expect(changedText.startsWith('Changed: process time')).toBe(true);
    for (const text of [movedText, changedText]) {
      expect(text.endsWith('…')).toBe(true);
      expect(textWidth(text, 11, 'bold')).toBeLessThanOrEqual(320);
    }
    for (const r of painter.rects) expect(r.w).toBeLessThanOrEqual(320);
  });

  it('draws a step that only moved with one tag on its edge, in the place of a changed one', () => {
    const moved = recorder();
    drawDifference(moved, box, {
      added: new Set(),
      changed: new Map(),
      moved: new Map([['s1', 'Clerk']]),
    });
    const changed = recorder();
    drawDifference(changed, box, { added: new Set(), changed: new Map([['s1', 'wait before']]) });
    expect(moved.texts.map((t) => t.text)).toEqual(['Moved from Clerk']);
    expect(moved.rects[0]?.y).toBe(changed.rects[0]?.y);
    expect(moved.texts[0]?.y).toBe(changed.texts[0]?.y);
  });

  it('leaves an unchanged step alone and keys a moved step as a changed one', () => {
    const painter = recorder();
    const marks: DifferenceMarks = { added: new Set(), changed: new Map(), moved: new Map() };
    expect(drawDifference(painter, box, marks)).toBe(false);
    expect(painter.rects).toEqual([]);
    expect(differenceLegend({ added: false, changed: true })).toEqual([
      expect.objectContaining({ label: 'Changed step' }),
    ]);
  });
});
