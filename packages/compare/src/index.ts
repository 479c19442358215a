export type { AnalysisAnswer, Compared, ComparedProcess, Comparison } from './compare';
export { AS_IS_NAME, analysisAnswer, comparedIds, compareScenarios } from './compare';
export type { ComparisonRun, ProcessSimulation } from './comparison-run';
export { prepareComparisonRun, simulateComparison } from './comparison-run';
export type { ChangeContext, ChangeTable } from './change-words';
export { describeFieldChange, describeMove, fieldValue, fieldWord } from './change-words';
export type {
  ChangedStepWords,
  DescribedChanges,
  FlowWords,
  RoleWords,
  StepWords,
} from './describe-changes';
export { describeChanges, formatsOf } from './describe-changes';
export type { MetricChange, RoleChange, RoleVerdict, Verdict } from './metric-changes';
export { metricChanges, roleChanges, verdictOf } from './metric-changes';
