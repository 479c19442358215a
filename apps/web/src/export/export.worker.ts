/// <reference lib="webworker" />
import { analyze } from '@procmap/analysis';
import {
  buildReport,
  buildScene,
  CSV_BOM,
  type ExportFonts,
  paginate,
  smallestName,
  toCsv,
  toPdf,
  toSvg,
} from '@procmap/export';
import boldUrl from '@procmap/export/fonts/LiberationSans-Bold.ttf?url';
import regularUrl from '@procmap/export/fonts/LiberationSans-Regular.ttf?url';
import arabicBoldUrl from '@procmap/export/fonts/NotoSansArabic-Bold.ttf?url';
import arabicUrl from '@procmap/export/fonts/NotoSansArabic-Regular.ttf?url';
import type { ExportReply, ExportRequest, ExportSettings } from './export-protocol';

/*
 * Exports off the main thread: a PDF of a big map or the report takes seconds, and the canvas
 * must stay responsive meanwhile. The fonts are fetched once, on the first PDF.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
let fonts: Promise<ExportFonts> | undefined;

async function loadFonts(): Promise<ExportFonts> {
  const get = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the export font could not be loaded (${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const [regular, bold, arabic, arabicBold] = await Promise.all([
    get(regularUrl),
    get(boldUrl),
    get(arabicUrl),
    get(arabicBoldUrl),
  ]);
  return { regular, bold, arabic: { regular: arabic, bold: arabicBold } };
}

/** What the map picture shows, from the dialog's settings. */
function sceneOptions(
  settings: ExportSettings,
  analysis: ReturnType<typeof analyze>,
  date: string,
) {
  return {
    analysis,
    ...(settings.selection ? { selection: settings.selection } : {}),
    findings: settings.findings,
    comments: settings.comments,
    titleBlock: settings.titleBlock,
    date,
  };
}

scope.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, kind, map, settings, date } = event.data;
  const post = (reply: ExportReply) =>
    scope.postMessage(
      reply,
      reply.kind === 'done' && reply.data instanceof Uint8Array ? [reply.data.buffer] : [],
    );
  const stage = (text: string) => post({ id, kind: 'progress', stage: text });
  try {
    stage('Analysing the map…');
    const analysis = analyze(map);
    const page = {
      size: settings.page,
      landscape: settings.landscape,
      mode: settings.mode,
    } as const;
    if (kind === 'plan') {
      // The same scene the PDF would draw, only paginated: cheap next to writing the file.
      const scene = buildScene(map, sceneOptions(settings, analysis, date));
      const pages = paginate(scene, page);
      const scale = Math.min(...pages.map((p) => p.scale));
      const plan = { pages: pages.length, smallestName: smallestName(scene) * scale };
      post({ id, kind: 'plan', plan });
      return;
    }
    if (settings.format === 'csv-steps' || settings.format === 'csv-findings') {
      const table = settings.format === 'csv-steps' ? 'steps' : 'findings';
      const data = CSV_BOM + toCsv(map, analysis, table); // a file for Excel: see CSV_BOM
      post({ id, kind: 'done', data, mime: 'text/csv;charset=utf-8' });
      return;
    }
    if (settings.format === 'report') {
      stage('Loading the font…');
      fonts ??= loadFonts();
      const loaded = await fonts;
      stage('Writing the report…');
      const bytes = await buildReport(map, analysis, loaded, { ...page, date });
      post({ id, kind: 'done', data: bytes, mime: 'application/pdf' });
      return;
    }
    stage('Drawing the map…');
    const options = sceneOptions(settings, analysis, date);
    if (settings.format === 'pdf') {
      const scene = buildScene(map, options);
      stage('Loading the font…');
      fonts ??= loadFonts();
      const loaded = await fonts;
      stage('Writing the PDF…');
      post({ id, kind: 'done', data: await toPdf(scene, loaded, page), mime: 'application/pdf' });
      return;
    }
    post({ id, kind: 'done', data: toSvg(map, options), mime: 'image/svg+xml;charset=utf-8' });
  } catch (error) {
    fonts = undefined;
    post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
