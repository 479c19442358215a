/*
 * What a column of a steps sheet can be, and the headers people give it. Headers are compared
 * by their letters and digits only, lower case (`headerKey`), so "Process time", "process_time"
 * and "PROCESS-TIME" are one header; a rank orders the synonyms of a field from the most to the
 * least certain, so "Label" beats "Description" when a sheet has both.
 */

/** The step fields a column can hold. */
export const CSV_FIELDS = [
  'id',
  'role',
  'roleId',
  'roleOrder',
  'kind',
  'label',
  'next',
  'after',
  'nextLabels',
  'nextProbabilities',
  'processTime',
  'waitTime',
  'valueClass',
  'activity',
  'completeAccurate',
  'batchSize',
  'dataEntered',
  'systems',
  'notes',
  'processVariation',
  'waitVariation',
] as const;

export type CsvField = (typeof CSV_FIELDS)[number];

export const isCsvField = (value: unknown): value is CsvField =>
  typeof value === 'string' && (CSV_FIELDS as readonly string[]).includes(value);

/** The fields that hold a time, whose header may name the unit of bare numbers. */
export const TIME_FIELDS: ReadonlySet<CsvField> = new Set(['processTime', 'waitTime']);

/**
 * Synonyms of each field, as header keys, best first: the position in the list is the rank. A
 * header may be a synonym of two fields ("Description": a label, else notes); the better rank
 * wins, and a field takes one column only.
 */
const SYNONYMS: Readonly<Record<CsvField, readonly (readonly string[])[]>> = {
  id: [
    ['id', 'stepid', 'stepnumber', 'stepno', 'stepref', 'ref', 'reference', 'key'],
    ['number', 'no', 'num'],
    // "Step" holding 1, 2, 3 beside a Description column: the label went elsewhere.
    ['step'],
  ],
  role: [
    ['role', 'rolename', 'swimlane', 'lane', 'who', 'actor'],
    ['owner', 'performer', 'responsible', 'team', 'department', 'dept', 'function', 'pool'],
    // French, German, Spanish, Dutch (accents are dropped: "Rôle" is "role").
    ['rolle', 'rol', 'acteur', 'akteur', 'responsable', 'verantwortlich'],
  ],
  roleId: [['roleid', 'laneid', 'swimlaneid']],
  roleOrder: [['roleorder', 'laneorder', 'swimlaneorder', 'laneposition', 'lanenumber']],
  kind: [
    ['kind', 'steptype', 'stepkind', 'shape', 'symbol'],
    ['type', 'element', 'category'],
  ],
  label: [
    ['label', 'stepname', 'steplabel', 'activityname', 'taskname'],
    ['task', 'processstep', 'taskdescription'],
    ['activity', 'step', 'name', 'what'],
    ['description', 'stepdescription', 'activitydescription'],
    ['etape', 'tache', 'schritt', 'aufgabe', 'paso', 'tarea', 'stap', 'taak', 'activiteit'],
  ],
  next: [
    ['next', 'nextstep', 'nextsteps', 'nextstepids', 'nextid', 'nextids', 'goesto', 'to'],
    ['then', 'successor', 'successors', 'output', 'outputs', 'followedby', 'leadsto'],
  ],
  after: [
    ['after', 'previous', 'previousstep', 'previoussteps', 'prev', 'follows', 'comesafter'],
    ['from', 'predecessor', 'predecessors', 'dependson', 'input', 'inputs', 'camefrom'],
  ],
  nextLabels: [
    [
      'nextlabels',
      'nextlabel',
      'flowlabels',
      'flowlabel',
      'branchlabels',
      'condition',
      'conditions',
    ],
  ],
  nextProbabilities: [
    ['nextprobabilities', 'nextprobability', 'probabilities', 'probability', 'branchprobabilities'],
    ['chance', 'likelihood', 'percentoftime', 'split'],
  ],
  processTime: [
    ['processtime', 'pt', 'touchtime', 'handsontime', 'worktime', 'activetime', 'tasktime'],
    ['cycletime', 'ct', 'duration', 'time', 'effort', 'processingtime', 'valueaddtime'],
    // French, German, Spanish, Dutch.
    ['tempsdetraitement', 'duree', 'bearbeitungszeit', 'dauer', 'duracion', 'bewerkingstijd'],
  ],
  waitTime: [
    ['waittime', 'wait', 'waiting', 'waitingtime', 'delay', 'queuetime', 'queue', 'idletime'],
    ['delaytime', 'lagtime', 'lag', 'holdtime', 'leadtimebefore'],
    ['attente', 'tempsdattente', 'wartezeit', 'espera', 'tiempodeespera', 'wachttijd'],
  ],
  valueClass: [
    [
      'valueclass',
      'value',
      'vanva',
      'vanvannva',
      'vannvanva',
      'vabvanva',
      'valueadd',
      'valueadding',
    ],
    ['valuetype', 'valueadded', 'classification', 'vaclass', 'va'],
  ],
  activity: [['activity', 'activitytype', 'worktype', 'nature']],
  completeAccurate: [
    ['completeaccurate', 'completeandaccurate', 'percentcompleteandaccurate', 'percentcanda'],
    [
      'canda',
      'pctcanda',
      'ca',
      'percentca',
      'pcta',
      'firstpassyield',
      'fpy',
      'rightfirsttime',
      'rft',
    ],
  ],
  batchSize: [
    ['batchsize', 'batch'],
    ['batchqty', 'batchquantity'],
  ],
  dataEntered: [
    ['dataentered', 'datakeyed', 'datainput', 'dataitems', 'datakeyedin', 'dataentry'],
    ['data', 'fields', 'fieldsentered', 'information'],
  ],
  systems: [
    ['systems', 'system', 'itsystems', 'itsystem', 'tools', 'applications', 'apps'],
    ['software', 'it', 'tool', 'application'],
  ],
  notes: [
    ['notes', 'note', 'comments', 'comment', 'remarks'],
    ['details', 'info', 'explanation', 'painpoints'],
    ['description'],
  ],
  processVariation: [['processvariation', 'processtimevariation', 'ptvariation']],
  waitVariation: [['waitvariation', 'waittimevariation']],
};

/** A header compared generously: letters and digits only, lower case, no accents, # % & as words. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/%/g, ' percent ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface Synonym {
  readonly field: CsvField;
  readonly rank: number;
}

/** Every field a header key may stand for, with its rank: built once. */
export const SYNONYM_INDEX: ReadonlyMap<string, readonly Synonym[]> = (() => {
  const index = new Map<string, Synonym[]>();
  for (const field of CSV_FIELDS) {
    for (const [rank, keys] of SYNONYMS[field].entries()) {
      for (const key of keys) {
        const list = index.get(key) ?? [];
        list.push({ field, rank });
        index.set(key, list);
      }
    }
  }
  return index;
})();
