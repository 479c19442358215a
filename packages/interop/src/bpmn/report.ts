import type { ImportNote } from '../imported';
import type { StepCounts } from './build-steps';
import type { Lanes } from './lanes';
import type { Counts } from './read-process';

/*
 * The import's report: what could not be carried over exactly, counted, in plain sentences
 * ("3 message flows between pools kept as notes"). Codes are stable for programs; the list is in
 * docs/interop/bpmn-import.md. Each sentence is written for one and for several.
 */

/** Code → the sentence after the count, for one and for several, in the order reported. */
export const REPORT_TEXTS = {
  unassigned: ['node in no lane put in Unassigned', 'nodes in no lane put in Unassigned'],
  'message-flows': [
    'message flow between pools kept as notes',
    'message flows between pools kept as notes',
  ],
  'parallel-removed': [
    'parallel gateway replaced by flows that branch or join directly',
    'parallel gateways replaced by flows that branch or join directly',
  ],
  'parallel-kept': [
    'parallel gateway kept as a step of no time, as removing it would change the process',
    'parallel gateways kept as steps of no time, as removing them would change the process',
  ],
  'sub-processes': [
    'expanded sub-process opened out into its steps',
    'expanded sub-processes opened out into their steps',
  ],
  'collapsed-sub-processes': [
    'collapsed sub-process with steps inside opened out into its steps',
    'collapsed sub-processes with steps inside opened out into their steps',
  ],
  'sub-process-events': [
    'start or end event of a sub-process left out: flows go straight to the steps inside',
    'start and end events of sub-processes left out: flows go straight to the steps inside',
  ],
  'event-sub-processes': [
    'event sub-process kept as a branch',
    'event sub-processes kept as branches',
  ],
  'event-sub-processes-unlinked': [
    'event sub-process of a whole process has no flow into it: it starts on its event',
    'event sub-processes of a whole process have no flow into them: they start on their event',
  ],
  'boundary-events': [
    'boundary event kept as a branch from its activity',
    'boundary events kept as branches from their activity',
  ],
  'link-events': [
    'link event joined to its partner: the flow goes straight on',
    'link events joined to their partners: the flow goes straight on',
  ],
  repeated: [
    'repeated activity (loop or multi-instance) imported as one step',
    'repeated activities (loop or multi-instance) imported as one step each',
  ],
  data: ['data object or store left out', 'data objects and stores left out'],
  'other-elements': [
    'element of another kind (such as a group) left out',
    'elements of other kinds (such as groups) left out',
  ],
  'dangling-flows': [
    'sequence flow without a step at both ends left out',
    'sequence flows without a step at both ends left out',
  ],
  unreadable: [
    'part of the file could not be read and was left out',
    'parts of the file could not be read and were left out',
  ],
  annotations: ['text annotation kept as a comment', 'text annotations kept as comments'],
  'nested-lanes': [
    'lane holding other lanes is not a role: its inner lanes are',
    'lanes holding other lanes are not roles: their inner lanes are',
  ],
  'empty-pools': [
    'pool drawn without a process (another party) kept as an empty lane',
    'pools drawn without a process (other parties) kept as empty lanes',
  ],
  'duplicate-lane-names': [
    'lane shares its name with another and is kept apart',
    'lanes share their name with another and are kept apart',
  ],
  'line-breaks': [
    'name written over several lines joined into one line',
    'names written over several lines joined into one line',
  ],
  'long-labels': [
    'name longer than the label limit cut; the full text is in the notes',
    'names longer than the label limit cut; the full text is in the notes',
  ],
  conditions: [
    "flow condition kept in its decision's notes",
    "flow conditions kept in their decision's notes",
  ],
  probabilities: [
    'flow probability taken from its name or condition',
    'flow probabilities taken from their names or conditions',
  ],
  'probabilities-ignored': [
    "decision's stated probabilities ignored, as they do not add up to 1",
    "decisions' stated probabilities ignored, as they do not add up to 1",
  ],
  'no-position': [
    'step not drawn in the file: tidy up places it',
    'steps not drawn in the file: tidy up places them',
  ],
  diagrams: ['diagram', 'diagrams in the file read as one map'],
  'procmap-values-ignored': [
    "value of procmap's own attributes was not valid and was left out",
    "values of procmap's own attributes were not valid and were left out",
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type ReportCode = keyof typeof REPORT_TEXTS;

/** "1 node…" / "3 nodes…", or nothing for a count of 0. */
export function counted(code: ReportCode, count: number, tail = ''): ImportNote | undefined {
  if (count <= 0) return undefined;
  const [one, many] = REPORT_TEXTS[code];
  return { code, count, message: `${count} ${count === 1 ? one : many}${tail}` };
}

export interface Tally {
  readonly walked: Counts;
  readonly steps: StepCounts;
  readonly lanes: Lanes;
  readonly unassigned: number;
  readonly messageFlows: number;
  readonly parallel: { readonly removed: number; readonly kept: number };
  readonly annotations: number;
  readonly diagrams: number;
  readonly unreadable: { readonly count: number; readonly line?: number };
  readonly procmapIgnored: number;
}

/** The report of one import, in the order of REPORT_TEXTS. */
export function reportOf(t: Tally): ImportNote[] {
  const w = t.walked;
  const s = t.steps;
  const at = t.unreadable.line === undefined ? '' : ` (the first on line ${t.unreadable.line})`;
  const counts: Record<ReportCode, number> = {
    unassigned: t.unassigned,
    'message-flows': t.messageFlows,
    'parallel-removed': t.parallel.removed,
    'parallel-kept': t.parallel.kept,
    'sub-processes': w.expanded,
    'collapsed-sub-processes': w.collapsedOpened,
    'sub-process-events': w.subEvents,
    'event-sub-processes': w.eventSubs,
    'event-sub-processes-unlinked': w.eventSubsLoose,
    'boundary-events': w.boundary,
    'link-events': w.links,
    repeated: w.repeated,
    data: w.data,
    'other-elements': w.other,
    'dangling-flows': w.dangling,
    unreadable: t.unreadable.count,
    annotations: t.annotations,
    'nested-lanes': t.lanes.nested,
    'empty-pools': t.lanes.emptyPools,
    'duplicate-lane-names': t.lanes.sameName,
    'line-breaks': s.lineBreaks + t.lanes.lineBreaks,
    'long-labels': s.cut,
    conditions: s.conditionsInNotes,
    probabilities: s.probabilities,
    'probabilities-ignored': s.probabilitiesIgnored,
    'no-position': s.unplaced,
    diagrams: t.diagrams > 1 ? t.diagrams : 0,
    'procmap-values-ignored': t.procmapIgnored,
  };
  const notes: ImportNote[] = [];
  for (const code of Object.keys(REPORT_TEXTS) as ReportCode[]) {
    const note = counted(code, counts[code], code === 'unreadable' ? at : '');
    if (note) notes.push(note);
  }
  return notes;
}
