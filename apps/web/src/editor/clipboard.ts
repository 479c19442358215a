import { fragmentOf, parseFragment } from '@procmap/doc';
import type { StepId } from '@procmap/model';
import { selectedStepIds, useSession } from '../store/session-store';
import type { KeyContext } from './keyboard-commands';
import { GEOMETRY } from '@procmap/layout';
import { runOrHint } from './run-or-hint';

/*
 * Copy, cut and paste of steps through the system clipboard (the document's copy/cut/paste
 * events), so steps travel between tabs and maps. What travels is a fragment as JSON text;
 * a paste validates it first, and anything else on the clipboard is left alone.
 */

/** Each repeat of the same paste lands a little further right, so copies do not stack up. */
let lastPaste = { text: '', count: 0 };

/** The selected steps as clipboard text, with the positions they are drawn at. */
export function copyText(ctx: KeyContext, ids: readonly StepId[]): string {
  const drawnAt = new Map(ctx.geometry.steps.map((box) => [box.step.id, box.x] as const));
  const fragment = fragmentOf(ctx.index.map, ids);
  const steps = fragment.steps.map((step) => ({
    ...step,
    position: {
      x: Math.max(0, (drawnAt.get(step.id) ?? GEOMETRY.headerWidth) - GEOMETRY.headerWidth),
      y: 0,
    },
  }));
  return JSON.stringify({ ...fragment, steps });
}

/** Pastes clipboard text; false when it is not a fragment of steps. */
export function pasteText(ctx: KeyContext, text: string): boolean {
  const fragment = parseFragment(text);
  if (!fragment) return false;
  lastPaste = text === lastPaste.text ? { text, count: lastPaste.count + 1 } : { text, count: 1 };
  const shift = GEOMETRY.stepWidth / 2 + 16;
  runOrHint(() => {
    const ids = ctx.doc.pasteFragment(fragment, { offset: { x: shift * lastPaste.count, y: 0 } });
    useSession.getState().selectSteps(ids);
    useSession
      .getState()
      .setHint(
        `Pasted ${ids.length} ${ids.length === 1 ? 'step' : 'steps'}. Ctrl+Z takes them away.`,
      );
  });
  return true;
}

/** Wires the clipboard events to the canvas selection; returns the cleanup. */
export function listenToClipboard(
  ctxRef: { readonly current: KeyContext },
  isForCanvas: (event: ClipboardEvent) => boolean,
): () => void {
  const copy = (event: ClipboardEvent, cut: boolean) => {
    if (!isForCanvas(event) || !event.clipboardData) return;
    const ctx = ctxRef.current;
    const ids = selectedStepIds(useSession.getState().selection);
    if (ids.length === 0) return;
    event.clipboardData.setData('text/plain', copyText(ctx, ids));
    event.preventDefault();
    if (cut && !ctx.readOnly) {
      runOrHint(() => ctx.doc.deleteSteps(ids));
      useSession.getState().clearSelection();
    }
  };
  const onCopy = (event: ClipboardEvent) => copy(event, false);
  const onCut = (event: ClipboardEvent) => copy(event, true);
  const onPaste = (event: ClipboardEvent) => {
    const ctx = ctxRef.current;
    if (ctx.readOnly || !isForCanvas(event) || !event.clipboardData) return;
    if (pasteText(ctx, event.clipboardData.getData('text/plain'))) event.preventDefault();
    else useSession.getState().setHint('The clipboard holds no steps to paste.');
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
    document.removeEventListener('paste', onPaste);
  };
}
