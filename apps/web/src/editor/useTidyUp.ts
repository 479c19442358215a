import type { ProcessDoc } from '@procmap/doc';
import type { ProcessMap } from '@procmap/model';
import { useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { useSession } from '../store/session-store';
import type { MapGeometry } from '@procmap/layout';
import { tidyUp } from './tidy-up';
import { fitMapToView } from './useInitialViewport';

/** Where a running tidy-up is: `null` when idle, else the share of ELK calls done (0..1). */
export type TidyProgress = number | null;

/**
 * The progress lives in its own small store: only the toolbar's progress bar re-renders as
 * ELK reports, not the whole editor (on a big map that re-render is what made the page stutter).
 */
export const useTidyProgress = create<{ readonly progress: TidyProgress }>()(() => ({
  progress: null,
}));
const setProgress = (progress: TidyProgress) => useTidyProgress.setState({ progress });

/** How many steps of `before` are somewhere else in `after` (a step deleted since is not counted). */
export function movedSteps(before: ProcessMap, after: ProcessMap): number {
  const was = new Map(before.steps.map((s) => [s.id, s.position]));
  let moved = 0;
  for (const step of after.steps) {
    if (!was.has(step.id)) continue;
    const a = was.get(step.id);
    const b = step.position;
    if (a?.x !== b?.x || a?.y !== b?.y) moved++;
  }
  return moved;
}

/** What the status line says after a tidy-up that laid out `count` steps, `moved` of them moved. */
export function tidyMessage(count: number, moved: number): string {
  if (count === 0) return 'Nothing to tidy up yet: add some steps.';
  if (moved === 0) return 'Already tidy: nothing needed to move.';
  return `Tidied ${count} ${count === 1 ? 'step' : 'steps'} — Ctrl+Z undoes.`;
}

/**
 * The "Tidy up" command: runs the layout off the main thread, shows its progress, applies the
 * result as one undoable edit and then fits the tidied map to the view. One run at a time.
 */
export function useTidyUp(
  doc: ProcessDoc,
  geometry: MapGeometry,
  rendered: ProcessMap,
): { run: () => void } {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const running = useRef(false);
  // The geometry on screen when the result was applied: the fit waits for the next one.
  const [fitAfter, setFitAfter] = useState<MapGeometry | null>(null);
  // What is on screen now, and how to fit it, for the end of a run.
  const shown = useRef({ geometry, rendered, fit: () => {} });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // The geometry of the tidied map exists only after the snapshot has been re-rendered, which
  // on a big map happens in a later transition (see Workspace).
  useEffect(() => {
    const fit = () => fitMapToView(flow, geometry, width, height, 250);
    shown.current = { geometry, rendered, fit };
    if (fitAfter === null || geometry === fitAfter) return;
    setFitAfter(null);
    fit();
  }, [fitAfter, flow, geometry, rendered, width, height]);

  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setProgress(0);
    useSession.getState().setHint('');
    const before = doc.getSnapshot();
    tidyUp(doc, (done, total) => {
      if (alive.current) setProgress(total > 0 ? done / total : 1);
    })
      .then((count) => {
        if (!alive.current) return;
        useSession.getState().setHint(tidyMessage(count, movedSteps(before, doc.getSnapshot())));
        if (count === 0) return;
        // Already on screen (a small map renders at once), or wait for the render of it.
        if (shown.current.rendered === doc.getSnapshot()) shown.current.fit();
        else setFitAfter(shown.current.geometry);
      })
      .catch((error: unknown) => {
        if (!alive.current) return;
        const reason = error instanceof Error && error.message ? `: ${error.message}` : '';
        useSession
          .getState()
          .setHint(`Could not tidy up the map${reason}. Nothing was changed; try again.`);
      })
      .finally(() => {
        running.current = false;
        setProgress(null);
      });
  }, [doc]);

  return { run };
}
