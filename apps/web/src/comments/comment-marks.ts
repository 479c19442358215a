import type { CommentKind } from '@procmap/model';
import { create } from 'zustand';
import { KIND_LABELS } from '../app/labels';

/** Open comments per step or flow id, for the markers on the canvas. */
export const useCommentMarks = create<{
  readonly marks: ReadonlyMap<string, { readonly count: number; readonly kind: CommentKind }>;
}>()(() => ({ marks: new Map() }));

/**
 * One symbol per comment kind, beside its colour on the markers and the comment cards, so the
 * kind is never told by colour alone: a flag for a pain point, a spark for an idea, a question
 * mark, a pencil for a note.
 */
export const KIND_SYMBOLS: Readonly<Record<CommentKind, string>> = {
  'pain-point': '⚑',
  idea: '✦',
  question: '?',
  note: '✎',
};

/**
 * What a comment marker says: how many open comments, and the kind it shows (the most pressing
 * among them): "1 open comment, a pain point"; "3 open comments, including an idea"; "2 open comments, all notes".
 */
export function commentMarkText(count: number, kind: CommentKind): string {
  const word = KIND_LABELS[kind].toLowerCase();
  const article = /^[aeiou]/.test(word) ? 'an' : 'a';
  if (count === 1) return `1 open comment, ${article} ${word}`;
  // Notes rank lowest: a marker showing a note has nothing else under it.
  return kind === 'note'
    ? `${count} open comments, all notes`
    : `${count} open comments, including ${article} ${word}`;
}
