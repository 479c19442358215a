import { type ComponentType, useEffect, useRef, useState } from 'react';
import type { ImportDialogProps, ImportReview } from './ImportDialog';
import { dragHasFiles, droppedFile, IMPORT_ACCEPT } from './import-text';

/** The import's dialog and what it reviews, once its code (the importers) has loaded. */
interface Opened {
  readonly review: ImportReview;
  readonly Dialog: ComponentType<ImportDialogProps>;
}

/** Lets the browser paint the "Reading…" line before the file is parsed on this thread. */
const painted = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Import a file: a button that opens the file picker, and a file dropped anywhere on the home
 * page. The importers load on first use; the file is read and reviewed in a dialog before any
 * map is created.
 */
export function ImportControl({ disabled }: { disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [dragging, setDragging] = useState(false);
  const idle = useRef(true);
  idle.current = !disabled && reading === null && opened === null;

  /** Reads the file (or shows why a drop was refused) and opens the review. */
  const review = async (file: File | { refused: string }, name: string) => {
    setFailure('');
    setReading('refused' in file ? 'Opening…' : `Reading ${name}…`);
    try {
      const module = await import('./ImportDialog');
      await painted();
      const found =
        'refused' in file
          ? ({ kind: 'refused', name, message: file.refused } as const)
          : (module.tooLarge(name, file.size) ??
            (await module.reviewFile(
              name,
              module.fileText(new Uint8Array(await file.arrayBuffer())),
            )));
      setOpened({ review: found, Dialog: module.ImportDialog });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setFailure(`${name ? `“${name}”` : 'The file'} could not be read: ${why}`);
    } finally {
      setReading(null);
    }
  };

  const reviewLatest = useRef(review);
  reviewLatest.current = review;

  // A file dragged over the page shows where it goes; dropped, it is read like a picked one.
  useEffect(() => {
    // Entering a child element fires its dragenter before the parent's dragleave: counted.
    let depth = 0;
    const carriesFiles = (e: DragEvent) => dragHasFiles([...(e.dataTransfer?.types ?? [])]);
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e) || !idle.current) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e) || !idle.current) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Never let the browser open the file in place of the app.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (!idle.current) return;
      const file = droppedFile(e.dataTransfer?.files);
      void reviewLatest.current(file, 'refused' in file ? '' : file.name);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  // Closed, the dialog gives the keyboard back to the Import button (also after a drop).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (opened) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      button.current?.focus();
    }
  }, [opened]);

  return (
    <div className="import-file">
      <h3 id="import-heading">Import a file</h3>
      <p className="muted" id="import-hint">
        BPMN 2.0 (.bpmn), draw.io (.drawio), a spreadsheet of steps (.csv) or a procmap map
        (.procmap.json); or drop the file anywhere on this page. You see what it becomes before
        anything is created.
      </p>
      <div className="row">
        <button
          ref={button}
          type="button"
          className="button"
          aria-describedby="import-hint"
          disabled={disabled}
          aria-disabled={reading !== null || undefined}
          onClick={() => {
            if (reading === null) input.current?.click();
          }}
        >
          {reading === null ? 'Import a file…' : 'Reading…'}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept={IMPORT_ACCEPT}
          data-testid="import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void review(file, file.name);
          }}
        />
        <p className="import-file__status" role="status" data-testid="import-status">
          {reading ?? ''}
        </p>
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
          <p className="drop-overlay__text">
            Drop the file to import it
            <span className="drop-overlay__detail">BPMN, draw.io, CSV or a procmap map</span>
          </p>
        </div>
      )}
      {opened && (
        <opened.Dialog
          review={opened.review}
          onClose={() => {
            setOpened(null);
          }}
        />
      )}
    </div>
  );
}
