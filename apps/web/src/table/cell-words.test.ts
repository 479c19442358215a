import { describe, expect, it } from 'vitest';
import { notChangedWords, savedWords, undoWords } from './cell-words';

describe('what the table says of a saved cell', () => {
  it('names the step first, then the value in plain words', () => {
    const words = (header: string, shown: string) =>
      savedWords({
        header,
        renamed: false,
        before: 'Patient calls surgery',
        after: 'Patient calls surgery',
        shown,
      });
    expect(words('Wait before', '1 d')).toBe('Patient calls surgery: wait before now 1 d.');
    expect(words('Systems', '')).toBe('Patient calls surgery: systems cleared.');
    expect(words('% complete and accurate', '80%')).toBe(
      'Patient calls surgery: % complete and accurate now 80%.',
    );
  });

  it('says a renamed step’s old and new names', () => {
    expect(
      savedWords({
        header: 'Step',
        renamed: true,
        before: 'Triage',
        after: 'Triage call',
        shown: 'Triage call',
      }),
    ).toBe('Triage renamed “Triage call”.');
  });

  it('says a value left unsaved, with why', () => {
    expect(notChangedWords('Wait before', 'Triage', 'A duration cannot be negative.')).toBe(
      'Triage: wait before not changed. A duration cannot be negative.',
    );
  });
});

describe('what the table says after an undo or redo', () => {
  it('names the paste when it was the paste', () => {
    expect(undoWords(false, true, 'Undone. Ctrl+Shift+Z redoes.')).toBe(
      'Undone: the paste. Ctrl+Shift+Z redoes.',
    );
    expect(undoWords(true, true, '')).toBe('Redone: the paste.');
  });

  it('otherwise uses the editor’s words for it, or its own', () => {
    const where = 'Undone in the as-is: deleted “Triage”; showing it. Ctrl+Shift+Z redoes.';
    expect(undoWords(false, false, where)).toBe(where);
    expect(undoWords(false, false, 'Saved.')).toBe('Undone. Ctrl+Shift+Z redoes.');
    expect(undoWords(true, false, '')).toBe('Redone.');
  });
});
