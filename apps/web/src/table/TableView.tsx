import type { MapGeometry } from '@procmap/layout';
import { type MapIndex, resolveSettings, type StepId } from '@procmap/model';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ActionContext } from '../editor/actions';
import { typesText } from '../editor/keys';
import { useSession } from '../store/session-store';
import { pasteBlock } from './apply-paste';
import type { EditEnd } from './CellEditor';
import { notChangedWords } from './cell-words';
import { enterFrom, type GridCell, moveFrom, tabFrom } from './grid-keys';
import { type ActiveCell, type CellEdit, TableGrid } from './TableGrid';
import { problemsLeft, refusedCells } from './refused-cells';
import { type RowCommands, rowName } from './TableRow';
import { TableHead } from './TableHead';
import { COLUMNS, cellText, cellValue, optionsOf } from './table-columns';
import { flowOrder, keepOrder, nextSort, sortRows, type TableSort } from './table-order';
import type { PasteProblem } from './table-paste';
import { useCellCommit } from './useCellCommit';
import { useHiddenColumns } from './useHiddenColumns';
import { useUndoWords } from './useUndoWords';
import './table.css';

/**
 * The process shown as a grid of its steps, one row each in flow order (or sorted by a column),
 * to fill in data fast: by keyboard, or by pasting a block from a spreadsheet. Every saved cell
 * is one command on the process shown (live for colleagues, one undo step); a colleague's edit
 * redraws the grid without moving the user's focus or dropping what they are typing.
 */
