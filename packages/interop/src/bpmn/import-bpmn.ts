import { formatProblem, validateMap } from '@procmap/model';
import { type Imported, refuse } from '../imported';
import { checkXml } from '../xml-guard';
import { buildMap } from './build-map';
import { readBpmnXml } from './read-xml';

/*
 * BPMN 2.0 import: a file from Camunda, Signavio, bpmn.io, ARIS or any other modeller becomes a
 * procmap map, with a report of what was approximated; or it is refused in words, and nothing is
 * created. What maps to what: docs/interop/bpmn-import.md.
 */

/** Reads a BPMN 2.0 file (its text) into a map and the notes of what was approximated. */
export async function importBpmn(text: string): Promise<Imported> {
  const unsafe = checkXml(text);
  if (unsafe) return unsafe;
  if (text.trim() === '') {
    return refuse('empty', 'This file is empty: there is no BPMN process in it to import.');
  }
  const read = await readBpmnXml(text);
  if (!read.ok) return read;
  let built: ReturnType<typeof buildMap>;
  try {
    built = buildMap(read.definitions, read.unreadable);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refuse('invalid-map', `This BPMN file could not be turned into a map (${why}).`);
  }
  if (!built.ok) return built;
  const checked = validateMap(built.map);
  if (!checked.ok) {
    const errors = checked.problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    return refuse(
      'invalid-map',
      `This BPMN file made a map that is not valid${first ? ` (${formatProblem(first)})` : ''}, so nothing was imported.`,
    );
  }
  return { ok: true, format: 'bpmn', map: checked.map, notes: built.notes };
}
