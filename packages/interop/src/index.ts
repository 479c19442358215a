export type {
  ImportFormat,
  Imported,
  ImportNote,
  ImportRefusal,
  ImportRefusalCode,
} from './imported';
export { MAX_IMPORT_BYTES } from './imported';
export { checkXml } from './xml-guard';
