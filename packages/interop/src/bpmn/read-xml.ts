/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import { type ImportRefusal, refuse } from '../imported';
import { type Element, is, isElement } from './elements';

/*
 * Reading the XML into BPMN elements with bpmn-moddle, and turning what it says about a bad
 * file into a refusal people can act on. moddle writes where a problem is inside its messages
 * ("line: 4", "column: 0", counted from 0); the refusal gives them counted from 1.
 */

export interface ReadBpmn {
  readonly ok: true;
  readonly definitions: Element;
  /** Parts of the file moddle could not read and left out, with the line of the first. */
  readonly unreadable: { readonly count: number; readonly line?: number };
}

interface Place {
  line?: number;
  column?: number;
}

/** The place (from 1) a moddle message names, if it names one. */
export function placeIn(message: string): Place {
  const line = /\bline: (\d+)/.exec(message);
  const column = /\bcolumn: (\d+)/.exec(message);
  const place: Place = {};
  if (line) place.line = Number(line[1]) + 1;
  if (column) place.column = Number(column[1]) + 1;
  return place;
}

const firstLine = (message: string) => (message.split('\n')[0] ?? '').trim();

function nestedError(message: string): string {
  const nested = /nested error: (.*)/.exec(message);
  return (nested?.[1] ?? firstLine(message)).trim();
}

/** The refusal for an error moddle threw. */
function refusalFor(error: unknown): ImportRefusal {
  const message = error instanceof Error ? error.message : String(error);
  const carried = (error as { warnings?: unknown } | null)?.warnings;
  const warnings: readonly ModdleWarning[] = Array.isArray(carried) ? carried : [];
  if (message.startsWith('failed to parse document as')) {
    const detail = warnings[0]?.message ?? message;
    const root = /unexpected element <([^>]+)>/.exec(detail)?.[1];
    const what = root ? `its first element is <${root}>` : 'it has no BPMN definitions';
    return refuse(
      'not-recognised',
      `This file is XML but not a BPMN 2.0 file: ${what}, where a BPMN file starts with <definitions> in the BPMN 2.0 model namespace (http://www.omg.org/spec/BPMN/20100524/MODEL).`,
      placeIn(detail),
    );
  }
  // The place goes in line and column, not in the words: the reader of the refusal shows it.
  return refuse(
    'malformed',
    `This file is not well-formed XML: a tag, a quote or a character is out of place, so it cannot be read (the XML reader says "${nestedError(message)}"). Fix the file, or export it again from the modelling tool.`,
    placeIn(message),
  );
}

/** Parses `text` as BPMN 2.0: the definitions element, or a refusal. */
export async function readBpmnXml(text: string): Promise<ReadBpmn | ImportRefusal> {
  let parsed: Awaited<ReturnType<BpmnModdle['fromXML']>>;
  try {
    parsed = await new BpmnModdle().fromXML(text);
  } catch (error) {
    return refusalFor(error);
  }
  const root = parsed.rootElement;
  if (!isElement(root) || !is(root, 'bpmn:Definitions')) {
    return refuse('not-recognised', 'This file holds no BPMN 2.0 definitions.');
  }
  let count = 0;
  let line: number | undefined;
  for (const warning of parsed.warnings) {
    const message = warning.message ?? '';
    if (!message.startsWith('unparsable content')) continue;
    const place = placeIn(message);
    if (/duplicate ID/.test(message)) {
      const id = /duplicate ID <([^>]*)>/.exec(message)?.[1] ?? '';
      return refuse(
        'malformed',
        `Two elements of this file have the id "${id}"${place.line === undefined ? '' : ` (the second on line ${place.line})`}; ids must be unique, so it is not clear which one flows refer to. Give one of them another id.`,
        place,
      );
    }
    count++;
    line ??= place.line;
  }
  return {
    ok: true,
    definitions: root,
    unreadable: line === undefined ? { count } : { count, line },
  };
}
