import type { Item, Paint, Scene } from './scene';
import { PAPER } from './theme';
import { titleBlock } from './title-block';

/*
 * The SVG backend. Only a fixed vocabulary of elements is ever written (svg, g, rect, path,
 * polygon, text) with numeric or checked attributes; every piece of user text goes through
 * escapeXml. No script, no event attribute, no foreignObject, no link, no external reference.
 */

const FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif";

const SPECIAL = /[&<>"']/;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** A number as short text: integers as they are, others to two decimals; NaN and ∞ as 0. */
const n = (v: number) =>
  v === (v | 0) ? `${v}` : Number.isFinite(v) ? `${Math.round(v * 100) / 100}` : '0';

function paint(p: Paint): string {
  let out = ` fill="${p.fill ? escapeXml(p.fill) : 'none'}"`;
  if (p.stroke) out += ` stroke="${escapeXml(p.stroke)}" stroke-width="${n(p.strokeWidth ?? 1)}"`;
  if (p.dash) out += ` stroke-dasharray="${p.dash.map(n).join(' ')}"`;
  return out;
}

function item(it: Item): string {
  switch (it.type) {
    case 'rect':
      return `<rect x="${n(it.x)}" y="${n(it.y)}" width="${n(it.w)}" height="${n(it.h)}"${it.rx ? ` rx="${n(it.rx)}"` : ''}${paint(it)}/>`;
    case 'path':
      return `<path d="${escapeXml(it.d)}"${paint(it)}/>`;
    case 'polygon':
      return `<polygon points="${it.points.map(n).join(' ')}"${paint(it)}/>`;
    case 'text': {
      const anchor = it.anchor === 'start' ? '' : ` text-anchor="${it.anchor}"`;
      const weight = it.weight === 'bold' ? ' font-weight="bold"' : '';
      return `<text x="${n(it.x)}" y="${n(it.y)}" font-size="${n(it.size)}"${weight}${anchor} fill="${escapeXml(it.fill)}">${escapeXml(it.text)}</text>`;
    }
  }
}

function items(list: readonly Item[], out: string[]): void {
  for (const it of list) out.push(item(it));
}

/** Renders a scene as a standalone SVG document (title block on top when the scene has one). */
export function toSvg(scene: Scene): string {
  const pad = 24;
  const block = scene.titleBlock ? titleBlock(scene, scene.width, 18) : undefined;
  const top = block ? block.height + pad : 0;
  const width = scene.width + 2 * pad;
  const height = scene.height + top + 2 * pad;
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect width="100%" height="100%" fill="${PAPER}"/>`,
  ];
  if (block) {
    out.push(`<g transform="translate(${pad} ${pad})">`);
    items(block.items, out);
    out.push('</g>');
  }
  out.push(`<g transform="translate(${pad} ${n(pad + top)})">`);
  items(scene.body, out);
  items(scene.header, out);
  out.push('</g></svg>\n');
  return out.join('\n');
}
