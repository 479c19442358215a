import type { ProcessDoc } from '@procmap/doc';
import type { MapIndex } from '@procmap/model';
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { create } from 'zustand';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import { useLiveAnalysis } from '../analysis/useLiveAnalysis';
import { CommentsPanel } from '../comments/CommentsPanel';
import { useCommentMarksSync } from '../comments/useCommentMarksSync';
import { focusCanvas } from '../editor/canvas-focus';
import { useNarrowWindow } from '../editor/narrow-window';
import { SimulationAnnouncer } from '../simulation/SimulationAnnouncer';
import { SimulationPanel } from '../simulation/SimulationPanel';
import { useSimulationSession } from '../simulation/useSimulationSession';
import { useSession } from '../store/session-store';
import { FlowProperties } from './FlowProperties';
import { MapSettings } from './MapSettings';
import { PANEL_TABS, tabAfterKey } from './panel-tabs';
import { StepProperties } from './StepProperties';

const TAB_NAMES = {
  properties: 'Properties',
  analysis: 'Analysis',
  simulate: 'Simulate',
  comments: 'Comments',
} as const;

/** Where keyboard focus goes when P is pressed on the canvas. */
export const PANEL_ID = 'properties-panel';

/**
 * Whether the panel is open: as the user last chose, else open beside the canvas in a wide
 * window and closed in a narrow one (there it is a drawer over the whole canvas).
 */
const usePanelChoice = create<{ readonly open: boolean | null }>()(() => ({ open: null }));

function setPanelOpen(open: boolean): void {
  usePanelChoice.setState({ open });
}

function isPanelShown(): boolean {
  return document.querySelector(`#${PANEL_ID} [role="tablist"]`) !== null;
}

/**
 * The right-hand panel: the selected step's properties, or the map's settings when nothing is
 * selected. Keys typed inside it are its own (`data-own-keys`), never canvas shortcuts, except
 * Esc: it drops what a field had not saved and gives the keyboard back to the map, the
 * selection as it was.
 *
 * In a narrow window (a phone, or 200% zoom and more) it is a drawer instead: closed by default,
 * a bar under the canvas; opened, it covers the whole canvas (hidden meanwhile, so nothing
 * unseen takes the keyboard) rather than squeezing it. Its one button opens and closes it, so
 * the keyboard stays on it either way; Esc closes it and goes back to the map.
 */
