/*
 * What the status line says when a cell is saved or left unsaved, in plain words: the step
 * first, then what happened to which of its values ("Triage: wait before now 1 d."). Pure.
 */

/** A column's header as it reads inside a sentence ("Wait before" → "wait before"). */
const inSentence = (header: string) => header.charAt(0).toLowerCase() + header.slice(1);

/**
 * A saved cell: "Triage: wait before now 1 d.", "Triage: systems cleared."; a renamed step
 * says its old and new names.
 */
export function savedWords(input: {
  readonly header: string;
  readonly renamed: boolean;
  /** The step's name before the save. */
  readonly before: string;
  /** The step's name after it. */
  readonly after: string;
  /** The cell's text after the save ("" when cleared). */
  readonly shown: string;
}): string {
  const { header, before, after, shown } = input;
  if (input.renamed)
    return shown === '' ? `${before}: name cleared.` : `${before} renamed “${after}”.`;
  const value = shown === '' ? 'cleared' : `now ${shown}`;
  return `${after}: ${inSentence(header)} ${value}.`;
}

/** A cell left with a value it refused: "Triage: wait before not changed: <why>". */
export function notChangedWords(header: string, step: string, why: string): string {
  return `${step}: ${inSentence(header)} not changed. ${why}`;
}

/**
 * What the table says after an undo or redo: the paste by name when it was the paste, else the
 * editor's own words when it gave some (`editorHint`, e.g. where a scenario's edit was undone).
 */
export function undoWords(redo: boolean, wasPaste: boolean, editorHint: string): string {
  if (wasPaste) return redo ? 'Redone: the paste.' : 'Undone: the paste. Ctrl+Shift+Z redoes.';
  if (/^(Undone|Redone|Brought back)\b/.test(editorHint)) return editorHint;
  return redo ? 'Redone.' : 'Undone. Ctrl+Shift+Z redoes.';
}
