import type { PDFPage } from 'pdf-lib';
import { type PageOptions, pageSize } from '../paginate';
import { drawItems, type PdfWriter } from '../pdf-writer';
import type { Item } from '../scene';
import { INK, INK_MUTED, LINE } from '../theme';
import { type FontWeight, wrapText } from '../text';

/*
 * Text flowing down report pages: headings, paragraphs, small tables. It starts a new page
 * when the next block would not fit, and keeps a heading with what follows it.
 */

export interface TextStyle {
  readonly size?: number;
  readonly weight?: FontWeight;
  readonly color?: string;
  readonly indent?: number;
  /** Space after the block, in points. */
  readonly after?: number;
}

export const MARGIN = 56;

/** Paragraphs of at most this many lines are never split across pages. */
const KEEP_TOGETHER = 6;

export class PageFlow {
  page: PDFPage | undefined;
  y = 0;
  readonly width: number;
  readonly height: number;

  constructor(
    private readonly writer: PdfWriter,
    options: PageOptions,
  ) {
    const [w, h] = pageSize({ ...options, landscape: false });
    this.width = w;
    this.height = h;
  }

  /** Text width available between the margins. */
  get column(): number {
    return this.width - 2 * MARGIN;
  }

  newPage(): PDFPage {
    this.page = this.writer.doc.addPage([this.width, this.height]);
    this.y = MARGIN;
    return this.page;
  }

  /** Makes room for `h` points, turning the page when they do not fit. */
  ensure(h: number): PDFPage {
    if (!this.page || this.y + h > this.height - MARGIN) return this.newPage();
    return this.page;
  }

  /** Draws items given relative to (margin, current y), advancing by `h`. */
  items(list: readonly Item[], h: number): void {
    const page = this.ensure(h);
    drawItems(this.writer, page, list, {
      left: MARGIN,
      top: this.y,
      scale: 1,
      offsetX: 0,
      offsetY: 0,
    });
    this.y += h;
  }

  /** Whether `h` more points fit on the current page. */
  fits(h: number): boolean {
    return this.page !== undefined && this.y + h <= this.height - MARGIN;
  }

  /** The height `text` takes as a paragraph in `style`, its space after included. */
  textHeight(text: string, style: TextStyle = {}): number {
    return this.lines(text, style).length * (style.size ?? 10.5) * 1.35 + (style.after ?? 4);
  }

  /**
   * Whether a heading and `h` points of what follows it fit on the current page, as `heading`
   * would place them (it keeps `keep` points with the heading).
   */
  fitsHeading(h: number, level: 1 | 2 = 1, keep = 120): boolean {
    const size = level === 1 ? 18 : 13;
    const heading = (level === 1 ? 10 : 6) + size * 1.35 + (level === 1 ? 8 : 4);
    return this.fits(Math.max(size * 2 + keep, heading + h));
  }

  private lines(text: string, style: TextStyle): string[] {
    const size = style.size ?? 10.5;
    const indent = style.indent ?? 0;
    return wrapText(
      text,
      this.column - indent,
      size,
      Number.POSITIVE_INFINITY,
      style.weight ?? 'normal',
    );
  }

  /** A wrapped paragraph. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10.5;
    const weight = style.weight ?? 'normal';
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    const lines = this.lines(text, style);
    // A short paragraph stays on one page; a long one leaves neither a single line at the foot
    // of a page nor a single line at the top of the next.
    if (lines.length <= KEEP_TOGETHER) this.ensure(lines.length * lineHeight);
    else this.ensure(2 * lineHeight);
    for (const [i, line] of lines.entries()) {
      if (lines.length - i === 2) this.ensure(2 * lineHeight);
      this.items(
        [
          {
            type: 'text',
            x: indent,
            y: size,
            text: line,
            size,
            weight,
            fill: style.color ?? INK,
            anchor: 'start',
          },
        ],
        lineHeight,
      );
    }
    this.y += style.after ?? 4;
  }

  /** A heading, kept on one page with at least `keep` points of what follows. */
  heading(text: string, level: 1 | 2 = 1, keep = 120): void {
    const size = level === 1 ? 18 : 13;
    this.ensure(size * 2 + keep);
    if (this.y > MARGIN) this.y += level === 1 ? 10 : 6;
    this.text(text, { size, weight: 'bold', after: level === 1 ? 8 : 4 });
  }

  /** A thin line across the column. */
  rule(): void {
    this.items([{ type: 'path', d: `M0 4H${this.column}`, stroke: LINE, strokeWidth: 0.8 }], 10);
  }

  /** Rows of cells at fixed column offsets; each cell wraps within its column. */
  table(
    columns: readonly { title: string; x: number; w: number; align?: 'start' | 'end' }[],
    rows: readonly (readonly string[])[],
  ): void {
    const size = 9.5;
    const lineHeight = size * 1.35;
    const row = (cells: readonly string[], weight: FontWeight, color: string) => {
      const wrapped = columns.map((c, i) => wrapText(cells[i] ?? '', c.w, size, 3, weight));
      const lines = Math.max(1, ...wrapped.map((w) => w.length));
      const items: Item[] = [];
      wrapped.forEach((cellLines, i) => {
        const c = columns[i] as (typeof columns)[number];
        cellLines.forEach((text, k) => {
          items.push({
            type: 'text',
            x: c.align === 'end' ? c.x + c.w : c.x,
            y: size + k * lineHeight,
            text,
            size,
            weight,
            fill: color,
            anchor: c.align === 'end' ? 'end' : 'start',
          });
        });
      });
      this.items(items, lines * lineHeight + 3);
    };
    row(
      columns.map((c) => c.title),
      'bold',
      INK_MUTED,
    );
    this.rule();
    for (const cells of rows) row(cells, 'normal', INK);
    this.y += 6;
  }
}
