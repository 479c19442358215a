import type { MapGeometry } from '@procmap/layout';
import { DEFAULT_SETTINGS, type MapIndex, type RoleId, type StepId } from '@procmap/model';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import type { ActionContext } from '../editor/actions';
import { addLane, addNext, addStepInLane, stepName } from '../editor/keyboard-commands';
import { runOrHint } from '../editor/run-or-hint';
import { ConnectPicker } from '../panels/ConnectPicker';
import { useSession } from '../store/session-store';
import { focusById, laneHeadingId, OUTLINE_HEADING_ID, stepHeadingId } from './outline-ids';
import {
  countSteps,
  findingsByStep,
  focusAfterDelete,
  openCommentsByStep,
  outlineOf,
} from './outline-model';
import { OutlineStepItem, type StepCommands } from './OutlineStepItem';
import { RenameField } from './RenameField';
import './outline.css';

const NONE: readonly never[] = [];

/** Where focus was before a render, to put it back if the render took it away. */
interface FocusBefore {
  readonly element: HTMLElement;
  readonly step: StepId | undefined;
  readonly lane: RoleId | undefined;
}

/**
 * The process as lists, one per lane: the map's equivalent to read, review and edit by keyboard,
 * and to print. Kept live with the document: a colleague's edit redraws it without moving the
 * user's focus or dropping a name they are typing.
 */