export function TableView({
  ctx,
  index,
  geometry,
  readOnly,
}: {
  ctx: ActionContext;
  index: MapIndex;
  geometry: MapGeometry;
  readOnly: boolean;
}) {
  const headingId = useId();
  const helpId = useId();
  const cellCtx = useMemo(
    () => ({ roles: index.lanes, settings: resolveSettings(index.map) }),
    [index],
  );
  const flow = useMemo(() => flowOrder(index.map.steps, geometry), [index, geometry]);
  const [sort, setSort] = useState<TableSort>(null);
  const sorted = useMemo(() => sortRows(flow, sort, cellCtx), [flow, sort, cellCtx]);
  const [edit, setEditState] = useState<CellEdit | null>(null);
  // The edit as of now, not as of the last render: a blur right after Enter must not save again.
  const editRef = useRef<CellEdit | null>(null);
  const setEdit = (next: CellEdit | null) => {
    editRef.current = next;
    setEditState(next);
  };
  // While a cell is edited, rows stay where they were (see keepOrder).
  const shownOrder = useRef<StepId[]>([]);
  const rows = edit ? keepOrder(shownOrder.current, sorted) : sorted;
  const [active, setActiveState] = useState<ActiveCell>(() => {
    const { selection } = useSession.getState();
    const first = selection.kind === 'steps' ? selection.ids[0] : undefined;
    const step = first && rows.some((s) => s.id === first) ? first : (rows[0]?.id ?? null);
    return { step, column: 1 };
  });
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<readonly PasteProblem[]>([]);
  // The cells the last paste could not fill, marked while its problem list shows them.
  const refused = useMemo(() => refusedCells(problems), [problems]);
  const root = useRef<HTMLElement>(null);
  const region = useRef<HTMLDivElement>(null);
  const moreColumns = useHiddenColumns(region);
  const wantFocus = useRef(false);
  const focusWasInside = useRef(false);
  const lastRow = useRef(0);

  // The active cell's grid row (0: the headers). A step gone (deleted by a colleague) leaves
  // the Tab stop on the row that took its place.
  let row = active.step === null ? 0 : rows.findIndex((s) => s.id === active.step) + 1;
  if (active.step !== null && row === 0) row = Math.min(lastRow.current, rows.length);
  const current: ActiveCell = { step: row === 0 ? null : rows[row - 1]!.id, column: active.column };
  const size = { rows: rows.length, columns: COLUMNS.length };

  // Before this render reaches the page: whether focus is in the table, to put it back if the
  // render takes it away (a row redrawn elsewhere).
  focusWasInside.current = !!root.current?.contains(document.activeElement);

  useLayoutEffect(() => {
    shownOrder.current = rows.map((s) => s.id);
    lastRow.current = row;
    const now = document.activeElement;
    const lost = focusWasInside.current && (!now || now === document.body || !now.isConnected);
    if (!wantFocus.current && !lost) return;
    wantFocus.current = false;
    const grid = root.current?.querySelector('[role="grid"]');
    const target = editRef.current
      ? grid?.querySelector<HTMLElement>('.table-cell__field')
      : grid?.querySelector<HTMLElement>('[tabindex="0"]');
    target?.focus();
    // Past the region's edge (a column to the right of the panel-narrowed view): brought in.
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  // Opened by keyboard from the map (whose canvas is gone now): the active cell takes focus.
  // Opened by its button, focus stays on the button.
  useLayoutEffect(() => {
    const now = document.activeElement;
    if (!now || now === document.body) {
      root.current?.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus();
    }
  }, []);

  // The step being edited was deleted by a colleague: the edit goes, and the user is told.
  useEffect(() => {
    const e = editRef.current;
    if (e && !index.step(e.step)) {
      setEdit(null);
      setStatus('A colleague deleted the step you were editing; your edit was dropped.');
      wantFocus.current = true;
    }
  });

  // An undo or redo makes the paste's words and marks stale: the status says what was undone.
  const notePaste = useUndoWords(ctx.doc, (words) => {
    setProblems([]);
    setStatus(words);
  });

  const setActive = (next: ActiveCell) => {
    if (next.step !== active.step || next.column !== active.column) setActiveState(next);
  };
  const cellAt = (cell: GridCell): ActiveCell => ({
    step: cell.row === 0 ? null : (rows[cell.row - 1]?.id ?? null),
    column: cell.column,
  });
  const move = (to: GridCell) => {
    setActive(cellAt(to));
    wantFocus.current = true;
  };
  const select = (id: StepId) => {
    const sel = useSession.getState().selection;
    if (!(sel.kind === 'steps' && sel.ids.length === 1 && sel.ids[0] === id)) {
      useSession.getState().selectSteps([id]);
    }
  };
  const commit = useCellCommit(ctx.doc, index, cellCtx);

  const startEdit = (id: StepId, column: number, typed?: string) => {
    const step = index.step(id);
    const col = COLUMNS[column];
    if (!step || !col) return;
    if (readOnly) {
      setStatus('View only: you can read this table, not change it.');
      return;
    }
    let draft: string;
    if (col.editor === 'select') {
      const t = typed?.toLowerCase();
      const match = t
        ? optionsOf(col.id, cellCtx).find((o) => o.label.toLowerCase().startsWith(t))
        : undefined;
      draft = match?.value ?? cellValue(col.id, step);
    } else draft = typed ?? cellText(col.id, step, cellCtx);
    setActive({ step: id, column });
    setEdit({
      step: id,
      column,
      draft,
      error: null,
      caretAtEnd: typed !== undefined,
      refusals: 0,
    });
    setStatus('');
  };

  const onEnd = (end: EditEnd) => {
    const e = editRef.current;
    if (!e) return;
    if (end === 'escape') {
      setEdit(null);
      wantFocus.current = true;
      return;
    }
    const result = commit(e.step, e.column, e.draft);
    if (result.error) {
      setEdit({ ...e, error: result.error, refusals: e.refusals + 1 });
      return;
    }
    if (result.saved) setStatus(result.saved);
    setProblems((now) => problemsLeft(now, e.step, e.column));
    setEdit(null);
    const at = { row: rows.findIndex((s) => s.id === e.step) + 1, column: e.column };
    move(end === 'enter' ? enterFrom(at, size) : tabFrom(at, end === 'shift-tab', size));
  };

  // Focus left the field some other way (a click elsewhere): save it, or say why not.
  const onLeave = () => {
    const e = editRef.current;
    if (!e) return;
    setEdit(null);
    const result = commit(e.step, e.column, e.draft);
    const step = index.step(e.step);
    if (result.error && step) {
      setStatus(notChangedWords(COLUMNS[e.column]!.header, rowName(step), result.error));
      return;
    }
    if (result.saved) setStatus(result.saved);
    setProblems((now) => problemsLeft(now, e.step, e.column));
  };

  // The rows get one stable set of commands that always runs this render's versions.
  const latest = useRef<RowCommands>(null as unknown as RowCommands);
  latest.current = {
    startEdit: (id, column) => startEdit(id, column),
    draft: (draft) => {
      if (editRef.current) setEdit({ ...editRef.current, draft });
    },
    end: onEnd,
    leave: onLeave,
  };
  const [commands] = useState<RowCommands>(() => ({
    startEdit: (id, column) => latest.current.startEdit(id, column),
    draft: (text) => latest.current.draft(text),
    end: (end) => latest.current.end(end),
    leave: () => latest.current.leave(),
  }));

  const onSort = (column: number) => {
    const col = COLUMNS[column]!;
    const next = nextSort(sort, col.id);
    setSort(next);
    setActive({ step: null, column });
    setStatus(
      next
        ? `Sorted by ${col.header}, ${next.direction}.`
        : 'Back in flow order, as the map reads.',
    );
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (editRef.current) return;
    const chord = event.ctrlKey || event.altKey || event.metaKey;
    const to = event.altKey ? undefined : moveFrom({ row, column: current.column }, event, size);
    // Plain keys here are the grid's, never the map's commands; chords (Ctrl+Z, Alt+G…) and ?
    // stay the editor's.
    if (to || (!chord && event.key !== '?')) event.nativeEvent.stopPropagation();
    if (to) {
      event.preventDefault();
      move(to);
      return;
    }
    const step = current.step;
    if (step === null) return; // a header: its button sorts on Enter and Space
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(step, current.column);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && !chord) {
      event.preventDefault();
      if (readOnly) return startEdit(step, current.column);
      const result = commit(step, current.column, '');
      setStatus(result.error ?? result.saved ?? '');
      if (!result.error) setProblems((now) => problemsLeft(now, step, current.column));
    } else if (typesText(event.nativeEvent) && event.key !== '?') {
      event.preventDefault();
      startEdit(step, current.column, event.key);
    }
  };

  const onPaste = (event: React.ClipboardEvent) => {
    if (editRef.current) return; // into the field, as text
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    if (readOnly) {
      setStatus('View only: you can read this table, not change it.');
      return;
    }
    const done = pasteBlock(ctx.doc, text, {
      start: { row: Math.max(0, row - 1), column: current.column },
      rows,
      flow,
      index,
      geometry,
      cells: cellCtx,
    });
    if (done.wrote) notePaste();
    setStatus(done.status);
    setProblems(done.problems);
  };

  const onCopy = (event: React.ClipboardEvent) => {
    if (editRef.current) return;
    const step = current.step === null ? undefined : index.step(current.step);
    const col = COLUMNS[current.column]!;
    event.preventDefault();
    event.clipboardData.setData('text/plain', step ? cellText(col.id, step, cellCtx) : col.header);
  };

  const onFocus = (event: React.FocusEvent) => {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-column]');
    if (!cell) return;
    const id = (target.closest<HTMLElement>('[data-step-id]')?.dataset.stepId ??
      null) as StepId | null;
    setActive({ step: id, column: Number(cell.dataset.column) });
    if (id && index.step(id)) select(id);
  };

  return (
    <section className="table-view" aria-labelledby={headingId} data-testid="table-view" ref={root}>
      <TableHead
        headingId={headingId}
        helpId={helpId}
        steps={rows.length}
        lanes={index.lanes.length}
        sort={sort}
        readOnly={readOnly}
        status={status}
        problems={problems}
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the grid's keys and paste, caught around it */}
      <div
        className="table-view__scroll"
        ref={region}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onFocus={onFocus}
      >
        <TableGrid
          rows={rows}
          ctx={cellCtx}
          active={current}
          edit={edit}
          refused={refused}
          sort={sort}
          readOnly={readOnly}
          labelledBy={headingId}
          describedBy={helpId}
          onSort={onSort}
          commands={commands}
        />
      </div>
      <p className="table-view__more" data-testid="table-more-columns">
        {moreColumns}
      </p>
    </section>
  );
}
