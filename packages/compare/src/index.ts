export type { AnalysisAnswer, Compared, ComparedProcess, Comparison } from './compare';
export { AS_IS_NAME, analysisAnswer, comparedIds, compareScenarios } from './compare';
export type { ComparisonRun, ProcessSimulation } from './comparison-run';
export { prepareComparisonRun, simulateComparison } from './comparison-run';
export type { MetricChange, RoleChange, Verdict } from './metric-changes';
export { metricChanges, roleChanges, verdictOf } from './metric-changes';
