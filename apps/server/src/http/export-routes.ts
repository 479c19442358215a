import type { ServerResponse } from 'node:http';
import {
  checkStepSelection,
  cleanText,
  EXPORT_FORMATS,
  type ExportErrorCode,
  type ExportFonts,
  type ExportFormatId,
  type ExportRequest,
  ExportError,
  formatExportDate,
  parseCsvTable,
  parsePageOptions,
  parseScenario,
  parseStepSelection,
  processOf,
  type RequestSyntax,
  renderExport,
} from '@procmap/export';
import { findScenario, type ProcessMap } from '@procmap/model';
import type { RefusalCode } from '@procmap/protocol';
import { HttpError } from './respond';
import { scenarioIds, scenarioOption, UNKNOWN_SCENARIO } from './scenario-refusal';

/*
 * GET /api/maps/<id>/export.svg | export.pdf | export.csv | export.bpmn | report.pdf
 * ?token=<edit or view>:
 * the map as a stakeholder receives it, downloaded as an attachment named after its title.
 * Query options: page=A4|A3|Letter, landscape=1, fit=1 or tile=1 (default: readable size,
 * tiled if needed), table=steps|findings (CSV),
 * findings=0 and comments=0 (no badges, no markers), steps=<id>,<id> (only those steps: SVG
 * and PDF, whose pictures can be cropped; every id must be one of the map's steps),
 * scenario=<id> (that scenario's process; the report: its case study against the as-is; the
 * steps must then be the scenario's, and the download is named after it too). BPMN 2.0 is
 * written by the interop package's writer, which the export package leaves to its caller.
 * The formats, the checks of these options and their refusals are @procmap/export's.
 */

export type ExportKind = 'export.svg' | 'export.pdf' | 'export.csv' | 'export.bpmn' | 'report.pdf';

/** The formats the API serves, by their download names (no PNG: rasterising needs a browser). */
const FORMAT_OF: Readonly<Record<ExportKind, ExportFormatId>> = {
  'export.svg': 'svg',
  'export.pdf': 'pdf',
  'export.csv': 'csv',
  'export.bpmn': 'bpmn',
  'report.pdf': 'report',
};

/** How the API's users write export options: as URL query options. */
const SYNTAX: RequestSyntax = {
  options: 'query',
  formats: Object.fromEntries(
    Object.entries(FORMAT_OF).map(([kind, format]) => [format, kind]),
  ) as RequestSyntax['formats'],
};

/** The refusal each export refusal is, over HTTP: all of them 400s. */
const REFUSAL: Readonly<Partial<Record<ExportErrorCode, RefusalCode>>> = {
  'bad-page': 'bad-page',
  'bad-table': 'bad-table',
  'steps-not-supported': 'steps-not-supported',
  'empty-steps': 'empty-steps',
  'unknown-steps': 'unknown-steps',
  'unknown-scenario': UNKNOWN_SCENARIO,
};

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
  const cleaned = cleanText(title)
    // Direction controls would let a title show "gpj.exe" as "exe.jpg" in a save dialog.
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/["\\/:*?<>|]+/g, '_');
  // Cut by characters, not UTF-16 units: half an emoji would make encodeURIComponent throw.
  const utf8 = (Array.from(cleaned).slice(0, 100).join('').trim() || 'map') + suffix;
  return `attachment; filename="${fileStem(title)}${suffix}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
}

/** What to render: every option already checked, so the renderer cannot refuse a request. */
export interface ExportJob {
  readonly kind: ExportKind;
  readonly map: ProcessMap;
  readonly request: ExportRequest;
}

/** A rendered export: its bytes, content type and file-name suffix. */
export interface RenderedExport {
  readonly body: Uint8Array;
  readonly type: string;
  readonly suffix: string;
}

/** Reads and checks the query of an export request; a bad option is a 400 naming it. */
export function exportJob(url: URL, kind: ExportKind, map: ProcessMap): ExportJob {
  try {
    return { kind, map, request: exportRequest(url, FORMAT_OF[kind], map) };
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    const code = REFUSAL[error.code];
    if (code === undefined) throw error;
    const details =
      error.code === 'unknown-scenario' ? { scenarios: scenarioIds(map) } : error.details;
    throw new HttpError(code, error.message, details);
  }
}

/** The request a query makes, checked in the order the API has always checked it. */
function exportRequest(url: URL, format: ExportFormatId, map: ProcessMap): ExportRequest {
  const typed = (key: string) => url.searchParams.get(key) ?? undefined;
  const flag = (key: string) => ['1', 'true', 'yes'].includes(url.searchParams.get(key) ?? '');
  const off = (key: string) => ['0', 'false', 'no'].includes(url.searchParams.get(key) ?? '');
  // The scenario first: the steps chosen are that scenario's.
  const scenario = parseScenario(map, scenarioOption(url));
  // Every steps=… of the query, as one list: a URL may repeat the option.
  const steps = url.searchParams.getAll('steps');
  const selection = parseStepSelection(
    steps.length > 0 ? steps.join(',') : undefined,
    format,
    SYNTAX,
  );
  if (selection) checkStepSelection(processOf(map, scenario), selection, SYNTAX);
  const table = parseCsvTable(typed('table'), SYNTAX);
  const page = parsePageOptions(
    { size: typed('page'), landscape: flag('landscape'), fit: flag('fit'), tile: flag('tile') },
    SYNTAX,
  );
  return {
    format,
    date: formatExportDate(new Date()),
    findings: !off('findings'),
    comments: !off('comments'),
    ...(selection ? { selection } : {}),
    page,
    table,
    ...(scenario === undefined ? {} : { scenario }),
  };
}

/**
 * What a download is named after: the map's title, and the scenario's name when one was
 * asked for ("Referral - To-be portal.svg"), the title cut short so the name keeps room for it.
 */
export function downloadTitle(map: ProcessMap, scenario: string | undefined): string {
  const name = scenario === undefined ? undefined : findScenario(map, scenario)?.name;
  if (name === undefined) return map.title;
  const title = cleanText(map.title);
  const clipped = title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
  return `${clipped} - ${name}`;
}

/** The download's name after the title: the report and the findings table say what they are. */
function suffixOf(request: ExportRequest): string {
  const { extension } = EXPORT_FORMATS[request.format];
  if (request.format === 'report') return ` - improvement report${extension}`;
  if (request.format === 'csv' && request.table === 'findings') return `-findings${extension}`;
  return extension;
}

/** The interop package's BPMN writer, loaded by the first BPMN export only. */
async function writeBpmn(map: ProcessMap): Promise<string> {
  const { exportBpmn } = await import('@procmap/interop');
  return exportBpmn(map);
}

/** Renders one export (CPU-heavy for big maps: the server runs it on its export thread). */
export async function renderJob(
  job: ExportJob,
  fonts: () => Promise<ExportFonts>,
): Promise<RenderedExport> {
  const rendered = await renderExport(job.map, job.request, { fonts, bpmn: writeBpmn });
  return { body: rendered.body, type: rendered.mediaType, suffix: suffixOf(job.request) };
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
