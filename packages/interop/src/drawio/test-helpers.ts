import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'fflate';

/*
 * Draw.io files for the tests: the real templates in fixtures/drawio, small pages written here,
 * and draw.io's compression done the way draw.io does it (URI-encode, raw deflate, base64).
 * The counting helpers read a page's XML with regular expressions of their own, so a test's
 * expected numbers never come from the importer's code.
 */

export const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/drawio', name), 'utf8');

/** A page's XML as draw.io stores it compressed. */
export const compress = (xml: string) =>
  Buffer.from(deflateSync(new TextEncoder().encode(encodeURIComponent(xml)))).toString('base64');

/** The XML of every page of a file, inflated here without the importer. */
export function pagesOf(file: string): string[] {
  return [...file.matchAll(/<diagram[^>]*>([\s\S]*?)<\/diagram>/g)].map((m) => {
    const body = (m[1] as string).trim();
    if (body.startsWith('<')) return body;
    return decodeURIComponent(Buffer.from(inflateSync(Buffer.from(body, 'base64'))).toString());
  });
}

export interface RawCell {
  readonly attributes: Readonly<Record<string, string>>;
}

const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#xa;/gi, '\n')
    .replace(/&amp;/g, '&');

/** The <mxCell> elements of a page, their attributes unescaped. */
export function rawCells(pageXml: string): RawCell[] {
  return [...pageXml.matchAll(/<mxCell\b([^>]*?)\/?>/g)].map((m) => {
    const attributes: Record<string, string> = {};
    for (const a of (m[1] as string).matchAll(/([\w:-]+)="([^"]*)"/g)) {
      attributes[a[1] as string] = fromXml(a[2] as string);
    }
    return { attributes };
  });
}

/** What the test expects of a page, counted from its raw cells. */
export function census(pageXml: string) {
  const cells = rawCells(pageXml).map((c) => c.attributes);
  const swimlanes = cells.filter(
    (c) => c.vertex === '1' && /(^|;)swimlane(;|$)/.test(c.style ?? ''),
  );
  const parents = new Set(swimlanes.map((c) => c.parent));
  const lanes = swimlanes.filter((s) => !parents.has(s.id));
  const edgeIds = new Set(cells.filter((c) => c.edge === '1').map((c) => c.id));
  const shapes = cells.filter(
    (c) =>
      c.vertex === '1' &&
      !/(^|;)swimlane(;|$)/.test(c.style ?? '') &&
      !edgeIds.has(c.parent) &&
      !/(^|;)(text|edgeLabel)(;|$)/.test(c.style ?? ''),
  );
  const edges = cells.filter((c) => c.edge === '1' && c.source && c.target);
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return { lanes, shapes, edges, laneNames: lanes.map((l) => text(l.value ?? '')), text };
}

/** An mxfile of the given pages, each compressed or written out. */
export function mxfile(pages: readonly { name: string; xml: string; compressed?: boolean }[]) {
  const body = pages
    .map(
      (p) =>
        `<diagram id="d-${p.name}" name="${p.name}">${p.compressed ? compress(p.xml) : p.xml}</diagram>`,
    )
    .join('\n');
  return `<mxfile host="test">\n${body}\n</mxfile>`;
}

/** A page: an mxGraphModel holding the root cell, the default layer and the cells given. */
export const model = (...cells: string[]) =>
  `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>${cells.join('')}</root></mxGraphModel>`;

const geometry = (g: readonly number[]) =>
  `<mxGeometry x="${g[0] ?? 0}" y="${g[1] ?? 0}" width="${g[2] ?? 120}" height="${g[3] ?? 60}" as="geometry"/>`;

const toXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A shape (vertex) cell; `value` is written escaped, as draw.io writes it. */
export const vertex = (
  id: string,
  parent: string,
  value: string,
  style: string,
  g: number[] = [],
) =>
  `<mxCell id="${id}" value="${toXml(value)}" style="${style}" parent="${parent}" vertex="1">${geometry(g)}</mxCell>`;

/** A connector cell. */
export const edge = (id: string, parent: string, source: string, target: string, value = '') =>
  `<mxCell id="${id}" value="${toXml(value)}" style="edgeStyle=orthogonalEdgeStyle;html=1;" parent="${parent}" source="${source}" target="${target}" edge="1"><mxGeometry relative="1" as="geometry"/></mxCell>`;
