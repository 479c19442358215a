import { formatExportDate } from '@procmap/export';
import type { ProcessMap } from '@procmap/model';
import { type ExportReply, type ExportSettings, formatOf } from './export-protocol';
import { scenarioName } from './process-choice';

/** What an export produced: the file to save. */
export interface ExportedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** What the file name says after the title, before the extension: the report and the tables. */
const TAGS: Partial<Record<ExportSettings['format'], string>> = {
  report: ' - improvement report',
  'csv-steps': ' - steps',
  'csv-findings': ' - findings',
};

/**
 * A file name from the map's title (and the scenario's name, for a scenario's export): no path
 * separators or characters file systems refuse.
 */
export function fileName(
  title: string,
  format: ExportSettings['format'],
  scenario?: string,
): string {
  const tag =
    scenario === undefined
      ? (TAGS[format] ?? '')
      : ` - ${clean(scenario, 60)}${format === 'report' ? ' - case study' : (TAGS[format] ?? '')}`;
  return `${clean(title, 80) || 'Process map'}${tag}${formatOf(format).extension}`;
}

/** Text fit for a file name: no controls, no characters file systems refuse, cut to `most`. */
function clean(text: string, most: number): string {
  const visible = [...text].map((c) => (c.charCodeAt(0) < 32 || c === '\u007f' ? ' ' : c)).join('');
  const stem = visible
    .replace(/[<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, most);
  return stem;
}

/**
 * Why this map cannot be exported yet, or `null`: a map with no steps would give a blank
 * picture or an empty table, and "Saved" would be misleading.
 */
export function exportRefusal(map: Pick<ProcessMap, 'steps'>): string | null {
  return map.steps.length === 0
    ? 'This map has no steps yet: add some to the map, then export it.'
    : null;
}

/** Draws our own SVG (its UTF-8 bytes) onto a canvas at `scale` and returns it as a PNG. */
async function rasterise(svg: Uint8Array, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(
    new Blob([svg as BlobPart], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the picture could not be drawn'));
      image.src = url;
    });
    // Browsers cap canvas size (about 16k pixels a side): big maps are drawn smaller.
    const limit = 16_000;
    const s = Math.min(
      scale,
      limit / Math.max(image.naturalWidth, 1),
      limit / Math.max(image.naturalHeight, 1),
    );
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * s));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * s));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw a PNG');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

let nextId = 0;

/**
 * Runs one export in a worker, reporting its stages; resolves with the file. `signal` cancels it
 * (the worker is stopped at once).
 */
export function runExport(
  map: ProcessMap,
  settings: ExportSettings,
  onStage: (stage: string) => void,
  signal: AbortSignal,
): Promise<ExportedFile> {
  const refused = exportRefusal(map);
  if (refused) return Promise.reject(new Error(refused));
  const id = ++nextId;
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'export',
  });
  const date = formatExportDate(new Date());
  return new Promise<ExportedFile>((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(new DOMException('Export cancelled', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort);
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      reject(new Error('the export could not start'));
    };
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.kind === 'progress') {
        onStage(reply.stage);
        return;
      }
      stop();
      if (reply.kind !== 'done') {
        reject(new Error(reply.kind === 'failed' ? reply.message : 'the export gave no file'));
        return;
      }
      const filename = fileName(map.title, settings.format, scenarioName(map, settings.scenario));
      if (formatOf(settings.format).rasterOf) {
        onStage('Drawing the PNG…');
        rasterise(reply.data, 2).then((blob) => resolve({ blob, filename }), reject);
        return;
      }
      resolve({ blob: new Blob([reply.data as BlobPart], { type: reply.mime }), filename });
    };
    worker.postMessage({ id, map, settings, date });
  });
}

/** Hands a file to the browser's download. */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
