import { AS_IS_ID, type ProcessMap, scenarioMap, type StepId } from '@procmap/model';
import type * as Y from 'yjs';
import type { EditMark, MapDoc } from './map-doc';
import type { LocalOrigins } from './origins';
import type { ProcessEditor } from './process-editor';
import type { RemoteChange } from './remote-change';

/*
 * The map as the editor shows it: one process (the as-is or a scenario, ADR 9) with everything
 * the editor does to it. Its snapshot is that process as a map of its own (the scenario's roles,
 * steps and flows under the map's header, comments and merged settings: scenarioMap), and its
 * process commands edit that process; comments, votes, undo and the map's own fields are the
 * map's. So every panel, key and drag of the editor works on a scenario unchanged.
 */
export class ProcessDoc {
  private base: ProcessMap | undefined;
  private shown: ProcessMap | undefined;

  constructor(
    readonly map: MapDoc,
    /** "as-is" or a scenario's id. */
    readonly processId: string,
    private readonly editor: ProcessEditor,
  ) {}

  /** Whether this is a scenario (not the as-is). */
  get isScenario(): boolean {
    return this.processId !== AS_IS_ID;
  }

  /**
   * The process as a map, the same object until the document changes. A scenario deleted (by
   * anyone) reads as the as-is: the editor then says so and shows the as-is.
   */
  readonly getSnapshot = (): ProcessMap => {
    const snapshot = this.map.getSnapshot();
    if (!this.isScenario) return snapshot;
    if (snapshot === this.base && this.shown) return this.shown;
    const found = scenarioMap(snapshot, this.processId);
    this.base = snapshot;
    this.shown = found.ok ? found.map : snapshot;
    return this.shown;
  };

  /** Whether the scenario shown still exists (always for the as-is). */
  exists(): boolean {
    return !this.isScenario || scenarioMap(this.map.getSnapshot(), this.processId).ok;
  }

  toSnapshot(): ProcessMap {
    return this.getSnapshot();
  }

  /** The whole map as a file (every scenario in it), as MapDoc gives it. */
  exportFile(): ProcessMap {
    return this.map.exportFile();
  }

  /** Whether the process shown holds a step with this id. */
  hasStep(id: StepId | string): boolean {
    return this.getSnapshot().steps.some((s) => s.id === id);
  }

  readonly subscribe = (listener: () => void): (() => void) => this.map.subscribe(listener);

  get ydoc(): Y.Doc {
    return this.map.ydoc;
  }
  get origins(): LocalOrigins {
    return this.map.origins;
  }
  get undoManager(): Y.UndoManager {
    return this.map.undoManager;
  }

  // The process's own commands: the one shown.
  get addRole() {
    return this.editor.addRole;
  }
  get updateRole() {
    return this.editor.updateRole;
  }
  get moveRole() {
    return this.editor.moveRole;
  }
  get deleteRole() {
    return this.editor.deleteRole;
  }
  get addStep() {
    return this.editor.addStep;
  }
  get addNextStep() {
    return this.editor.addNextStep;
  }
  get insertStep() {
    return this.editor.insertStep;
  }
  get updateStep() {
    return this.editor.updateStep;
  }
  get moveStepToRole() {
    return this.editor.moveStepToRole;
  }
  get moveSteps() {
    return this.editor.moveSteps;
  }
  get deleteSteps() {
    return this.editor.deleteSteps;
  }
  get connect() {
    return this.editor.connect;
  }
  get disconnect() {
    return this.editor.disconnect;
  }
  get updateFlow() {
    return this.editor.updateFlow;
  }
  /** The map's settings on the as-is; the scenario's overrides on a scenario. */
  get updateSettings() {
    return this.editor.updateSettings;
  }
  get pasteFragment() {
    return this.editor.pasteFragment;
  }
  renameRole(...args: Parameters<ProcessEditor['renameRole']>): void {
    this.editor.renameRole(...args);
  }
  recolourRole(...args: Parameters<ProcessEditor['recolourRole']>): void {
    this.editor.recolourRole(...args);
  }
  relabelFlow(...args: Parameters<ProcessEditor['relabelFlow']>): void {
    this.editor.relabelFlow(...args);
  }
  moveStep(...args: Parameters<ProcessEditor['moveStep']>): void {
    this.editor.moveStep(...args);
  }
  applyLayout(...args: Parameters<ProcessEditor['applyLayout']>): void {
    this.editor.applyLayout(...args);
  }

  // The map's: its own fields, comments, votes, scenarios, undo.
  get updateMeta() {
    return this.map.updateMeta;
  }
  get addComment() {
    return this.map.addComment;
  }
  get updateComment() {
    return this.map.updateComment;
  }
  get addReply() {
    return this.map.addReply;
  }
  get deleteComment() {
    return this.map.deleteComment;
  }
  get vote() {
    return this.map.vote;
  }
  get resetVotes() {
    return this.map.resetVotes;
  }
  votesLeft(voterId: string): number {
    return this.map.votesLeft(voterId);
  }
  get createScenario() {
    return this.map.createScenario;
  }
  get updateScenario() {
    return this.map.updateScenario;
  }
  get deleteScenario() {
    return this.map.deleteScenario;
  }
  get linkIdea() {
    return this.map.linkIdea;
  }
  importFile(file: unknown): void {
    this.map.importFile(file);
  }
  onRemoteChange(listener: (change: RemoteChange) => void): () => void {
    return this.map.onRemoteChange(listener);
  }
  undo(): boolean {
    return this.map.undo();
  }
  redo(): boolean {
    return this.map.redo();
  }
  canUndo(): boolean {
    return this.map.canUndo();
  }
  canRedo(): boolean {
    return this.map.canRedo();
  }
  editMark(): EditMark | null {
    return this.map.editMark();
  }
  /** As MapDoc.amend, the edit running on this process. */
  amend<R>(mark: EditMark | null, edit: (doc: ProcessDoc) => R): R {
    return this.map.amend(mark, () => edit(this));
  }
  takeBack(mark: EditMark | null): boolean {
    return this.map.takeBack(mark);
  }
}
