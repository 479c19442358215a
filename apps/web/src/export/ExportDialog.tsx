import type { MapDoc } from '@procmap/doc';
import { AS_IS_ID } from '@procmap/model';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Dialog } from '../editor/Dialog';
import { selectedStepIds, useSession } from '../store/session-store';
import { type ExportFormat, type ExportSettings, formatOf } from './export-protocol';
import { describePlan, PagePlanner } from './page-plan';
import { chosenScenario, processChoices } from './process-choice';
import { exportRefusal, runExport, saveFile } from './run-export';

const FORMATS: readonly { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'pdf', label: 'PDF', hint: 'The map to print or send: vector, searchable text' },
  {
    value: 'report',
    label: 'Improvement report (PDF)',
    hint: 'Title page, map, metrics, findings, pain points, workload, and a simulation when the map has a demand; with a scenario chosen below, its case study against the as-is',
  },
  {
    value: 'svg',
    label: 'SVG',
    hint: 'The map as a picture for slides and documents; sharp at any size',
  },
  { value: 'png', label: 'PNG', hint: 'The map as an image, at twice screen resolution' },
  {
    value: 'csv-steps',
    label: 'CSV: steps',
    hint: 'Every step with its data and per-step figures, for a spreadsheet',
  },
  {
    value: 'csv-findings',
    label: 'CSV: findings',
    hint: 'The waste analysis findings, for a spreadsheet',
  },
  {
    value: 'bpmn',
    label: 'BPMN 2.0 (.bpmn)',
    hint: 'For BPMN tools: opens in Camunda Modeler, bpmn.io, Signavio',
  },
];

/**
 * While an export runs its options are locked: aria-disabled, their changes ignored (React puts
 * a controlled input back as it was). Never `disabled`: the option that has the keyboard (the
 * radio Enter was pressed on) would lose it to the page.
 */
const locked = (busy: boolean) => ({ 'aria-disabled': busy || undefined });

/** One checkbox option of the dialog. */
function Check({
  checked,
  busy,
  onChange,
  children,
}: {
  checked: boolean;
  busy: boolean;
  onChange: (checked: boolean) => void;
  children: React.ReactNode;
}) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        checked={checked}
        {...locked(busy)}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}

/**
 * How many pages the PDF will have, worked out in a worker as the options change (the last
 * answer for the current options; null while counting).
 */
