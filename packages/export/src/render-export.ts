import { type AnalysisResult, analyze } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import { buildScene } from './build-scene';
import { CSV_BOM, toCsv } from './csv';
import type { SceneOptions } from './draw-map';
import { exportErrors } from './export-errors';
import { type ExportRequest, processOf } from './export-request';
import { EXPORT_FORMATS, type ExportFormatId } from './formats';
import { paginate, smallestName } from './paginate';
import { toPdf } from './pdf';
import type { ExportFonts } from './pdf-writer';
import { buildReport } from './report/report';
import { toSvg, toSvgBytes } from './svg';

/*
 * One export, whoever asks: the editor's worker, the server's export thread and the command line
 * call this with what they have that this package cannot get for itself (fonts read from files
 * or fetched, a rasteriser). The request is trusted: check what a user typed first (see
 * export-request.ts); a selection naming no step of the map draws the steps it does name.
 */

/** The encoder every JavaScript runtime we run in has (the package compiles without DOM types). */
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

/** What the caller provides; each is asked for only by the formats that need it. */
export interface ExportResources {
  /** The fonts to embed (PDF, report); called once per export that needs them. */
  readonly fonts?: () => Promise<ExportFonts>;
  /** Draws an SVG document as PNG bytes (PNG). */
  readonly rasterise?: (svg: string) => Promise<Uint8Array>;
  /** Writes a process as BPMN 2.0 XML with its diagram (the interop package's `exportBpmn`). */
  readonly bpmn?: (map: ProcessMap) => Promise<string>;
  /** Told each stage as it starts ("Drawing the map…"), for a progress line. */
  readonly progress?: (stage: string) => void;
}

/** A rendered export: its bytes and media type. */
export interface RenderedExport {
  readonly format: ExportFormatId;
  readonly mediaType: string;
  readonly body: Uint8Array;
}

/** How a map PDF will come out: its pages and the size its smallest names print at. */
export interface PagePlan {
  readonly pages: number;
  /** Points. */
  readonly smallestName: number;
}

/** What the map picture shows, from a request. */
function sceneOptions(request: ExportRequest, analysis: AnalysisResult): SceneOptions {
  return {
    analysis,
    ...(request.selection ? { selection: request.selection } : {}),
    findings: request.findings ?? true,
    comments: request.comments ?? true,
    titleBlock: request.titleBlock ?? true,
    ...(request.date !== undefined ? { date: request.date } : {}),
  };
}

async function fontsFor(request: ExportRequest, resources: ExportResources): Promise<ExportFonts> {
  if (!resources.fonts) throw exportErrors.missingResource(request.format, 'fonts');
  resources.progress?.('Loading the font…');
  return resources.fonts();
}

/** Renders one export (CPU-heavy for big maps: callers run it off their main thread). */
export async function renderExport(
  whole: ProcessMap,
  request: ExportRequest,
  resources: ExportResources = {},
): Promise<RenderedExport> {
  const { format } = request;
  // The report reads the whole map (a case study compares the scenario with the as-is); the
  // pictures and tables draw the one process asked for.
  const map = format === 'report' ? whole : processOf(whole, request.scenario);
  const stage = (text: string) => resources.progress?.(text);
  const done = (body: Uint8Array): RenderedExport => ({
    format,
    mediaType: EXPORT_FORMATS[format].mediaType,
    body,
  });
  if (format === 'bpmn') {
    if (!resources.bpmn) throw exportErrors.missingResource(format, 'bpmn');
    stage('Writing the BPMN…');
    return done(new TextEncoder().encode(await resources.bpmn(map)));
  }
  stage('Analysing the map…');
  const analysis = analyze(map);
  switch (format) {
    case 'csv': {
      // A file for Excel gets the byte-order mark (see CSV_BOM); a pipe to another tool does not.
      const bom = (request.bom ?? true) ? CSV_BOM : '';
      return done(new TextEncoder().encode(bom + toCsv(map, analysis, request.table ?? 'steps')));
    }
    case 'report': {
      const fonts = await fontsFor(request, resources);
      stage('Writing the report…');
      const page = request.page ?? {};
      const scenario = request.scenario === undefined ? {} : { scenario: request.scenario };
      return done(
        await buildReport(map, analysis, fonts, { ...page, date: request.date, ...scenario }),
      );
    }
    case 'pdf': {
      stage('Drawing the map…');
      const scene = buildScene(map, sceneOptions(request, analysis));
      const fonts = await fontsFor(request, resources);
      stage('Writing the PDF…');
      return done(await toPdf(scene, fonts, request.page ?? {}));
    }
    case 'svg':
      stage('Drawing the map…');
      return done(toSvgBytes(map, sceneOptions(request, analysis)));
    case 'png': {
      if (!resources.rasterise) throw exportErrors.missingResource(format, 'rasterise');
      stage('Drawing the map…');
      const svg = toSvg(map, sceneOptions(request, analysis));
      try {
        return done(await resources.rasterise(svg));
      } catch (cause) {
        throw exportErrors.rasteriseFailed(format, cause);
      }
    }
  }
}

/**
 * How a map PDF of this request will come out, without writing it: the same scene, only
 * paginated (cheap next to writing the file).
 */
export function planPages(
  whole: ProcessMap,
  request: ExportRequest,
  resources: Pick<ExportResources, 'progress'> = {},
): PagePlan {
  const map = processOf(whole, request.scenario);
  resources.progress?.('Analysing the map…');
  const scene = buildScene(map, sceneOptions(request, analyze(map)));
  const pages = paginate(scene, request.page ?? {});
  const scale = Math.min(...pages.map((p) => p.scale));
  return { pages: pages.length, smallestName: smallestName(scene) * scale };
}
