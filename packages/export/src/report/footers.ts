import type { PDFPage } from 'pdf-lib';
import { drawItems, type PdfWriter } from '../pdf-writer';
import { INK_MUTED, LINE } from '../theme';
import { textRun } from './text-run';

const small = { size: 8, weight: 'normal', fill: INK_MUTED } as const;

/**
 * Every page's footer but the title page's, drawn last, once the page count is known: the
 * report's title (not on map tiles, which name the pages they join there) and "page / pages".
 */
export function drawFooters(
  writer: PdfWriter,
  title: string,
  tilePages: ReadonlySet<PDFPage>,
): void {
  const pages = writer.doc.getPages();
  pages.forEach((page, i) => {
    if (i === 0) return;
    drawItems(
      writer,
      page,
      [
        { type: 'path', d: `M0 0H${page.getWidth() - 2 * 28}`, stroke: LINE, strokeWidth: 0.5 },
        textRun(0, 12, tilePages.has(page) ? '' : `Improvement report · ${title}`, small),
        textRun(page.getWidth() - 2 * 28, 12, `${i + 1} / ${pages.length}`, {
          ...small,
          anchor: 'end',
        }),
      ],
      { left: 28, top: page.getHeight() - 24, scale: 1, offsetX: 0, offsetY: 0 },
    );
  });
}
