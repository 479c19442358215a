/*
 * Message pieces that several analyses of related processes share. A comparison analyses the
 * as-is and each scenario: they name the same steps and repeat the same waits and shares, so a
 * piece written for one is read back by the others instead of being written again. Only text
 * that depends on nothing but its key is kept here (a step's name by its label, a share by its
 * value, a duration by its value and the working day it is counted in).
 */

export interface AnalysisMemo {
  /** A step's quoted short name, by its label (an unlabelled step is named by its id instead). */
  readonly labelNames: Map<string, string>;
  /** A share as written, by thousandths. */
  readonly percents: Map<number, string>;
  /** Durations as written, by minutes shown, for each length of the working day in hours. */
  readonly durations: Map<number, Map<number, string>>;
}

/** A memo for analyses run together; keep it only as long as they run. */
export function analysisMemo(): AnalysisMemo {
  return { labelNames: new Map(), percents: new Map(), durations: new Map() };
}

/** The durations written for a working day of `hoursPerDay` hours, made on first use. */
export function durationsFor(memo: AnalysisMemo, hoursPerDay: number): Map<number, string> {
  let table = memo.durations.get(hoursPerDay);
  if (table === undefined) {
    table = new Map();
    memo.durations.set(hoursPerDay, table);
  }
  return table;
}
