import type { ProcessMap } from '@procmap/model';

export type ExportFormat = 'pdf' | 'svg' | 'png' | 'report' | 'csv-steps' | 'csv-findings';

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
}

export interface ExportRequest {
  readonly id: number;
  /** `plan`: only count the PDF's pages, before exporting. */
  readonly kind?: 'export' | 'plan';
  readonly map: ProcessMap;
  readonly settings: ExportSettings;
  /** Printed on the report's title page. */
  readonly date: string;
}

/** How a map PDF will come out: its pages and the size its smallest names print at. */
export interface PagePlan {
  readonly pages: number;
  /** Points. */
  readonly smallestName: number;
}

/** Progress, then one answer: a file's bytes (PNG: the SVG to rasterise on the page). */
export type ExportReply =
  | { readonly id: number; readonly kind: 'progress'; readonly stage: string }
  | {
      readonly id: number;
      readonly kind: 'done';
      readonly data: Uint8Array | string;
      readonly mime: string;
    }
  | { readonly id: number; readonly kind: 'plan'; readonly plan: PagePlan }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
