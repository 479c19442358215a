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
  readonly mode: 'fit' | 'tile';
}

export interface ExportRequest {
  readonly id: number;
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
      readonly data: Uint8Array | string;
      readonly mime: string;
    }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
