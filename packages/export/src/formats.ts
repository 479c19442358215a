/*
 * The export formats, once: what each one is called, the file it makes and which of a request's
 * options it reads. The editor's export dialog, the server's export routes and the command line
 * all offer formats from this table and render them with `renderExport`, so a format added here
 * (and given a renderer there) is the same file everywhere.
 */

/** The formats an export can make. */
export type ExportFormatId = 'svg' | 'pdf' | 'png' | 'csv' | 'report' | 'bpmn';

/** A request option a format may read (see `ExportRequest`). */
export type ExportOptionName =
  | 'selection'
  | 'findings'
  | 'comments'
  | 'titleBlock'
  | 'date'
  | 'page'
  | 'table'
  | 'bom';

/**
 * How a format pages: `none` is one picture or table; `map` is the map on one page when its names
 * stay readable there, else tiled (or fitted or tiled when asked); `document` is pages of its own,
 * with the map's pages laid out by the same page options.
 */
export type ExportPaging = 'none' | 'map' | 'document';

/** One export format. */
export interface ExportFormat {
  readonly id: ExportFormatId;
  /** What users call it in messages and menus. */
  readonly label: string;
  /** The file's media type (HTTP `Content-Type`, a download's type). */
  readonly mediaType: string;
  /** The file name's extension, with its dot. */
  readonly extension: string;
  /** The request options it reads; any other option is ignored (or refused, see `selection`). */
  readonly options: readonly ExportOptionName[];
  readonly paging: ExportPaging;
  /** It embeds fonts: the renderer needs `resources.fonts`. */
  readonly fonts: boolean;
  /**
   * It is drawn as this other format and then rasterised by the caller (`resources.rasterise`):
   * rasterising needs a browser's canvas or a Chromium, which this package cannot hold.
   */
  readonly rasterOf?: ExportFormatId;
  /**
   * It is written by the caller's `resources.bpmn` (the interop package's BPMN writer), which this
   * package does not import: interop reads and writes other tools' files, export draws.
   */
  readonly writtenByCaller?: true;
}

/** The options of a drawing of the map: the steps it shows and what it draws on them. */
const PICTURE: readonly ExportOptionName[] = [
  'selection',
  'findings',
  'comments',
  'titleBlock',
  'date',
];

/** Every format, in the order the command line lists them. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormatId, ExportFormat>> = {
  svg: {
    id: 'svg',
    label: 'SVG',
    mediaType: 'image/svg+xml; charset=utf-8',
    extension: '.svg',
    options: PICTURE,
    paging: 'none',
    fonts: false,
  },
  pdf: {
    id: 'pdf',
    label: 'PDF',
    mediaType: 'application/pdf',
    extension: '.pdf',
    options: [...PICTURE, 'page'],
    paging: 'map',
    fonts: true,
  },
  png: {
    id: 'png',
    label: 'PNG',
    mediaType: 'image/png',
    extension: '.png',
    options: PICTURE,
    paging: 'none',
    fonts: false,
    rasterOf: 'svg',
  },
  csv: {
    id: 'csv',
    label: 'CSV',
    mediaType: 'text/csv; charset=utf-8',
    extension: '.csv',
    options: ['table', 'bom'],
    paging: 'none',
    fonts: false,
  },
  report: {
    id: 'report',
    label: 'Improvement report',
    mediaType: 'application/pdf',
    extension: '.pdf',
    options: ['page', 'date'],
    paging: 'document',
    fonts: true,
  },
  bpmn: {
    id: 'bpmn',
    label: 'BPMN 2.0',
    mediaType: 'application/xml; charset=utf-8',
    extension: '.bpmn',
    options: [],
    paging: 'none',
    fonts: false,
    writtenByCaller: true,
  },
};

/** The format ids in the table's order. */
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as readonly ExportFormatId[];

/** Whether `name` is a format id (for input read from a user). */
export function isExportFormatId(name: string): name is ExportFormatId {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** Whether a format reads an option: `selection` says it draws the map, and so can crop it. */
export function acceptsOption(format: ExportFormatId, option: ExportOptionName): boolean {
  return EXPORT_FORMATS[format].options.includes(option);
}
