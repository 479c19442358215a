import type { ProcessDoc } from '@procmap/doc';
import { createContext, useContext } from 'react';

/** The open map, for components deep in the canvas (nodes, lane headers, dialogs). */
export interface EditorValue {
  readonly doc: ProcessDoc;
  /** A view link: nothing may be edited, and no editing affordance is shown. */
  readonly readOnly: boolean;
  /** The map's working day (settings.hoursPerDay or its default): durations shown in days. */
  readonly hoursPerDay: number;
}

export const EditorContext = createContext<EditorValue | null>(null);

function useEditor(): EditorValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('used outside the editor');
  return value;
}

/** The open map's ProcessDoc; only inside the editor. */
export function useMapDoc(): ProcessDoc {
  return useEditor().doc;
}

/** Whether the open map is view-only here. */
export function useReadOnly(): boolean {
  return useEditor().readOnly;
}

/** The map's working day in hours, for showing durations as the analysis does. */
export function useHoursPerDay(): number {
  return useEditor().hoursPerDay;
}