function usePagePlan(
  map: ReturnType<MapDoc['getSnapshot']>,
  settings: ExportSettings,
  active: boolean,
): string | null {
  const planner = useRef<PagePlanner | null>(null);
  const [text, setText] = useState<string | null>(null);
  const key = JSON.stringify(settings);
  useEffect(() => () => planner.current?.close(), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: settings are compared by `key`
  useEffect(() => {
    if (!active) return;
    setText(null);
    let current = true;
    const handle = setTimeout(() => {
      planner.current ??= new PagePlanner();
      planner.current.plan(map, settings).then((plan) => {
        if (current) setText(plan ? describePlan(plan, settings) : 'The page count is not known.');
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [map, key, active]);
  return text;
}

/**
 * The export menu: format, what to include, page; the work runs in a worker with its progress
 * shown. Every option is always there (greyed out when the format does not use it) and the
 * messages have a reserved place, so the dialog keeps its size; its options scroll, the buttons
 * stay in view.
 */
export function ExportDialog({ doc, onClose }: { doc: MapDoc; onClose: () => void }) {
  const selected = selectedStepIds(useSession.getState().selection);
  const map = useSyncExternalStore(doc.subscribe, doc.getSnapshot);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [findings, setFindings] = useState(true);
  const [comments, setComments] = useState(true);
  const [titleBlock, setTitleBlock] = useState(true);
  const [page, setPage] = useState<ExportSettings['page']>('A4');
  const [landscape, setLandscape] = useState(true);
  const [mode, setMode] = useState<ExportSettings['mode']>('auto');
  const [process, setProcess] = useState<string>(AS_IS_ID);
  const [stage, setStage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const ids = { page: useId(), mode: useId(), refusal: useId(), process: useId() };
  useEffect(() => () => abort.current?.abort(), []);

  // What the chosen format reads: a picture of the map can show only some steps; a paged one
  // takes the page options.
  const picture = formatOf(format).options.includes('selection');
  const paged = formatOf(format).paging !== 'none';
  /** A map PDF: its pages can be counted before it is written. */
  const mapPages = formatOf(format).paging === 'map';
  const busy = stage !== null;
  const refusal = exportRefusal(map);

  /**
   * An option's setter that also clears the last export's message: it was about other options.
   * While exporting, the options are locked and a change is ignored.
   */
  const option =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      if (busy) return;
      setDone(null);
      setError(null);
      set(value);
    };

  // A map with scenarios offers each one; a scenario deleted meanwhile falls back to the as-is.
  const processes = processChoices(map, format);
  const scenario = chosenScenario(map, process);
  const settings: ExportSettings = {
    format,
    ...(scenario !== undefined ? { scenario } : {}),
    ...(picture && scope === 'selection' && selected.length > 0 ? { selection: selected } : {}),
    findings,
    comments,
    titleBlock,
    page,
    landscape,
    mode,
  };
  const pages = usePagePlan(map, settings, mapPages && !refusal);

  const start = () => {
    setError(null);
    setDone(null);
    if (refusal) return;
    const controller = new AbortController();
    abort.current = controller;
    setStage('Starting…');
    runExport(doc.getSnapshot(), settings, setStage, controller.signal)
      .then((file) => {
        saveFile(file);
        setDone(`Saved “${file.filename}”.`);
      })
      .catch((e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setError(
          `The export failed: ${e instanceof Error ? e.message : String(e)}. Nothing was changed; try again.`,
        );
      })
      .finally(() => {
        if (abort.current === controller) abort.current = null;
        setStage(null);
      });
  };

  return (
    <Dialog title="Export" onClose={onClose} testId="export-dialog">
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) start();
        }}
      >
        <div className="export-form__body stack" data-testid="export-options">
          <fieldset className="choices">
            <legend className="export-form__legend">Format</legend>
            {FORMATS.map((f) => (
              <label key={f.value} className="choice">
                <input
                  type="radio"
                  name="format"
                  checked={format === f.value}
                  {...locked(busy)}
                  onChange={() => option(setFormat)(f.value)}
                />
                <span>
                  {f.label} <span className="muted">— {f.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {processes.length > 0 && (
            <div className="export-form__process" data-testid="export-process">
              <label htmlFor={ids.process} className="export-form__legend">
                Process
              </label>
              <select
                id={ids.process}
                value={scenario ?? AS_IS_ID}
                {...locked(busy)}
                onChange={(e) => option(setProcess)(e.target.value)}
              >
                {processes.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="choices" disabled={!picture} data-testid="export-include">
            <legend className="export-form__legend">
              Include{' '}
              {!picture && <span className="export-form__applies">— for PDF, SVG and PNG</span>}
            </legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={scope === 'selection'}
                disabled={selected.length === 0}
                {...locked(busy)}
                onChange={(e) => option(setScope)(e.target.checked ? 'selection' : 'all')}
              />
              Only the selected steps{' '}
              {selected.length > 0 ? `(${selected.length})` : '(select some first)'}
            </label>
            <Check checked={findings} busy={busy} onChange={option(setFindings)}>
              Finding badges from the waste analysis
            </Check>
            <Check checked={comments} busy={busy} onChange={option(setComments)}>
              Comment markers
            </Check>
            <Check checked={titleBlock} busy={busy} onChange={option(setTitleBlock)}>
              Title block: title, date, legend of lanes and markers
            </Check>
          </fieldset>
          <fieldset className="choices" disabled={!paged} data-testid="export-page">
            <legend className="export-form__legend">
              Page{' '}
              {!paged && <span className="export-form__applies">— for PDF and the report</span>}
            </legend>
            <div className="export-form__page">
              <label htmlFor={ids.page}>Size</label>
              <select
                id={ids.page}
                value={page}
                {...locked(busy)}
                onChange={(e) => option(setPage)(e.target.value as ExportSettings['page'])}
              >
                <option value="A4">A4</option>
                <option value="A3">A3</option>
                <option value="Letter">Letter</option>
              </select>
              <Check checked={landscape} busy={busy} onChange={option(setLandscape)}>
                Landscape
              </Check>
              <label htmlFor={ids.mode}>Large maps</label>
              <select
                id={ids.mode}
                value={mode}
                {...locked(busy)}
                onChange={(e) => option(setMode)(e.target.value as ExportSettings['mode'])}
              >
                <option value="auto">Readable size (tiles if needed)</option>
                <option value="fit">Fit on one page</option>
                <option value="tile">Tile, compact</option>
              </select>
            </div>
          </fieldset>
        </div>
        {/* One place for the progress or the outcome: the dialog does not grow when it shows. */}
        <div className="export-form__status">
          {busy ? (
            <div className="export-form__progress" role="status" data-testid="export-progress">
              <progress aria-label="Export progress" />
              <span>{stage}</span>
            </div>
          ) : error ? (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          ) : done ? (
            <p className="notice" role="status" data-testid="export-done">
              {done}
            </p>
          ) : refusal ? (
            <p
              className="notice notice--warn"
              id={ids.refusal}
              role="status"
              data-testid="export-refused"
            >
              {refusal}
            </p>
          ) : mapPages ? (
            // Before exporting: how many pages the PDF will have with these options.
            <p className="notice" role="status" data-testid="export-page-count">
              {pages ?? 'Counting the pages…'}
            </p>
          ) : null}
        </div>
        <div className="dialog__actions export-form__actions">
          {busy ? (
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          )}
          {/* Busy, the button stays focusable (aria-disabled, the submit ignored): disabling the
              button that has the keyboard would drop focus to the page. */}
          <button
            type="submit"
            className="button button--primary"
            disabled={refusal !== null}
            aria-disabled={busy || undefined}
            aria-describedby={refusal ? ids.refusal : undefined}
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