export function OutlineView({
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
  const lanes = useMemo(() => outlineOf(index, geometry), [index, geometry]);
  const findings = useAnalysis((s) => s.result?.findings);
  const findingsOf = useMemo(() => findingsByStep(findings ?? []), [findings]);
  const commentsOf = useMemo(() => openCommentsByStep(index.map.comments), [index]);
  const selection = useSession((s) => s.selection);
  const editing = useSession((s) => s.editing);
  const [status, setStatus] = useState('');
  const [pickerFor, setPickerFor] = useState<StepId | null>(null);
  const [drafts] = useState(() => new Map<string, string>());
  const addedFrom = useRef(new Map<StepId, StepId>());
  const pendingFocus = useRef<string | null>(null);
  const root = useRef<HTMLElement>(null);
  const hoursPerDay = index.map.settings?.hoursPerDay ?? DEFAULT_SETTINGS.hoursPerDay;
  const selected = new Set(selection.kind === 'steps' ? selection.ids : []);
  const stepCount = lanes.reduce((n, l) => n + l.steps.length, 0);

  // Before this render reaches the page: where focus is, in case the render removes or moves it.
  const focusBefore = useRef<FocusBefore | null>(null);
  const active = document.activeElement as HTMLElement | null;
  if (root.current && active && root.current.contains(active)) {
    const owner = active.closest<HTMLElement>('[data-step-id], [data-lane-id]');
    focusBefore.current = {
      element: active,
      step: owner?.dataset.stepId as StepId | undefined,
      lane: active.closest<HTMLElement>('[data-lane-id]')?.dataset.laneId as RoleId | undefined,
    };
  } else focusBefore.current = null;

  // After every render: focus asked for by a command, else focus put back where it was.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted && focusById(wanted)) {
      pendingFocus.current = null;
      return;
    }
    const before = focusBefore.current;
    const now = document.activeElement;
    if (!before || (now && now !== document.body && now.isConnected)) return;
    if (before.element.isConnected) {
      before.element.focus({ preventScroll: true });
      return;
    }
    // What had focus is gone (a colleague deleted the step): its lane, else the outline.
    if (before.step && document.getElementById(stepHeadingId(before.step))) {
      focusById(stepHeadingId(before.step));
    } else if (!(before.lane && focusById(laneHeadingId(before.lane)))) {
      focusById(OUTLINE_HEADING_ID);
    }
  });

  // A draft outlives its field being redrawn, not the edit: another edit started drops it.
  useEffect(() => {
    const key = editing ? (editing.kind === 'lane' ? `lane:${editing.id}` : editing.id) : null;
    for (const k of [...drafts.keys()]) if (k !== key) drafts.delete(k);
  }, [editing, drafts]);

  // Opened with the keyboard from the map (whose canvas is gone now): the selected step, else
  // the outline's heading, takes focus. Opened by its button, focus stays on the button.
  useLayoutEffect(() => {
    const now = document.activeElement;
    if (now && now !== document.body) return;
    const { selection: sel } = useSession.getState();
    const first = sel.kind === 'steps' ? sel.ids[0] : undefined;
    if (!(first && focusById(stepHeadingId(first)))) focusById(OUTLINE_HEADING_ID);
  }, []);

  const session = () => useSession.getState();
  const select = (id: StepId) => {
    const sel = session().selection;
    if (!(sel.kind === 'steps' && sel.ids.length === 1 && sel.ids[0] === id)) {
      session().selectSteps([id]);
    }
  };
  const focusLater = (id: string) => {
    pendingFocus.current = id;
  };

  // The step items get one stable set of commands that always runs this render's versions: an
  // item redraws only when its own step, selection or edit changes.
  const latest: StepCommands = {
    follow: (to) => {
      select(to);
      focusById(stepHeadingId(to));
    },
    rename: (id) => {
      select(id);
      setPickerFor(null);
      session().edit({ kind: 'step', id });
    },
    addAfter: (id) => {
      select(id);
      setPickerFor(null);
      addNext(ctx, id);
      const now = session().editing;
      if (now?.kind === 'step' && now.id !== id) addedFrom.current.set(now.id, id);
    },
    connect: (id) => {
      select(id);
      setPickerFor((open) => (open === id ? null : id));
    },
    remove: (id) => {
      const step = index.step(id);
      if (!step) return;
      const next = focusAfterDelete(lanes, id);
      const name = stepName(index, id);
      let message = '';
      runOrHint(() => {
        const { bridged } = ctx.doc.deleteSteps([id], { bridge: true });
        const joined =
          bridged.length === 0
            ? ''
            : bridged.length === 1
              ? '; the flow rejoined'
              : '; flows rejoined';
        message = `Deleted ${name}${joined}. Ctrl+Z undoes.`;
      });
      if (!message) return;
      setStatus(message);
      setPickerFor(null);
      if (next) {
        session().selectSteps([next]);
        focusLater(stepHeadingId(next));
      } else {
        session().clearSelection();
        focusLater(laneHeadingId(step.roleId));
      }
    },
    saveName: (id, name) => {
      const current = session().editing;
      const fresh = current?.kind === 'step' && current.id === id ? (current.fresh ?? null) : null;
      session().edit(null);
      addedFrom.current.delete(id);
      const step = index.step(id);
      if (step && name !== step.label) {
        runOrHint(() => ctx.doc.amend(fresh, (d) => d.updateStep(id, { label: name })));
        setStatus(name ? `Named “${name}”.` : 'Name cleared.');
      }
      focusLater(stepHeadingId(id));
    },
    cancelName: (id) => {
      const current = session().editing;
      const fresh = current?.kind === 'step' && current.id === id ? (current.fresh ?? null) : null;
      session().edit(null);
      const from = addedFrom.current.get(id);
      addedFrom.current.delete(id);
      // Esc while naming a step just added takes the add back, as on the map.
      if (fresh && index.step(id)?.label === '' && ctx.doc.takeBack(fresh)) {
        setStatus('Step not added: Esc took it back.');
        if (from && index.step(from)) {
          session().selectSteps([from]);
          focusLater(stepHeadingId(from));
        } else {
          session().clearSelection();
          focusLater(OUTLINE_HEADING_ID);
        }
        return;
      }
      focusLater(stepHeadingId(id));
    },
  };
  const current = useRef(latest);
  current.current = latest;
  const [commands] = useState<StepCommands>(() => ({
    follow: (to) => current.current.follow(to),
    rename: (id) => current.current.rename(id),
    addAfter: (id) => current.current.addAfter(id),
    connect: (id) => current.current.connect(id),
    remove: (id) => current.current.remove(id),
    saveName: (id, name) => current.current.saveName(id, name),
    cancelName: (id) => current.current.cancelName(id),
  }));

  const addStepTo = (lane: RoleId) => {
    session().selectLane(lane);
    addStepInLane(ctx);
  };
  const laneEditing = (lane: RoleId) =>
    editing?.kind === 'lane' && editing.id === lane ? editing : null;
  const saveLaneName = (lane: RoleId, name: string) => {
    const current = laneEditing(lane);
    session().edit(null);
    const role = index.role(lane);
    if (role && name && name !== role.name) {
      runOrHint(() => ctx.doc.amend(current?.fresh ?? null, (d) => d.renameRole(lane, name)));
    }
    focusLater(laneHeadingId(lane));
  };

  return (
    <section
      className="outline"
      aria-labelledby={OUTLINE_HEADING_ID}
      data-testid="outline"
      ref={root}
      onKeyDown={(event) => {
        // Plain keys here are the outline's and the browser's (Tab, arrows, Enter, Delete,
        // letters), never the canvas's commands; chords (Ctrl+Z, Alt+V…) and ? stay the editor's.
        const chord = event.ctrlKey || event.altKey || event.metaKey;
        if (!chord && event.key !== '?') event.nativeEvent.stopPropagation();
      }}
      onFocus={(event) => {
        const owner = (event.target as HTMLElement).closest<HTMLElement>('[data-step-id]');
        const id = owner?.dataset.stepId as StepId | undefined;
        if (id && index.step(id)) select(id);
      }}
    >
      <div className="outline__head">
        <p className="outline__print-title">{index.map.title.trim() || 'Untitled map'}</p>
        <h2 className="outline__title" id={OUTLINE_HEADING_ID} tabIndex={-1}>
          Outline
        </h2>
        <p className="outline__summary">
          {index.lanes.length === 1 ? '1 lane' : `${index.lanes.length} lanes`},{' '}
          {countSteps(stepCount)}. Each lane lists its steps in the order a case meets them.
        </p>
        <p className="outline__help">
          {readOnly
            ? 'View only: you can read and print this outline, not change it. '
            : 'On a step’s name: F2 renames, Enter adds the next step, Alt+Enter connects, Delete deletes. '}
          Alt+V goes back to the map.
        </p>
        <p className="outline__status" role="status" data-testid="outline-status">
          {status}
        </p>
      </div>
      {lanes.length === 0 ? (
        <div className="outline__empty" data-testid="outline-empty">
          <p>This map has no lanes or steps yet.</p>
          <p>
            Start with a lane for each role that works on the process, then add the steps each one
            does, in order.
          </p>
          {!readOnly && (
            <button type="button" className="button button--primary" onClick={() => addLane(ctx)}>
              Add a lane
            </button>
          )}
        </div>
      ) : (
        lanes.map((lane) => {
          const renamingLane = laneEditing(lane.id);
          return (
            <section
              key={lane.id}
              className="outline-lane"
              aria-labelledby={laneHeadingId(lane.id)}
              data-lane-id={lane.id}
              data-testid="outline-lane"
            >
              <h3 className="outline-lane__name" id={laneHeadingId(lane.id)} tabIndex={-1}>
                {lane.heading}
              </h3>
              {renamingLane && !readOnly && (
                <RenameField
                  label={`New name for the lane ${lane.name}`}
                  initial={index.role(lane.id)?.name ?? ''}
                  typed={renamingLane.typed}
                  drafts={drafts}
                  draftKey={`lane:${lane.id}`}
                  onSave={(name) => saveLaneName(lane.id, name)}
                  onCancel={() => {
                    session().edit(null);
                    focusLater(laneHeadingId(lane.id));
                  }}
                />
              )}
              {lane.steps.length === 0 ? (
                <div className="outline-lane__empty">
                  <p>No steps in this lane yet.</p>
                  {!readOnly && (
                    <button type="button" className="button" onClick={() => addStepTo(lane.id)}>
                      Add a step<span className="visually-hidden"> to {lane.name}</span>
                    </button>
                  )}
                </div>
              ) : (
                <ol className="outline-lane__steps">
                  {lane.steps.map((item) => (
                    <OutlineStepItem
                      key={item.id}
                      item={item}
                      hoursPerDay={hoursPerDay}
                      findings={findingsOf.get(item.id) ?? NONE}
                      comments={commentsOf.get(item.id) ?? NONE}
                      readOnly={readOnly}
                      selected={selected.has(item.id)}
                      renaming={editing?.kind === 'step' && editing.id === item.id ? editing : null}
                      drafts={drafts}
                      commands={commands}
                      picker={
                        pickerFor === item.id && !readOnly ? (
                          <div className="outline-step__picker">
                            <ConnectPicker
                              doc={ctx.doc}
                              index={index}
                              geometry={geometry}
                              from={item.id}
                              disabled={readOnly}
                              autoFocus
                              onConnected={(c) => {
                                setPickerFor(null);
                                setStatus(c.message);
                                focusLater(`${stepHeadingId(item.id)}-connect`);
                              }}
                              onCancel={() => {
                                setPickerFor(null);
                                focusLater(`${stepHeadingId(item.id)}-connect`);
                              }}
                            />
                          </div>
                        ) : null
                      }
                    />
                  ))}
                </ol>
              )}
            </section>
          );
        })
      )}
    </section>
  );
}
