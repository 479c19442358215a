import type { CommentKind } from '@procmap/model';
import { create } from 'zustand';

/** Open comments per step or flow id, for the markers on the canvas. */
export const useCommentMarks = create<{
  readonly marks: ReadonlyMap<string, { readonly count: number; readonly kind: CommentKind }>;
}>()(() => ({ marks: new Map() }));
