import type { ServerResponse } from 'node:http';
import { analyze } from '@procmap/analysis';
import {
  buildReport,
  buildScene,
  CSV_BOM,
  cleanText,
  type ExportFonts,
  type PageOptions,
  type PageSizeName,
  toCsv,
  toPdf,
  toSvgBytes,
} from '@procmap/export';
import type { ProcessMap } from '@procmap/model';
import { HttpError } from './respond';

/*
 * GET /api/maps/<id>/export.svg | export.pdf | export.csv | report.pdf ?token=<edit or view>:
 * the map as a stakeholder receives it, downloaded as an attachment named after its title.
 * Query options: page=A4|A3|Letter, landscape=1, fit=1 or tile=1 (default: readable size,
 * tiled if needed), table=steps|findings (CSV),
 * findings=0 and comments=0 (no badges, no markers), steps=<id>,<id> (only those steps: SVG
 * and PDF, whose pictures can be cropped; every id must be one of the map's steps).
 */

export type ExportKind = 'export.svg' | 'export.pdf' | 'export.csv' | 'report.pdf';

const PAGES: readonly PageSizeName[] = ['A4', 'A3', 'Letter'];

/** Latin letters that accents-stripping does not turn into ASCII. */
const LATIN: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  đ: 'd',
  Đ: 'D',
  œ: 'oe',
  Œ: 'OE',
};

/** A title as a safe ASCII file name (letters, digits, spaces, . _ -), never empty or hidden. */
export function fileStem(title: string): string {
  const ascii = cleanText(title)
    .replace(/[łŁøØßæÆđĐœŒ]/g, (c) => LATIN[c] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ ._-]+|[ ._-]+$/g, '')
    .slice(0, 100)
    .trim();
  return ascii || 'map';
}

/** `attachment; filename="…"; filename*=UTF-8''…` for a title and an extension. */
export function contentDisposition(title: string, suffix: string): string {
  const utf8 =
    (cleanText(title)
      // Direction controls would let a title show "gpj.exe" as "exe.jpg" in a save dialog.
      .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/["\\/:*?<>|]+/g, '_')
      .slice(0, 100)
      .trim() || 'map') + suffix;
  return `attachment; filename="${fileStem(title)}${suffix}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
}

function pageOptions(url: URL): PageOptions {
  const name = url.searchParams.get('page') ?? 'A4';
  const size = PAGES.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!size)
    throw new HttpError(
      'bad-page',
      `unknown page size "${name.slice(0, 20)}": use A4, A3 or Letter`,
    );
  const flag = (key: string) => ['1', 'true', 'yes'].includes(url.searchParams.get(key) ?? '');
  if (flag('tile') && flag('fit'))
    throw new HttpError('bad-page', 'choose one of fit=1 and tile=1');
  // Readable by default: one page if its names print at 8 pt or more there, else tiles.
  const mode = flag('tile') ? 'tile' : flag('fit') ? 'fit' : 'auto';
  return { size, landscape: flag('landscape'), mode };
}

const today = () =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(),
  );

/** What to render: every option already checked, so the renderer cannot refuse a request. */
export interface ExportJob {
  readonly kind: ExportKind;
  readonly map: ProcessMap;
  readonly date: string;
  readonly findings: boolean;
  readonly comments: boolean;
  readonly selection?: readonly string[];
  readonly page: PageOptions;
  readonly table: 'steps' | 'findings';
}

/** A rendered export: its bytes, content type and file-name suffix. */
export interface RenderedExport {
  readonly body: Uint8Array;
  readonly type: string;
  readonly suffix: string;
}

/** How many unknown step ids a refusal names (a URL can hold thousands). */
const NAMED_IDS = 5;

/**
 * The `steps=<id>,<id>` selection: undefined without one; a 400 for an export that cannot
 * select (CSV, report), a list naming no id, or ids that are not the map's steps — a drawing of
 * nothing, or of less than was asked for, would look like a successful export.
 */
function stepSelection(url: URL, kind: ExportKind, map: ProcessMap): string[] | undefined {
  const values = url.searchParams.getAll('steps');
  if (values.length === 0) return undefined;
  if (kind !== 'export.svg' && kind !== 'export.pdf') {
    throw new HttpError(
      'steps-not-supported',
      `${kind} always covers the whole map: steps=… selects steps for export.svg and export.pdf only`,
    );
  }
  const ids = [
    ...new Set(
      values
        .join(',')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) {
    throw new HttpError(
      'empty-steps',
      'steps=… names no step: give step ids separated by commas, or leave it out for the whole map',
    );
  }
  const known = new Set<string>(map.steps.map((step) => step.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const named = unknown.slice(0, NAMED_IDS).map((id) => JSON.stringify(id.slice(0, 40)));
    const more = unknown.length > NAMED_IDS ? ` and ${unknown.length - NAMED_IDS} more` : '';
    throw new HttpError(
      'unknown-steps',
      `${unknown.length === 1 ? 'no step' : 'no steps'} ${named.join(', ')}${more} in this map: steps=… takes the ids of the map's steps`,
      { unknownCount: unknown.length },
    );
  }
  return ids;
}

/** Reads and checks the query of an export request; a bad option is a 400 naming it. */
export function exportJob(url: URL, kind: ExportKind, map: ProcessMap): ExportJob {
  const off = (key: string) => ['0', 'false', 'no'].includes(url.searchParams.get(key) ?? '');
  const selection = stepSelection(url, kind, map);
  const table = url.searchParams.get('table') ?? 'steps';
  if (table !== 'steps' && table !== 'findings') {
    throw new HttpError('bad-table', 'table must be steps or findings');
  }
  return {
    kind,
    map,
    date: today(),
    findings: !off('findings'),
    comments: !off('comments'),
    ...(selection ? { selection } : {}),
    page: pageOptions(url),
    table,
  };
}

/** Renders one export (CPU-heavy for big maps: the server runs it on its export thread). */
export async function renderExport(
  job: ExportJob,
  fonts: () => Promise<ExportFonts>,
): Promise<RenderedExport> {
  const { map, kind } = job;
  const analysis = analyze(map);
  const sceneOptions = {
    analysis,
    date: job.date,
    findings: job.findings,
    comments: job.comments,
    ...(job.selection ? { selection: job.selection } : {}),
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);
  if (kind === 'export.svg') {
    return {
      body: toSvgBytes(map, sceneOptions),
      type: 'image/svg+xml; charset=utf-8',
      suffix: '.svg',
    };
  }
  if (kind === 'export.csv') {
    return {
      body: utf8(CSV_BOM + toCsv(map, analysis, job.table)),
      type: 'text/csv; charset=utf-8',
      suffix: job.table === 'findings' ? '-findings.csv' : '.csv',
    };
  }
  if (kind === 'export.pdf') {
    return {
      body: await toPdf(buildScene(map, sceneOptions), await fonts(), job.page),
      type: 'application/pdf',
      suffix: '.pdf',
    };
  }
  return {
    body: await buildReport(map, analysis, await fonts(), { ...job.page, date: job.date }),
    type: 'application/pdf',
    suffix: ' - improvement report.pdf',
  };
}

/** Sends a rendered export as a download named after the map's title. */
export function sendRendered(res: ServerResponse, title: string, rendered: RenderedExport): void {
  const bytes = Buffer.from(
    rendered.body.buffer,
    rendered.body.byteOffset,
    rendered.body.byteLength,
  );
  res.writeHead(200, {
    'content-type': rendered.type,
    'content-length': bytes.length,
    'content-disposition': contentDisposition(title, rendered.suffix),
    'cache-control': 'no-store',
  });
  res.end(bytes);
}
