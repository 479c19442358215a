/** Words the editor uses for comment kinds and the Lean wastes, in one place. */
import type { CommentKind, Waste } from '@procmap/model';

export const KIND_LABELS: Readonly<Record<CommentKind, string>> = {
  note: 'Note',
  'pain-point': 'Pain point',
  idea: 'Idea',
  question: 'Question',
};

/** TIMWOODS, in words a room recognises. */
export const WASTE_LABELS: Readonly<Record<Waste, string>> = {
  transport: 'Transport',
  inventory: 'Inventory',
  motion: 'Motion',
  waiting: 'Waiting',
  overproduction: 'Overproduction',
  overprocessing: 'Over-processing',
  defects: 'Defects',
  skills: 'Unused skills',
};
