/** Map (+ analysis) to a scene of primitives: lanes, headers, steps, flows, badges, markers. */
export { buildScene } from './build-scene';
export type { SceneOptions } from './draw-map';
/** The one drawing of a map, onto any painter (the SVG writer and the scene are two). */
export { drawMap } from './draw-map';
export type { Box, Curve, Layer, Painter, TextStyle } from './painter';
export { LAYER } from './painter';
/** The scene's primitives. */
export type {
  Item,
  LegendEntry,
  Paint,
  PathItem,
  PolygonItem,
  RectItem,
  Scene,
  SceneFrame,
  SceneLane,
  TextItem,
} from './scene';
/** A map as a standalone, script-free SVG document (text or bytes); XML escaping for text. */
export { escapeXml, toSvg, toSvgBytes } from './svg';
/** A scene as a vector PDF with an embedded font; one page of a map on an open PDF. */
export { drawMapPage, toPdf } from './pdf';
export type { ExportFonts, PdfWriter } from './pdf-writer';
/** The font files this package ships (callers read them and pass the bytes). */
export { BUNDLED_FONTS } from './pdf-writer';
export type { FontFace } from './pdf-shaped-text';
/** Page sizes and splitting a map into a readable page or labelled tiles. */
export {
  PAGE_LAYOUT,
  PAGE_SIZES,
  pageSize,
  paginate,
  readableScale,
  smallestName,
  smallestText,
  tileCount,
} from './paginate';
export type { MapPage, PageMode, PageOptions, PageSizeName } from './paginate';
/** Text measured with the bundled font's widths, wrapped and cleaned. */
export { cleanText, textWidth, wrapText } from './text';
/** Steps or findings as CSV (RFC 4180, formula injection neutralised). */
export { CSV_BOM, csvCell, csvRows, toCsv } from './csv';
export type { CsvTable } from './csv';
/** The improvement report PDF, and its helpers. */
export { buildReport } from './report/report';
export type { ReportOptions } from './report/report';
export { commentVotes } from './report/votes';
/** The export formats (one table), their requests, refusals and the one renderer every app calls. */
export { acceptsOption, EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormatId } from './formats';
export type { ExportFormat, ExportFormatId, ExportOptionName, ExportPaging } from './formats';
export { ExportError, exportErrors, NAMED_IDS } from './export-errors';
export type { ExportErrorCode, RequestSyntax } from './export-errors';
export {
  checkStepSelection,
  parseCsvTable,
  parseExportFormat,
  parsePageOptions,
  parseScenario,
  parseStepSelection,
  processOf,
} from './export-request';
export type { ExportRequest } from './export-request';
export { planPages, renderExport } from './render-export';
export type { ExportResources, PagePlan, RenderedExport } from './render-export';
/** The date an export prints, and the bundled fonts read through the caller's file reader. */
export { formatExportDate } from './export-date';
export { keepFonts, loadBundledFonts } from './bundled-fonts';
export type { ReadFontFile } from './bundled-fonts';
