import type { PDFPage } from 'pdf-lib';
import { type MapPage, type PageOptions, paginate, PAGE_LAYOUT } from './paginate';
import { type ExportFonts, drawItems, openPdf, type PdfWriter } from './pdf-writer';
import type { Item, Scene } from './scene';
import { truncate } from './text';
import { INK_MUTED } from './theme';
import { titleBlock } from './title-block';

/**
 * What lets tiles be put together: a dashed line where the strip repeated on the next page
 * begins (lay that page's map edge on it), and, under the map, which pages join this one.
 * Rows of whole lanes meet at a lane's edge, with no strip and so no line.
 */
function assemblyMarks(layout: MapPage): { lines: Item[]; notes: Item[] } {
  const L = PAGE_LAYOUT;
  const { region, scale, overlap, joins: join } = layout;
  const lines: Item[] = [];
  const guide = { stroke: '#8a96a3', strokeWidth: 0.75 / scale, dash: [4 / scale, 3 / scale] };
  if (join.right !== undefined && overlap.right > 0) {
    const x = region.x + region.w - overlap.right;
    lines.push({
      type: 'path',
      d: `M${x} ${region.y}V${region.y + region.h}`,
      box: [x, region.y, 0, region.h],
      ...guide,
    });
  }
  if (join.below !== undefined && overlap.below > 0) {
    const y = region.y + region.h - overlap.below;
    lines.push({
      type: 'path',
      d: `M${region.x} ${y}H${region.x + region.w}`,
      box: [region.x, y, region.w, 0],
      ...guide,
    });
  }
  const joins = [
    join.above !== undefined ? `${join.above} above` : '',
    join.left !== undefined ? `${join.left} left` : '',
    join.right !== undefined ? `${join.right} right` : '',
    join.below !== undefined ? `${join.below} below` : '',
  ].filter(Boolean);
  if (joins.length === 0) return { lines, notes: [] };
  const repeats = lines.length > 0 ? ' Past a dashed line the map repeats on the next page.' : '';
  const text = `Joins page ${joins.join(', ')}.${repeats}`;
  const notes: Item[] = [
    {
      type: 'text',
      x: 0,
      y: 0,
      text: truncate(text, layout.width - 2 * L.margin, L.minTextPt),
      size: L.minTextPt,
      weight: 'normal',
      fill: INK_MUTED,
      anchor: 'start',
    },
  ];
  return { lines, notes };
}

/** Draws one page of a map: its title block (with the page label) and its part of the scene. */
export function drawMapPage(writer: PdfWriter, scene: Scene, layout: MapPage): PDFPage {
  const page = writer.doc.addPage([layout.width, layout.height]);
  const L = PAGE_LAYOUT;
  const contentW = layout.width - 2 * L.margin;
  if (scene.titleBlock) {
    const block = titleBlock(scene, contentW, L.titleUnit, layout.label || undefined);
    drawItems(writer, page, block.items, {
      left: L.margin,
      top: L.margin,
      scale: 1,
      offsetX: 0,
      offsetY: 0,
    });
  } else if (layout.label) {
    const label = {
      type: 'text',
      x: contentW,
      y: 8,
      text: layout.label,
      size: 8,
      weight: 'normal',
      fill: '#556270',
      anchor: 'end',
    } as const;
    drawItems(writer, page, [label], {
      left: L.margin,
      top: L.margin - 14,
      scale: 1,
      offsetX: 0,
      offsetY: 0,
    });
  }
  const { region, scale } = layout;
  if (!layout.pinnedHeaders) {
    const at = { left: layout.left, top: layout.top, scale, offsetX: 0, offsetY: 0 };
    drawItems(writer, page, scene.body, at);
    drawItems(writer, page, scene.header, at);
    return page;
  }
  const headerW = scene.headerWidth * scale;
  const bodyAt = {
    left: layout.left + headerW,
    top: layout.top,
    scale,
    offsetX: region.x,
    offsetY: region.y,
    clip: region,
  };
  drawItems(writer, page, scene.body, bodyAt);
  const marks = assemblyMarks(layout);
  drawItems(writer, page, marks.lines, bodyAt);
  drawItems(writer, page, marks.notes, {
    left: L.margin,
    top: layout.height - L.margin + L.minTextPt * 1.5,
    scale: 1,
    offsetX: 0,
    offsetY: 0,
  });
  drawItems(writer, page, scene.header, {
    left: layout.left,
    top: layout.top,
    scale,
    offsetX: 0,
    offsetY: region.y,
    clip: { x: 0, y: region.y, w: scene.headerWidth, h: region.h },
  });
  return page;
}

/**
 * Renders a scene as a vector PDF: on one page when it is readable there, else tiled
 * (PageOptions, or pages from `paginate` — a caller may print some of them), with the fonts
 * embedded as subsets so labels in Latin, Greek, Cyrillic, Hebrew and Arabic print in reading
 * order and stay selectable. Returns the file's bytes.
 */
export async function toPdf(
  scene: Scene,
  fonts: ExportFonts,
  pages: PageOptions | readonly MapPage[] = {},
): Promise<Uint8Array> {
  const writer = await openPdf(fonts, scene.title);
  const layouts = Array.isArray(pages) ? pages : paginate(scene, pages as PageOptions);
  for (const layout of layouts) drawMapPage(writer, scene, layout);
  return writer.doc.save({ useObjectStreams: true });
}