export function PropertiesPanel({
  doc,
  index,
  readOnly,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  readOnly: boolean;
}) {
  const narrow = useNarrowWindow();
  const open = usePanelChoice((s) => s.open) ?? !narrow;
  // The drawer covers the map: a finding or comment shown on the map from inside it (which
  // selects its steps) closes it, and the keyboard goes to the map, where they now are.
  useEffect(() => {
    if (!narrow || !open) return;
    return useSession.subscribe((state, before) => {
      if (state.selection === before.selection || state.panelTab === 'properties') return;
      if (!document.getElementById(PANEL_ID)?.contains(document.activeElement)) return;
      flushSync(() => setPanelOpen(false));
      focusCanvas();
    });
  }, [narrow, open]);
  const tab = useSession((s) => s.panelTab);
  const setTab = useSession((s) => s.setPanelTab);
  useLiveAnalysis(index.map);
  useCommentMarksSync(doc);
  useSimulationSession();
  const selection = useSession((s) => s.selection);
  const stepIds = selection.kind === 'steps' ? selection.ids : [];
  const step = stepIds.length === 1 ? index.step(stepIds[0]!) : undefined;
  const flow = selection.kind === 'flow' ? index.flow(selection.id) : undefined;

  let body: React.ReactNode;
  if (step) {
    // Keyed by step: drafts and errors never carry over to another step.
    body = <StepProperties key={step.id} doc={doc} index={index} step={step} readOnly={readOnly} />;
  } else if (flow) {
    body = <FlowProperties key={flow.id} doc={doc} index={index} flow={flow} readOnly={readOnly} />;
  } else if (stepIds.length > 1) {
    body = <p className="panel__empty">{stepIds.length} steps selected: select one to edit it.</p>;
  } else if (selection.kind === 'lane') {
    body = (
      <p className="panel__empty">
        Lane selected: select a step to edit it, or press Esc for the map settings.
      </p>
    );
  } else {
    body = <MapSettings doc={doc} index={index} readOnly={readOnly} />;
  }

  return (
    <aside
      id={PANEL_ID}
      className={`properties-panel${open ? '' : ' properties-panel--closed'}${narrow ? ' properties-panel--drawer' : ''}`}
      aria-label="Properties"
      data-own-keys=""
      data-testid="properties-panel"
      onKeyDown={(event) => {
        // A field's own Esc (put back its value) has run by now; an open list or menu inside
        // keeps its Esc (it stops it, or the browser's own datalist marks it handled).
        if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) {
          return;
        }
        event.preventDefault();
        // The map shows again before it takes the keyboard.
        if (narrow && open) flushSync(() => setPanelOpen(false));
        focusCanvas();
      }}
    >
      <button
        type="button"
        className="properties-panel__toggle"
        aria-expanded={open}
        aria-controls={open ? `${PANEL_ID}-body` : undefined}
        onClick={() => setPanelOpen(!open)}
        title={narrow ? undefined : open ? 'Hide properties' : 'Show properties'}
        data-testid="panel-toggle"
      >
        {narrow ? (
          <>
            {open ? 'Close properties' : 'Show properties'}{' '}
            <span aria-hidden="true">{open ? '✕' : '▴'}</span>
          </>
        ) : open ? (
          'Hide properties ›'
        ) : (
          '‹ Properties'
        )}
      </button>
      {open && (
        <>
          {/* One Tab stop for the tabs; arrows, Home and End choose among them (the ARIA tabs
              pattern, selection following focus). */}
          <div
            className="panel-tabs"
            role="tablist"
            aria-label="Panel"
            onKeyDown={(event) => {
              const to = tabAfterKey(tab, event.key);
              if (!to) return;
              event.preventDefault();
              setTab(to);
              document.getElementById(`panel-tab-${to}`)?.focus();
            }}
          >
            {PANEL_TABS.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`panel-tab-${t}`}
                aria-selected={tab === t}
                aria-controls={`${PANEL_ID}-body`}
                tabIndex={tab === t ? 0 : -1}
                className="panel-tab"
                onClick={() => setTab(t)}
              >
                {TAB_NAMES[t]}
              </button>
            ))}
          </div>
          <div
            className="properties-panel__body"
            id={`${PANEL_ID}-body`}
            role="tabpanel"
            aria-labelledby={`panel-tab-${tab}`}
          >
            {tab === 'analysis' ? (
              <AnalysisPanel index={index} />
            ) : tab === 'simulate' ? (
              <SimulationPanel index={index} readOnly={readOnly} />
            ) : tab === 'comments' ? (
              <CommentsPanel doc={doc} index={index} readOnly={readOnly} />
            ) : (
              <>
                {readOnly && <p className="panel__note">View only: you cannot change this map.</p>}
                {body}
              </>
            )}
          </div>
        </>
      )}
      <SimulationAnnouncer />
    </aside>
  );
}

/** Moves keyboard focus into the panel (the P shortcut): its first field, else its toggle. */
export function focusPropertiesPanel(): void {
  if (!isPanelShown()) {
    setPanelOpen(true);
    requestAnimationFrame(focusPropertiesPanel); // once the panel has rendered
    return;
  }
  if (useSession.getState().panelTab !== 'properties') {
    useSession.getState().setPanelTab('properties');
    requestAnimationFrame(focusPropertiesPanel); // once the tab has rendered
    return;
  }
  const panel = document.getElementById(PANEL_ID);
  const field = panel?.querySelector<HTMLElement>(
    'input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
  );
  (field ?? panel?.querySelector<HTMLElement>('button'))?.focus();
}

/** Opens the Comments tab with the new comment's text box focused (the C shortcut). */
export function focusCommentBox(): void {
  if (!isPanelShown()) {
    setPanelOpen(true);
    requestAnimationFrame(focusCommentBox); // once the panel has rendered
    return;
  }
  if (useSession.getState().panelTab !== 'comments') {
    useSession.getState().setPanelTab('comments');
    requestAnimationFrame(focusCommentBox); // once the tab has rendered
    return;
  }
  document.querySelector<HTMLTextAreaElement>('[data-testid="add-comment"] textarea')?.focus();
}
