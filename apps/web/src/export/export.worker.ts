/// <reference lib="webworker" />
import {
  BUNDLED_FONTS,
  EXPORT_FORMATS,
  keepFonts,
  loadBundledFonts,
  planPages,
  renderExport,
} from '@procmap/export';
import boldUrl from '@procmap/export/fonts/LiberationSans-Bold.ttf?url';
import regularUrl from '@procmap/export/fonts/LiberationSans-Regular.ttf?url';
import arabicBoldUrl from '@procmap/export/fonts/NotoSansArabic-Bold.ttf?url';
import arabicUrl from '@procmap/export/fonts/NotoSansArabic-Regular.ttf?url';
import type { ProcessMap } from '@procmap/model';
import { type ExportMessage, type ExportReply, exportRequest } from './export-protocol';

/*
 * Exports off the main thread: a PDF of a big map or the report takes seconds, and the canvas
 * must stay responsive meanwhile. The fonts are fetched once, on the first PDF.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Where the bundler put each font file the export package names. */
const FONT_URLS: Readonly<Record<string, string>> = {
  [BUNDLED_FONTS.regular]: regularUrl,
  [BUNDLED_FONTS.bold]: boldUrl,
  [BUNDLED_FONTS.arabic.regular]: arabicUrl,
  [BUNDLED_FONTS.arabic.bold]: arabicBoldUrl,
};

async function fetchFont(name: string): Promise<Uint8Array> {
  const res = await fetch(FONT_URLS[name] ?? name);
  if (!res.ok) throw new Error(`the export font could not be loaded (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

const fonts = keepFonts(() => loadBundledFonts(fetchFont));

/** The BPMN writer, loaded on the first BPMN export (no other format needs it). */
async function bpmn(map: ProcessMap): Promise<string> {
  const { exportBpmn } = await import('@procmap/interop');
  return exportBpmn(map);
}

scope.onmessage = async (event: MessageEvent<ExportMessage>) => {
  const { id, kind, map, settings, date } = event.data;
  const post = (reply: ExportReply) =>
    scope.postMessage(reply, reply.kind === 'done' ? [reply.data.buffer] : []);
  const progress = (stage: string) => post({ id, kind: 'progress', stage });
  try {
    const request = exportRequest(settings, date);
    if (kind === 'plan') {
      post({ id, kind: 'plan', plan: planPages(map, request, { progress }) });
      return;
    }
    // A PNG is rasterised on the page, which has a canvas: here it is drawn as its SVG.
    const drawn = EXPORT_FORMATS[request.format].rasterOf ?? request.format;
    const rendered = await renderExport(
      map,
      { ...request, format: drawn },
      {
        fonts,
        bpmn,
        progress,
      },
    );
    post({ id, kind: 'done', data: rendered.body, mime: rendered.mediaType });
  } catch (error) {
    post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
