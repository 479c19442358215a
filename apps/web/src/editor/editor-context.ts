import type { MapDoc } from '@procmap/doc';
import { createContext, useContext } from 'react';

/** The open map's document, for components deep in the canvas (nodes, dialogs). */
export const EditorContext = createContext<MapDoc | null>(null);

/** The open map's MapDoc; only inside the editor. */
export function useMapDoc(): MapDoc {
  const doc = useContext(EditorContext);
  if (!doc) throw new Error('useMapDoc outside the editor');
  return doc;
}
