import { type RefObject, useLayoutEffect, useState } from 'react';
import { hiddenColumns, hiddenWords } from './hidden-columns';
import { COLUMNS } from './table-columns';

/**
 * The words naming the columns the grid's region (`region`, the scrolling box around the grid)
 * does not show, kept up to date as it scrolls or changes size.
 */
export function useHiddenColumns(region: RefObject<HTMLElement | null>): string {
  const [words, setWords] = useState('');
  useLayoutEffect(() => {
    const box = region.current;
    if (!box) return;
    const update = () => {
      const heads = [...box.querySelectorAll<HTMLElement>('thead th')];
      // Each header's place within the scrolled content, from where it is drawn now.
      const origin = box.getBoundingClientRect().left + box.clientLeft - box.scrollLeft;
      const spans = heads.map((th) => {
        const r = th.getBoundingClientRect();
        return { left: r.left - origin, width: r.width };
      });
      const hidden = hiddenColumns(spans, box.scrollLeft, box.clientWidth);
      setWords(
        hiddenWords(
          COLUMNS.map((c) => c.header),
          hidden,
        ),
      );
    };
    update();
    const resized = new ResizeObserver(update);
    resized.observe(box);
    const grid = box.querySelector('table');
    if (grid) resized.observe(grid);
    box.addEventListener('scroll', update, { passive: true });
    return () => {
      resized.disconnect();
      box.removeEventListener('scroll', update);
    };
  }, [region]);
  return words;
}
