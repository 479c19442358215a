export type { AnalyzeOptions } from './analyze';
export type { Annotation } from './annotations';
export { annotations } from './annotations';
export { analyze, expectedVisits } from './analyze';
export type { Thresholds } from './thresholds';
export { DEFAULT_THRESHOLDS, resolveThresholds } from './thresholds';
export type {
  AnalysisResult,
  BottleneckMetric,
  Finding,
  LongestWaitMetric,
  Metrics,
  RoleMetrics,
  RuleId,
  Severity,
} from './types';
export { RULE_IDS } from './types';
