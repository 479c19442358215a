export { refuseBinary } from './binary-file';
export { exportBpmn } from './bpmn-export/export-bpmn';
export { importBpmn } from './bpmn/import-bpmn';
export type {
  ColumnOverrides,
  CsvField,
  CsvImportOptions,
  CsvPreview,
  CsvPreviewColumn,
  CsvProblem,
  CsvProblemCode,
  TimeUnit,
  UnitOverrides,
  UnitSource,
} from './csv/index';
export { CSV_FIELDS, importCsv, previewCsv, TIME_UNITS } from './csv/index';
export type { DecodedFile } from './decode-file';
export { decodeFile } from './decode-file';
export type { DetectedFormat } from './detect-format';
export { detectFormat } from './detect-format';
export type { DrawioOptions } from './drawio/import-drawio';
export { importDrawio } from './drawio/import-drawio';
export type { ImportFileOptions } from './import-file';
export { importFile } from './import-file';
export type {
  ImportFormat,
  Imported,
  ImportNote,
  ImportRefusal,
  ImportRefusalCode,
} from './imported';
export { MAX_IMPORT_BYTES } from './imported';
export { RECORD_AUTHOR } from './record-notes';
export { checkXml } from './xml-guard';
