export type {
  CommentOptions,
  Extensions,
  FlowOptions,
  MapOptions,
  RoleOptions,
  StepOptions,
} from './builder';
export { DEFAULT_CREATED_AT, MapBuilder, mapBuilder } from './builder';
export type { FixtureName } from './fixtures';
export {
  FIXTURES,
  hospitalDischarge,
  invoiceApproval,
  outpatientReferral,
  tinyMap,
} from './fixtures';
export type { GenerateOptions } from './generate-map';
export { generateMap } from './generate-map';
export type { Prng } from './prng';
export { createPrng } from './prng';
export type { ConvergenceOptions, ConvergenceReport } from './multi-peer/convergence';
export { runConvergence } from './multi-peer/convergence';
export type { Peer } from './multi-peer/network';
export { SimNetwork } from './multi-peer/network';
export { runRandomCommand } from './multi-peer/random-commands';
export type { SvgShape, XmlTree } from './export-checks';
export {
  EXPORT_FONTS,
  EXPORT_FONTS_ALL,
  flat,
  HAS_PDFTOTEXT,
  parseXml,
  pdfText,
  poppler,
  svgShapes,
} from './export-checks';
export { HOSTILE_PAYLOADS } from './hostile-payloads';
export type { ReferralPairOptions } from './scenario-maps';
export {
  portalFlows,
  portalSteps,
  referralCheck,
  referralFlows,
  referralPair,
  referralPairMap,
  referralRoles,
  referralSteps,
} from './scenario-maps';
