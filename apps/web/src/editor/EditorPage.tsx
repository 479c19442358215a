import { DEFAULT_SETTINGS, indexMap, normalize } from '@procmap/model';
import { CLOSE } from '@procmap/protocol';
import { ReactFlowProvider } from '@xyflow/react';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { AppLink } from '../app/AppLink';
import { focusFlowLabel } from '../panels/FlowProperties';
import { focusCommentBox, focusPropertiesPanel, PropertiesPanel } from '../panels/PropertiesPanel';
import { useSession } from '../store/session-store';
import type { MapConnection } from '../sync/map-connection';
import { CrossedEditsNotice } from '../sync/CrossedEditsNotice';
import { RefusedBanner } from '../sync/RefusedBanner';
import { useMapConnection } from '../sync/useMapConnection';
import { Cursors } from '../presence/Cursors';
import { FollowBanner } from '../presence/FollowBanner';
import { NamePrompt } from '../presence/NamePrompt';
import { useFollowView } from '../presence/useFollowView';
import { PresenceContext, useJoinPresence } from '../presence/usePresenceChannel';
import { ExportDialog } from '../export/ExportDialog';
import { Announcer } from '../announce/Announcer';
import { HeatLegend } from '../analysis/HeatLegend';
import { CompareView } from '../compare/CompareView';
import { OutlineView } from '../outline/OutlineView';
import { TableView } from '../table/TableView';
import { Canvas } from './Canvas';
import { listenToClipboard } from './clipboard';
import { DeleteLaneDialog } from './DeleteLaneDialog';
import { EditorContext } from './editor-context';
import { EmptyState } from './EmptyState';
import { type ActionContext, handleEditorKey, runAction } from './actions';
import { CANVAS_ID, focusCanvas, focusCanvasSoon } from './canvas-focus';
import { ConnectDialog } from './ConnectDialog';
import { LaneHeaders } from './LaneHeaders';
import { mapGeometry } from '@procmap/layout';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusLine } from './StatusLine';
import { Toolbar } from './Toolbar';
import { useTidyUp } from './useTidyUp';
import { ScenarioBanner } from './ScenarioBanner';
import { ScenarioDialogs } from './ScenarioDialogs';
import { showScenarioMarks } from './scenario-store';
import { useScenarioShown } from './useScenarioShown';

/**
 * Where a key press lands, for the editor's keys: nowhere (`null`: a field, a dialog, a panel
 * and the like keep their keys), on the map (its keyboard stop, or nothing focused, while the map
 * is shown), or elsewhere on the page (a toolbar button: only keys that work anywhere act).
 */
function keyPlace(event: KeyboardEvent | ClipboardEvent): 'map' | 'page' | null {
  const target = event.target as HTMLElement | null;
  const session = useSession.getState();
  if (!target || event.defaultPrevented || session.dialog) return null;
  if (
    target.closest('input, textarea, select, [contenteditable="true"], dialog, [data-own-keys]')
  ) {
    return null;
  }
  const key = 'key' in event ? event.key : '';
  if (target.closest('button, a') && (key === 'Enter' || key === ' ')) return null;
  const onMap =
    session.view === 'map' &&
    (target === document.body ||
      target === document.documentElement ||
      target.id === CANVAS_ID ||
      target.classList.contains('editor__canvas'));
  return onMap ? 'map' : 'page';
}

/** Copy, cut and paste of steps: only with the keyboard on the map. */
const isForMap = (event: ClipboardEvent) => keyPlace(event) === 'map';

/** A click on the canvas (a step, the pane, a lane) gives the keyboard to the map's one stop. */
function focusMapStop(event: React.FocusEvent<HTMLDivElement>): void {
  if (event.target === event.currentTarget) focusCanvas();
}

/** From this many steps, the editor renders a changed map in a transition (see Workspace). */
const DEFERRED_FROM = 300;

