export type { AnalyzeOptions } from './analyze';
export type { Annotation } from './annotations';
export { annotations } from './annotations';
export { analyze, expectedVisits } from './analyze';
export type { FormatSettings, MetricDescriptor, MetricKey, MetricUnit } from './descriptors';
export {
  describeBottleneck,
  formatMetric,
  formatValue,
  METRIC_DESCRIPTORS,
  metricDescriptor,
  RULE_LABELS,
} from './descriptors';
export { formatMinutes, formatMoney, formatNumber, formatShare } from './format';
export type { AnalysisMemo } from './memo';
export { analysisMemo } from './memo';
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
