import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { flowColumns } from './flow-columns';
import { chainMap } from './test-helpers';

describe('flowColumns', () => {
  it('numbers a straight line 0, 1, 2…', () => {
    const columns = flowColumns(chainMap(4));
    expect([...columns.values()]).toEqual([0, 1, 2, 3]);
  });

  it('puts a step after the longest way in, and ignores the flow back of a rework loop', () => {
    // Given start → check → fix → check (rework) and check → end, plus a shortcut start → end
    const map = mapBuilder('Rework')
      .role('a', 'A')
      .start('s', 'a', 'Start')
      .task('c', 'a', 'Check')
      .task('f', 'a', 'Fix')
      .end('e', 'a', 'End')
      .chain('s', 'c', 'f')
      .flow('f', 'c')
      .flow('c', 'e')
      .flow('s', 'e')
      .build();
    // Then
    const columns = flowColumns(map);
    expect(columns.get('s' as never)).toBe(0);
    expect(columns.get('c' as never)).toBe(1);
    expect(columns.get('f' as never)).toBe(2);
    expect(columns.get('e' as never)).toBe(2);
  });

  it('handles a 5,000-step chain without deep recursion', () => {
    expect(flowColumns(chainMap(5000)).get('s4999' as never)).toBe(4999);
  });
});
