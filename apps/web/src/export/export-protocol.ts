import {
  type CsvTable,
  EXPORT_FORMATS,
  type ExportFormatId,
  type ExportRequest,
  type PagePlan,
} from '@procmap/export';
import type { ProcessMap } from '@procmap/model';

export type { PagePlan };

/** What the dialog offers: the export formats, with the CSV's two tables as two choices. */
export type ExportFormat = 'pdf' | 'svg' | 'png' | 'report' | 'csv-steps' | 'csv-findings' | 'bpmn';

/** Each choice of the dialog as a format of the export package (and, for CSV, its table). */
export const CHOICES: Readonly<
  Record<ExportFormat, { readonly format: ExportFormatId; readonly table?: CsvTable }>
> = {
  pdf: { format: 'pdf' },
  svg: { format: 'svg' },
  png: { format: 'png' },
  report: { format: 'report' },
  'csv-steps': { format: 'csv', table: 'steps' },
  'csv-findings': { format: 'csv', table: 'findings' },
  bpmn: { format: 'bpmn' },
};

/** The export format of a choice, as the package's table describes it. */
export const formatOf = (choice: ExportFormat) => EXPORT_FORMATS[CHOICES[choice].format];

export interface ExportSettings {
  readonly format: ExportFormat;
  /** Only these steps; all when absent. */
  readonly selection?: readonly string[];
  readonly findings: boolean;
  readonly comments: boolean;
  readonly titleBlock: boolean;
  readonly page: 'A4' | 'A3' | 'Letter';
  readonly landscape: boolean;
  /** `auto`: one page when its names are readable (8 pt or more) there, else readable tiles. */
  readonly mode: 'auto' | 'fit' | 'tile';
  /** A scenario of the map: its process, or for the report its case study; the as-is when absent. */
  readonly scenario?: string;
}

/** The dialog's settings as a request to the export package. */
export function exportRequest(settings: ExportSettings, date: string): ExportRequest {
  const { format, table } = CHOICES[settings.format];
  return {
    format,
    ...(table ? { table } : {}),
    ...(settings.selection ? { selection: settings.selection } : {}),
    ...(settings.scenario !== undefined ? { scenario: settings.scenario } : {}),
    findings: settings.findings,
    comments: settings.comments,
    titleBlock: settings.titleBlock,
    date,
    page: { size: settings.page, landscape: settings.landscape, mode: settings.mode },
  };
}

export interface ExportMessage {
  readonly id: number;
  /** `plan`: only count the PDF's pages, before exporting. */
  readonly kind?: 'export' | 'plan';
  readonly map: ProcessMap;
  readonly settings: ExportSettings;
  /** Printed on the report's title page. */
  readonly date: string;
}

/** Progress, then one answer: a file's bytes (PNG: the SVG to rasterise on the page). */
export type ExportReply =
  | { readonly id: number; readonly kind: 'progress'; readonly stage: string }
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly data: Uint8Array;
      readonly mime: string;
    }
  | { readonly id: number; readonly kind: 'plan'; readonly plan: PagePlan }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
