export {
  CLOSE,
  CLOSE_MESSAGES,
  type CloseCode,
  type CloseName,
  closeMessage,
  isFinalClose,
} from './close-codes';
export { MESSAGE, SYNC } from './messages';
export {
  isRefusalCode,
  readRefusal,
  REFUSALS,
  type RefusalCode,
  type RefusalInfo,
  type RefusalKind,
} from './refusals';
