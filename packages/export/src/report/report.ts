import type { AnalysisResult } from '@procmap/analysis';
import { AS_IS_ID, type ProcessMap } from '@procmap/model';
import type { PDFPage } from 'pdf-lib';
import type { PageOptions } from '../paginate';
import { type ExportFonts, openPdf } from '../pdf-writer';
import { cleanText } from '../text';
import { caseStudySection, proposalBrief } from './case-study';
import { caseStudyOf } from './case-study-data';
import { scenariosNote } from './case-study-opening';
import { commentsSection } from './comments-section';
import { findingsSection } from './findings-section';
import { drawFooters } from './footers';
import { drawMapPages, howToRead, howToReadFits, planMapPages } from './map-section';
import { performanceSection } from './performance-section';
import { reportContext } from './report-context';
import { simulationSection } from './simulation-section';
import { runReportSimulation } from './simulation-run';
import { summarySection } from './summary-section';
import { titlePage } from './title-page';
import { workloadSection } from './workload-section';

/*
 * The improvement report: for a stakeholder who was not in the workshop. Plain-English
 * headings, every number with a line saying what it means, findings most time at stake first.
 * Each section is a function of its own; this file puts them in their order.
 */

export interface ReportOptions extends PageOptions {
  /** Printed on the title page as given (e.g. "29 November 2026"). */
  readonly date?: string;
  /** Findings listed in full (the rest are counted); default 40. */
  readonly maxFindings?: number;
  /**
   * Most pages of map tiles the report holds when the one-page map is too small to read;
   * default 30. A bigger map is left to the tiled map PDF, and the report says so.
   */
  readonly maxTilePages?: number;
  /**
   * A scenario of the map: the report ends with its case study against the as-is ("as-is" or
   * none: the as-is report alone). An unknown id is refused.
   */
  readonly scenario?: string;
}

/**
 * Builds the improvement report PDF: title page, map, metrics, findings, comments, workload,
 * and a simulation of the map's demand when it has one; with `options.scenario`, the case study
 * of that scenario after them (its decision also on the title page).
 */
export async function buildReport(
  map: ProcessMap,
  analysis: AnalysisResult,
  fonts: ExportFonts,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const title = cleanText(map.title) || 'Untitled map';
  const writer = await openPdf(fonts, `Improvement report: ${title}`);
  const report = reportContext(map, analysis, writer, title, options);

  const asIsRun = runReportSimulation(map);
  const study =
    options.scenario === undefined || options.scenario === AS_IS_ID
      ? undefined
      : caseStudyOf(map, options.scenario, report.formats, asIsRun);

  titlePage(report, options.date, study?.name);
  // The decision a case study asks for comes first, on the title page, before the as-is summary.
  if (study) proposalBrief(report, study);
  summarySection(report);
  if (!study) scenariosNote(report);
  // The reading guide says which map pages follow, so the map is paginated before it is written.
  // When the title page has no room left for it, it heads the page after the map rather than
  // standing alone on a page of its own.
  const mapPlan = planMapPages(report, options);
  const guideFirst = howToReadFits(report, mapPlan);
  if (guideFirst) howToRead(report, mapPlan);
  const tilePages = drawMapPages(report, mapPlan);
  if (!guideFirst) {
    report.flow.newPage();
    howToRead(report, mapPlan, true);
    report.flow.y += 10;
  }
  performanceSection(report, !guideFirst);
  findingsSection(report, options.maxFindings ?? 40);
  commentsSection(report);
  workloadSection(report);
  simulationSection(report, asIsRun);
  const studyTiles = study ? caseStudySection(report, study, options) : new Set<PDFPage>();
  drawFooters(writer, title, new Set([...tilePages, ...studyTiles]));

  return writer.doc.save({ useObjectStreams: true });
}
