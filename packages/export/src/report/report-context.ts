import { type AnalysisResult, type FormatSettings, formatMinutes } from '@procmap/analysis';
import {
  indexMap,
  type MapIndex,
  type ProcessMap,
  type ResolvedSettings,
  resolveSettings,
} from '@procmap/model';
import type { PageOptions } from '../paginate';
import type { PdfWriter } from '../pdf-writer';
import { cleanText } from '../text';
import { PageFlow } from './page-flow';

/*
 * What every section of the improvement report reads: the map and its analysis, the text flow
 * the sections write down the pages, and the map's own way of writing times and naming steps.
 */

export interface ReportContext {
  readonly map: ProcessMap;
  readonly analysis: AnalysisResult;
  readonly writer: PdfWriter;
  readonly flow: PageFlow;
  /** The map's title as printed (cleaned; "Untitled map" when it has none). */
  readonly title: string;
  readonly settings: ResolvedSettings;
  /** The settings the analysis formatters read (working day, currency). */
  readonly formats: FormatSettings;
  readonly index: MapIndex;
  /** Minutes in the map's working days and hours. */
  time(minutes: number): string;
  /** A step as a reader finds it on the map: its label in quotes and its role. */
  stepName(id: string): string;
}

/** The context of one report, its text flow starting on no page yet. */
export function reportContext(
  map: ProcessMap,
  analysis: AnalysisResult,
  writer: PdfWriter,
  title: string,
  options: PageOptions,
): ReportContext {
  const settings = resolveSettings(map);
  const formats: FormatSettings =
    typeof settings.currency === 'string'
      ? { hoursPerDay: settings.hoursPerDay, currency: settings.currency }
      : { hoursPerDay: settings.hoursPerDay };
  const index = indexMap(map);
  return {
    map,
    analysis,
    writer,
    flow: new PageFlow(writer, options),
    title,
    settings,
    formats,
    index,
    time: (minutes) => formatMinutes(minutes, settings.hoursPerDay),
    stepName: (id) => {
      const step = index.step(id as never);
      if (!step) return id;
      const role = index.role(step.roleId)?.name;
      return `“${cleanText(step.label) || '(no label)'}”${role ? ` (${cleanText(role)})` : ''}`;
    },
  };
}
