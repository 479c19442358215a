import type { PDFPage } from 'pdf-lib';
import { type MapPage, type PageOptions, paginate, PAGE_LAYOUT } from './paginate';
import { type ExportFonts, drawItems, openPdf, type PdfWriter } from './pdf-writer';
import type { Scene } from './scene';
import { titleBlock } from './title-block';

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
  drawItems(writer, page, scene.body, {
    left: layout.left + headerW,
    top: layout.top,
    scale,
    offsetX: region.x,
    offsetY: region.y,
    clip: region,
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
 * Renders a scene as a vector PDF: fitted on one page or tiled (PageOptions, or pages from
 * `paginate` — a caller may print some of them), with the font
 * embedded so labels in any Latin script print and stay selectable. Returns the file's bytes.
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
