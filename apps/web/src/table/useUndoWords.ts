import type { ProcessDoc } from '@procmap/doc';
import { useEffect, useRef } from 'react';
import { useSession } from '../store/session-store';
import { undoWords } from './cell-words';

/*
 * An undo or redo (Ctrl+Z, the toolbar's, of a paste or of anything) makes what the table said
 * last stale: `onUndo` gets the words to say instead ("Undone: the paste. …"), then again once
 * the editor has said where it acted (an edit in a scenario). The pastes are known by their
 * undo steps: `notePaste` right after a paste that wrote something.
 */
export function useUndoWords(doc: ProcessDoc, onUndo: (words: string) => void) {
  // This user's undo steps (and the redo steps they became) that are pastes.
  const pastes = useRef(new WeakSet<object>());
  const latest = useRef(onUndo);
  latest.current = onUndo;

  useEffect(() => {
    const undo = doc.undoManager;
    const onPopped = (event: { stackItem: object; type: 'undo' | 'redo' }) => {
      const redo = event.type === 'redo';
      const wasPaste = pastes.current.has(event.stackItem);
      const back = redo ? undo.undoStack.at(-1) : undo.redoStack.at(-1);
      if (wasPaste && back) pastes.current.add(back);
      latest.current(undoWords(redo, wasPaste, ''));
      queueMicrotask(() => latest.current(undoWords(redo, wasPaste, useSession.getState().hint)));
    };
    undo.on('stack-item-popped', onPopped);
    return () => undo.off('stack-item-popped', onPopped);
  }, [doc]);

  return () => {
    const item = doc.undoManager.undoStack.at(-1);
    if (item) pastes.current.add(item);
  };
}
