import type { ProcessMap } from '@procmap/model';
import { ByteWriter } from './byte-writer';
import { drawMap, type SceneOptions } from './draw-map';
import { LAYER, paintItems } from './painter';
import { SvgPainter } from './svg-painter';
import { PAPER } from './theme';
import { titleBlock } from './title-block';

/*
 * The SVG export: the map drawn straight into SVG (see SvgPainter), under its title block. Only
 * a fixed vocabulary of elements is ever written (svg, title, defs, marker, g, rect, path,
 * polygon, text), every piece of user text escaped. No script, no event attribute, no
 * foreignObject, no link; the one reference is a flow's marker-end, to a marker in the file.
 */

/** The decoder every JavaScript runtime we run in has (the package compiles without DOM types). */
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

const FONT_FAMILY = '&apos;Liberation Sans&apos;, Arial, Helvetica, sans-serif';
const PAD = 24;

const SPECIAL = /[&<>"']/;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** A map as a standalone SVG document in UTF-8 bytes (title block on top unless turned off). */
export function toSvgBytes(map: ProcessMap, options: SceneOptions = {}): Uint8Array {
  const painter = new SvgPainter();
  const frame = drawMap(map, options, painter);
  const block = frame.titleBlock ? titleBlock(frame, frame.width, 18) : undefined;
  const top = block ? block.height + PAD : 0;
  const width = frame.width + 2 * PAD;
  const height = frame.height + top + 2 * PAD;
  const out = new ByteWriter(1024);
  out.ascii(
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="',
  );
  out.num(width);
  out.ascii('" height="');
  out.num(height);
  out.ascii('" viewBox="0 0 ');
  out.num(width);
  out.ascii(' ');
  out.num(height);
  out.ascii(`" font-family="${FONT_FAMILY}">\n<title>`);
  out.text(frame.title);
  out.ascii(`</title>\n<rect width="100%" height="100%" fill="${PAPER}"/>\n`);
  const parts = [out];
  if (block) {
    const blockPainter = new SvgPainter();
    paintItems(blockPainter, LAYER.bands, block.items);
    out.ascii(`<g transform="translate(${PAD} ${PAD})">\n`);
    const close = new ByteWriter(16);
    close.ascii('</g>\n');
    parts.push(...blockPainter.finish(), close);
  }
  const open = new ByteWriter(64);
  open.ascii(`<g transform="translate(${PAD} `);
  open.num(PAD + top);
  open.ascii(')">\n');
  const end = new ByteWriter(16);
  end.ascii('</g>\n</svg>\n');
  return ByteWriter.concat([...parts, open, ...painter.finish(), end]);
}

/** A map as a standalone SVG document (title block on top unless turned off). */
export function toSvg(map: ProcessMap, options: SceneOptions = {}): string {
  return new TextDecoder().decode(toSvgBytes(map, options));
}
