import type { EditMark } from '@procmap/doc';
import { AS_IS_ID, type FlowId, type RoleId, type StepId } from '@procmap/model';
import { create } from 'zustand';

/** What is selected in this tab (session state: never in the shared document). */
export type Selection =
  | { readonly kind: 'none' }
  | { readonly kind: 'steps'; readonly ids: readonly StepId[] }
  | { readonly kind: 'lane'; readonly id: RoleId }
  | { readonly kind: 'flow'; readonly id: FlowId };

/** How a label edit starts: what was typed on the selected record, and whether it is new. */
interface EditStart {
  /**
   * Text typed onto the selected step or lane that started the edit: the field starts with it
   * (caret at its end) instead of the whole old name selected.
   */
  readonly typed?: string;
  /** The record was just added: its first label joins that undo step (one undo takes both). */
  readonly fresh?: EditMark | null;
}

/** What is being typed into, if anything. */
export type Editing =
  | ({ readonly kind: 'step'; readonly id: StepId } & EditStart)
  | ({ readonly kind: 'lane'; readonly id: RoleId } & EditStart)
  | null;

export type Dialog =
  | 'shortcuts'
  | 'share'
  | 'export'
  /** Connect the selected step to another, picked by typing part of its label. */
  | 'connect'
  /** Asks where the steps of a lane being deleted go. */
  | { readonly kind: 'delete-lane'; readonly id: RoleId }
  /** Names a new scenario, copied from the as-is or from the scenario `from`. */
  | { readonly kind: 'new-scenario'; readonly from: string }
  /** Renames, describes or (after asking) deletes the scenario shown. */
  | {
      readonly kind: 'rename-scenario' | 'describe-scenario' | 'delete-scenario';
      readonly id: string;
    }
  | null;

/** Which side panel tab is showing. */
export type PanelTab = 'properties' | 'analysis' | 'simulate' | 'comments';

/**
 * How the map is shown: the canvas, the outline (the process as lists, one per lane), the table
 * (its steps as an editable grid) or the comparison of scenarios.
 */
export type MapView = 'map' | 'outline' | 'table' | 'compare';

interface SessionState {
  readonly selection: Selection;
  readonly panelTab: PanelTab;
  readonly view: MapView;
  /** The process shown and edited: "as-is" or a scenario's id (ADR 9). */
  readonly processId: string;
  readonly editing: Editing;
  readonly dialog: Dialog;
  /** A short message for the status line (e.g. why a key did nothing). */
  readonly hint: string;
  /** Counts the asks to open the process switcher's menu (Alt+S); the switcher opens on each. */
  readonly switcherAsked: number;
  selectSteps(ids: readonly StepId[]): void;
  selectLane(id: RoleId): void;
  selectFlow(id: FlowId): void;
  clearSelection(): void;
  edit(editing: Editing): void;
  /** A key typed while a just-started edit's field is not on the page yet: it is not lost. */
  typeAhead(text: string): void;
  openDialog(dialog: Dialog): void;
  setHint(hint: string): void;
  setPanelTab(tab: PanelTab): void;
  setView(view: MapView): void;
  /** Shows another process (the as-is or a scenario): the selection, of the other, is cleared. */
  showProcess(id: string): void;
  /** Opens the process switcher's menu, the keyboard on the process shown. */
  openSwitcher(): void;
  reset(): void;
}

const NONE: Selection = { kind: 'none' };

/** The editor's session state: selection, inline editing, dialogs. One editor at a time. */
export const useSession = create<SessionState>()((set) => ({
  selection: NONE,
  editing: null,
  dialog: null,
  hint: '',
  panelTab: 'properties',
  view: 'map',
  processId: AS_IS_ID,
  switcherAsked: 0,
  selectSteps: (ids) => set({ selection: ids.length ? { kind: 'steps', ids } : NONE, hint: '' }),
  selectLane: (id) => set({ selection: { kind: 'lane', id }, hint: '' }),
  selectFlow: (id) => set({ selection: { kind: 'flow', id }, hint: '' }),
  clearSelection: () => set({ selection: NONE, editing: null }),
  edit: (editing) => set({ editing }),
  typeAhead: (text) =>
    set(({ editing }) =>
      editing ? { editing: { ...editing, typed: `${editing.typed ?? ''}${text}` } } : {},
    ),
  openDialog: (dialog) => set({ dialog }),
  setHint: (hint) => set({ hint }),
  setPanelTab: (panelTab) => set({ panelTab }),
  setView: (view) => set({ view, editing: null }),
  openSwitcher: () => set((s) => ({ switcherAsked: s.switcherAsked + 1 })),
  showProcess: (processId) => set({ processId, selection: NONE, editing: null }),
  reset: () => set({ selection: NONE, editing: null, dialog: null, hint: '', processId: AS_IS_ID }),
}));

/** The ids of the selected steps (empty unless steps are selected). */
export function selectedStepIds(selection: Selection): readonly StepId[] {
  return selection.kind === 'steps' ? selection.ids : [];
}
