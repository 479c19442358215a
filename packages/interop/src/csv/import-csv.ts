import { CURRENT_VERSION, FORMAT_NAME, formatProblem, validateMap } from '@procmap/model';
import { type Imported, refuse } from '../imported';
import { notesOf } from './notes';
import { type CsvImportOptions, readSheet } from './read-sheet';

/*
 * A steps sheet to a map: one step per row, a lane per role named, the flows its next and
 * after columns name (or each row after the one above), and notes of everything approximated.
 * The map is checked by the validator like any file; if it fails nothing is created.
 */

/**
 * A CSV sheet of steps to a map (docs/interop/csv.md), or a refusal: too large, empty, not
 * CSV, or no column that holds step labels (the message names the headers found).
 */
export function importCsv(text: string, options: CsvImportOptions = {}): Imported {
  const reading = readSheet(text, options);
  if (reading.refusal) return reading.refusal;
  const map = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    title: options.title ?? '',
    ...(options.hoursPerDay === undefined && options.daysPerWeek === undefined
      ? {}
      : {
          settings: {
            ...(options.hoursPerDay === undefined ? {} : { hoursPerDay: options.hoursPerDay }),
            ...(options.daysPerWeek === undefined ? {} : { daysPerWeek: options.daysPerWeek }),
          },
        }),
    roles: reading.roles,
    steps: reading.steps,
    flows: reading.flows,
  };
  const checked = validateMap(map);
  if (!checked.ok) {
    const first = checked.problems.find((p) => p.severity === 'error') ?? checked.problems[0];
    return refuse(
      'invalid-map',
      `The sheet does not make a valid map: ${first ? formatProblem(first) : 'unknown problem'}.`,
    );
  }
  return { ok: true, format: 'csv', map: checked.map, notes: notesOf(reading) };
}