function Workspace({
  connection,
  mapId,
  token,
}: {
  connection: MapConnection;
  mapId: string;
  token: string;
}) {
  // The map, and the process shown of it (the as-is or a scenario): everything that reads or
  // edits the process takes `doc`, the view; the export takes the whole map.
  const mapDoc = connection.doc;
  const processId = useSession((s) => s.processId);
  const doc = mapDoc.view(processId);
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  const whole = useSyncExternalStore(mapDoc.subscribe, mapDoc.getSnapshot);
  const latest = useSyncExternalStore(doc.subscribe, doc.getSnapshot);
  // A big map is rendered from a deferred copy of the snapshot: React then renders an edit that
  // moves every step (Tidy up) in slices instead of one long task. Small maps stay synchronous:
  // typing right after a keystroke that created a step must find that step already rendered.
  const deferred = useDeferredValue(latest);
  const snapshot = latest.steps.length > DEFERRED_FROM ? deferred : latest;
  const index = useMemo(() => indexMap(normalize(snapshot).map), [snapshot]);
  const geometry = useMemo(() => mapGeometry(index.map), [index]);
  const scenario = useScenarioShown(whole, processId, snapshot, geometry);
  useLayoutEffect(() => showScenarioMarks(scenario?.marks.steps), [scenario]);
  useEffect(() => () => showScenarioMarks(undefined), []);
  const dialog = useSession((s) => s.dialog);
  const view = useSession((s) => s.view);
  const openDialog = useSession((s) => s.openDialog);
  // The step the connect dialog starts from: the selected one (the dialog opens on one step).
  const connectFrom = useSession((s) =>
    s.selection.kind === 'steps' && s.selection.ids.length === 1 ? s.selection.ids[0] : undefined,
  );
  const readOnly =
    state.access === 'view' || state.closed?.code === CLOSE.readOnly || state.refused !== undefined;
  // Synced with the server, or this device's copy is loaded (offline): the map can be shown.
  const shown = state.synced || state.loadedLocally;
  const tidy = useTidyUp(doc, geometry, snapshot);
  const presence = useJoinPresence(connection.provider.awareness, readOnly);
  useFollowView();
  const runTidy = tidy.run;
  const ctx: ActionContext = useMemo(
    () => ({
      doc,
      index,
      geometry,
      readOnly,
      ui: {
        focusProperties: focusPropertiesPanel,
        focusCommentBox,
        focusFlowLabel,
        tidyUp: runTidy,
      },
    }),
    [doc, index, geometry, readOnly, runTidy],
  );
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const hoursPerDay = index.map.settings?.hoursPerDay ?? DEFAULT_SETTINGS.hoursPerDay;
  // Leaving the comparison (its button or Esc) gives the keyboard back to the map.
  const closeCompare = useCallback(() => {
    useSession.getState().setView('map');
    focusCanvasSoon();
  }, []);
  const editor = useMemo(() => ({ doc, readOnly, hoursPerDay }), [doc, readOnly, hoursPerDay]);

  useEffect(() => listenToClipboard(ctxRef, isForMap), []);
  // The window's title names the map: a tab, a window list and a screen reader say which.
  const pageTitle = snapshot.title.trim() || 'Untitled map';
  useEffect(() => {
    document.title = `${pageTitle} — procmap`;
    return () => {
      document.title = 'procmap';
    };
  }, [pageTitle]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const place = keyPlace(event);
      if (place === null) return;
      if (handleEditorKey(event, ctx, place === 'map') === 'handled') event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);

  // A step or flow deleted here or by a colleague leaves the selection.
  useEffect(() => {
    const { selection, selectSteps, clearSelection } = useSession.getState();
    if (selection.kind === 'steps' && selection.ids.some((id) => !index.step(id))) {
      selectSteps(selection.ids.filter((id) => index.step(id)));
    }
    if (selection.kind === 'flow' && !index.flow(selection.id)) clearSelection();
  }, [index]);

  return (
    <EditorContext.Provider value={editor}>
      <PresenceContext.Provider value={presence}>
        <div className="editor">
          <Toolbar
            ctx={ctx}
            title={snapshot.title}
            state={state}
            scenarios={whole.scenarios ?? []}
          />
          <RefusedBanner connection={connection} state={state} />
          {scenario && view !== 'compare' && (
            <ScenarioBanner
              name={scenario.name}
              summary={scenario.summary}
              description={scenario.description}
            />
          )}
          <CrossedEditsNotice connection={connection} readOnly={readOnly} />
          {state.closed && !state.refused && (
            <p className="banner" role="alert" data-testid="connection-closed">
              {state.closed.message}
            </p>
          )}
          <main className="editor__body">
            {view === 'compare' ? (
              <CompareView doc={mapDoc} onClose={closeCompare} />
            ) : view === 'outline' ? (
              <OutlineView ctx={ctx} index={index} geometry={geometry} readOnly={readOnly} />
            ) : view === 'table' ? (
              <TableView ctx={ctx} index={index} geometry={geometry} readOnly={readOnly} />
            ) : (
              // biome-ignore lint/a11y/noStaticElementInteractions: focusable by a click only (never by Tab), it hands the focus to the map's stop
              <div
                className={`editor__canvas${scenario ? ' editor__canvas--scenario' : ''}`}
                data-testid="canvas"
                tabIndex={-1}
                onFocus={focusMapStop}
              >
                <Canvas
                  doc={doc}
                  index={index}
                  geometry={geometry}
                  readOnly={readOnly}
                  synced={shown}
                  ghosts={scenario?.ghosts}
                />
                <LaneHeaders ctx={ctx} />
                <Cursors />
                <FollowBanner />
                <HeatLegend />
                {shown && !readOnly && (
                  <EmptyState
                    lanes={index.lanes.length}
                    steps={index.map.steps.length}
                    onAddLane={() => runAction('add-lane', ctx)}
                  />
                )}
              </div>
            )}
            <PropertiesPanel doc={doc} index={index} readOnly={readOnly} />
          </main>
          <Announcer connection={connection} index={index} />
          <StatusLine index={index}>
            <NamePrompt />
          </StatusLine>
        </div>
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => openDialog(null)} />}
        {dialog === 'share' && (
          <ShareDialog
            mapId={mapId}
            token={token}
            readOnly={readOnly}
            onClose={() => openDialog(null)}
          />
        )}
        {dialog === 'export' && <ExportDialog doc={mapDoc} onClose={() => openDialog(null)} />}
        <ScenarioDialogs doc={mapDoc} scenarios={whole.scenarios ?? []} />
        {dialog === 'connect' && connectFrom && (
          <ConnectDialog ctx={ctx} from={connectFrom} onClose={() => openDialog(null)} />
        )}
        {typeof dialog === 'object' && dialog?.kind === 'delete-lane' && (
          <DeleteLaneDialog ctx={ctx} id={dialog.id} onClose={() => openDialog(null)} />
        )}
      </PresenceContext.Provider>
    </EditorContext.Provider>
  );
}

/** The editor for one map, opened from its link (`/m/<id>#token=…`). */
export function EditorPage({ mapId, token }: { mapId: string; token: string }) {
  const { connection } = useMapConnection(mapId, token);
  useEffect(() => {
    useSession.getState().reset();
    return () => useSession.getState().reset();
  }, []);
  if (!token) {
    return (
      <main className="page page--narrow">
        <h1>This link has no access token</h1>
        <p>
          A map link ends in <code>#token=…</code>. Ask whoever shared it for the full link, or{' '}
          <AppLink to="/">go to your maps</AppLink>.
        </p>
      </main>
    );
  }
  if (!connection) return <div className="editor editor--loading" aria-busy="true" />;
  // The provider wraps the whole editor: the toolbar's "Tidy up" fits the view afterwards.
  return (
    <ReactFlowProvider>
      <Workspace connection={connection} mapId={mapId} token={token} />
    </ReactFlowProvider>
  );
}
