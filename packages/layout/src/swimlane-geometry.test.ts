import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { GEOMETRY, laneAt, mapGeometry } from './index';

const g = GEOMETRY;
const columnX = (column: number) => g.headerWidth + g.firstColumn + column * g.columnWidth;

describe('mapGeometry', () => {
  it('given a chain over two lanes, then each step sits in its role’s band at its flow column', () => {
    // given
    const map = mapBuilder('Two lanes')
      .role('a', 'A')
      .role('b', 'B')
      .start('s1', 'a', 'Start')
      .task('s2', 'a', 'Work')
      .end('s3', 'b', 'End')
      .chain('s1', 's2', 's3')
      .build();
    // when
    const geometry = mapGeometry(map);
    // then: one row per lane, each lane the minimum height, boxes centred in it
    expect(geometry.lanes.map((l) => [l.role.id, l.index, l.y, l.height])).toEqual([
      ['a', 0, 0, 140],
      ['b', 1, 140, 140],
    ]);
    expect(geometry.steps.map((s) => [s.step.id, s.x, s.y])).toEqual([
      ['s1', columnX(0), 28],
      ['s2', columnX(1), 28],
      ['s3', columnX(2), 168],
    ]);
    expect(geometry.width).toBe(
      Math.max(g.minCanvasWidth, columnX(2) + g.stepWidth + g.columnWidth),
    );
  });

  it('given two steps saved at overlapping places in one lane, then the second takes a new row and the lane grows', () => {
    // given
    const map = mapBuilder('Crowded')
      .role('a', 'A')
      .task('s1', 'a', 'One', { position: { x: 100, y: 0 } })
      .task('s2', 'a', 'Two', { position: { x: 150, y: 0 } })
      .task('s3', 'a', 'Three', { position: { x: 100 + g.stepWidth + 16, y: 0 } })
      .build();
    // when
    const geometry = mapGeometry(map);
    // then: s3 fits after s1 (16 px clear); s2 does not
    const height = 2 * g.lanePadding + 2 * g.stepHeight + g.rowGap;
    expect(geometry.lanes[0]?.height).toBe(height);
    const byId = new Map(geometry.steps.map((s) => [s.step.id as string, s]));
    for (const id of ['s1', 's2', 's3']) expect(geometry.boxOf(id)).toBe(byId.get(id));
    expect(geometry.boxOf('ghost')).toBeUndefined();
    expect(byId.get('s1')?.y).toBe(g.lanePadding);
    expect(byId.get('s3')?.y).toBe(g.lanePadding);
    expect(byId.get('s2')?.y).toBe(g.lanePadding + g.stepHeight + g.rowGap);
    expect(byId.get('s2')?.x).toBe(g.headerWidth + 150);
  });

  it('given a lane with no steps, then it still gets the minimum height', () => {
    const map = mapBuilder('Empty lane').role('a', 'A').build();
    const { lanes, steps, width } = mapGeometry(map);
    expect({ lanes, steps, width }).toEqual({
      lanes: [expect.objectContaining({ y: 0, height: g.minLaneHeight, count: 0 })],
      steps: [],
      width: g.minCanvasWidth,
    });
  });
});

describe('laneAt', () => {
  const map = mapBuilder('Lanes').role('a', 'A').role('b', 'B').build();
  const { lanes } = mapGeometry(map);

  it('finds the lane containing y, and the nearest lane outside them all', () => {
    expect(laneAt(lanes, 10)?.role.id).toBe('a');
    expect(laneAt(lanes, 140)?.role.id).toBe('b');
    expect(laneAt(lanes, -50)?.role.id).toBe('a');
    expect(laneAt(lanes, 9999)?.role.id).toBe('b');
    expect(laneAt([], 0)).toBeUndefined();
  });
});
