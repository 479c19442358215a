import { AS_IS_ID, createIdFactory, type ProcessMap, validateMap } from '@procmap/model';
import * as Y from 'yjs';
import {
  addComment,
  addReply,
  deleteComment,
  resetVotes,
  updateComment,
  vote,
  votesLeftIn,
} from './commands/comments';
import type { CommandContext } from './commands/context';
import { updateMeta } from './commands/meta';
import {
  createScenario,
  deleteScenario,
  linkIdea,
  requireScenario,
  updateScenario,
} from './commands/scenarios';
import { DocError } from './errors';
import { writeFile } from './file-io';
import { migrateScenarios } from './migrate-scenarios';
import { createOrigins, isOrigin, type LocalOrigins, type Origin } from './origins';
import { ProcessDoc } from './process-doc';
import { ProcessEditor } from './process-editor';
import { type RemoteChange, RemoteChangeWatcher } from './remote-change';
import { scenarioMaps } from './scenario-shape';
import { docMaps, type DocMaps } from './shape';
import { SnapshotCache } from './snapshot';
import { createUndoManager } from './undo';

export interface MapDocOptions {
  /** Who edits through this MapDoc; names its origins. Default "local". */
  readonly actor?: string;
  /** Source of randomness for new ids. Default Math.random. */
  readonly random?: () => number;
  /** Clock for timestamps. Default the system clock. */
  readonly now?: () => Date;
  /**
   * Whether this MapDoc moves scenarios an older replica kept in `meta` into their own part of
   * the document (ADR 9). Default true; false for a reader that must never write (the server
   * reading a map for a request), which then sees them where they are.
   */
  readonly migrate?: boolean;
}

/** This user's undo step at one moment (see MapDoc.editMark and MapDoc.amend). */
export interface EditMark {
  readonly item: unknown;
}

type Bound<F> = F extends (ctx: CommandContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/**
 * A process map over a Y.Doc: typed commands, each one transaction with a typed origin; an
 * immutable snapshot with structural sharing and a subscribe() for useSyncExternalStore; and
 * undo/redo of this user's own edits only. The Y.Doc may be shared with a provider.
 */
export class MapDoc {
  readonly ydoc: Y.Doc;
  readonly maps: DocMaps;
  readonly origins: LocalOrigins;
  readonly undoManager: Y.UndoManager;
  private readonly cache: SnapshotCache;
  private readonly ctx: CommandContext;
  private readonly listeners = new Set<() => void>();
  private readonly remote: RemoteChangeWatcher;
  private readonly editors = new Map<string, ProcessEditor>();
  private readonly views = new Map<string, ProcessDoc>();
  private readonly migrates: boolean;

  constructor(ydoc: Y.Doc = new Y.Doc(), options: MapDocOptions = {}) {
    this.ydoc = ydoc;
    this.maps = docMaps(ydoc);
    this.migrates = options.migrate ?? true;
    this.origins = createOrigins(options.actor ?? 'local');
    const now = options.now ?? (() => new Date());
    this.ctx = { maps: this.maps, newId: createIdFactory(options.random ?? Math.random), now };
    this.cache = new SnapshotCache(this.maps);
    this.undoManager = createUndoManager(this.maps, this.origins);
    this.remote = new RemoteChangeWatcher(ydoc, () => this.cache.get());
    ydoc.on('afterTransaction', this.onTransaction);
    // The undo manager registered its own afterTransaction handler first, so by the time ours
    // notifies, canUndo()/canRedo() are already up to date: one notification per command.
    this.undoManager.on('stack-cleared', this.notify);
    this.migrate();
  }

  /**
   * Moves scenarios an older replica kept in `meta` (as a field it did not know) into their own
   * part of the document, in one transaction with the `migration` origin (not undoable): the
   * first replica that knows scenarios does it, whoever that is (ADR 9).
   */
  private migrate(): void {
    if (this.migrates && this.maps.meta.has('scenarios')) {
      this.transact(this.origins.migration, (ctx) => migrateScenarios(ctx.maps));
    }
  }

  /** A MapDoc holding the given file, validated first. */
  static fromFile(file: unknown, options: MapDocOptions = {}): MapDoc {
    const doc = new MapDoc(new Y.Doc(), options);
    doc.importFile(file);
    return doc;
  }

  private readonly onTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size > 0 || tr.deleteSet.clients.size > 0) this.notify();
    // An update from elsewhere (a provider, a file an older replica imported) may bring
    // scenarios kept in meta.
    if (
      !isOrigin(tr.origin) &&
      tr.changed.has(this.maps.meta as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>)
    ) {
      this.migrate();
    }
  };

  private readonly notify = () => {
    for (const listener of this.listeners) listener();
  };

  /** Runs `fn` as one transaction with `origin`; a command that throws changes nothing. */
  transact<R>(origin: Origin, fn: (ctx: CommandContext) => R): R {
    let result: R | undefined;
    this.ydoc.transact(() => {
      result = fn(this.ctx);
    }, origin);
    return result as R;
  }

  private command<F extends (ctx: CommandContext, ...args: never[]) => unknown>(fn: F): Bound<F> {
    return ((...args: never[]) =>
      this.transact(this.origins.user, (ctx) => fn(ctx, ...args))) as Bound<F>;
  }

  /** The as-is's process commands: what the commands below are (see ProcessEditor). */
  private readonly asIs = new ProcessEditor(
    AS_IS_ID,
    (origin, fn) => this.transact(origin, fn),
    () => this.origins,
  );

  // Commands, each one undoable step for this user. The as-is's process:
  readonly addRole = this.asIs.addRole;
  readonly updateRole = this.asIs.updateRole;
  readonly moveRole = this.asIs.moveRole;
  readonly deleteRole = this.asIs.deleteRole;
  readonly addStep = this.asIs.addStep;
  readonly addNextStep = this.asIs.addNextStep;
  /** Inserts a step on a flow, between its two steps: one undo step (see insertStep). */
  readonly insertStep = this.asIs.insertStep;
  readonly updateStep = this.asIs.updateStep;
  readonly moveStepToRole = this.asIs.moveStepToRole;
  readonly moveSteps = this.asIs.moveSteps;
  readonly deleteSteps = this.asIs.deleteSteps;
  readonly connect = this.asIs.connect;
  readonly disconnect = this.asIs.disconnect;
  readonly updateFlow = this.asIs.updateFlow;
  readonly updateSettings = this.asIs.updateSettings;
  /** Pastes a copied fragment (see fragment.ts) as one edit. */
  readonly pasteFragment = this.asIs.pasteFragment;
  /** Renames a lane. */
  readonly renameRole = this.asIs.renameRole;
  /** Recolours a lane; `undefined` returns it to the default colour. */
  readonly recolourRole = this.asIs.recolourRole;
  /** Changes a flow's label. */
  readonly relabelFlow = this.asIs.relabelFlow;
  /** Moves one step (drag end). */
  readonly moveStep = this.asIs.moveStep;
  /** Positions from auto-layout, applied as one undoable edit with the `layout` origin. */
  readonly applyLayout = this.asIs.applyLayout;

  // The map's own fields, comments and votes:
  readonly updateMeta = this.command(updateMeta);
  readonly addComment = this.command(addComment);
  readonly updateComment = this.command(updateComment);
  readonly addReply = this.command(addReply);
  readonly deleteComment = this.command(deleteComment);
  /**
   * Dot-voting: `delta` 1 places one of `voterId`'s votes on a pain point or idea, -1 takes one
   * back; returns the voter's votes on that comment afterwards. DocError `no-votes-left` when
   * the voter has used all of `settings.votesPerPerson` (default 3).
   */
  readonly vote = this.command(vote);
  /** Clears every comment's votes as one undoable edit; returns how many votes were cleared. */
  readonly resetVotes = this.command(resetVotes);

  /**
   * Creates a scenario (ADR 9) as a copy of the as-is, or of the scenario `from`, keeping every
   * id; returns its id. One undo step.
   */
  readonly createScenario = this.command(createScenario);
  /** Renames or describes a scenario. */
  readonly updateScenario = this.command(updateScenario);
  /** Deletes a scenario whole; undo brings it back whole. */
  readonly deleteScenario = this.command(deleteScenario);
  /** Links a scenario to an idea comment it puts into practice (`linked` false unlinks). */
  readonly linkIdea = this.command(linkIdea);

  /**
   * The commands that edit one process: the as-is (`"as-is"`) or a scenario. A scenario's
   * commands refuse with DocError `unknown-scenario` once it is deleted. The same object for
   * the same id.
   */
  process(id: string): ProcessEditor {
    if (id === AS_IS_ID) return this.asIs;
    let editor = this.editors.get(id);
    if (!editor) {
      const run = <R>(origin: Origin, fn: (ctx: CommandContext) => R) =>
        this.transact(origin, (ctx) =>
          fn({ ...ctx, maps: scenarioMaps(ctx.maps, requireScenario(ctx, id)) }),
        );
      editor = new ProcessEditor(id, run, () => this.origins);
      this.editors.set(id, editor);
    }
    return editor;
  }

  /**
   * The map as the editor shows one process (see ProcessDoc): the as-is or a scenario. The same
   * object for the same id.
   */
  view(id: string): ProcessDoc {
    let view = this.views.get(id);
    if (!view) {
      view = new ProcessDoc(this, id, this.process(id));
      this.views.set(id, view);
    }
    return view;
  }

  /** The votes `voterId` may still place on this map's pain points and ideas. */
  votesLeft(voterId: string): number {
    return votesLeftIn(this.ctx, voterId);
  }

  /**
   * Replaces the content with a file, after validating it (DocError listing the problems if it
   * is invalid). Not undoable: an import is not a user's edit to take back keystroke by keystroke.
   */
  importFile(file: unknown, origin: Origin = this.origins.import): void {
    const result = validateMap(file);
    if (!result.ok) {
      const problems = result.problems.filter((p) => p.severity === 'error');
      throw new DocError(
        'invalid-value',
        `Not a valid map: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
    }
    // Earlier edits belong to the content being replaced: undoing them afterwards would bring
    // records of the old map back into the new one. Cleared first, so listeners notified of the
    // import already see canUndo() false.
    this.undoManager.clear();
    this.transact(origin, () => writeFile(this.maps, result.map));
  }

  /** The map as a version-1 file: the current snapshot, unknown fields included. */
  exportFile(): ProcessMap {
    return this.cache.get();
  }

  /** The current immutable snapshot; the same object until the document changes. */
  readonly getSnapshot = (): ProcessMap => this.cache.get();

  /** The current immutable snapshot (same as getSnapshot, for callers outside React). */
  toSnapshot(): ProcessMap {
    return this.cache.get();
  }

  /** Calls `listener` after every change of the document or the undo stacks. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Calls `listener` after each change that came from elsewhere (an update applied by a
   * provider), with the snapshots before and after and the Yjs client ids that made it: what a
   * colleague did, for saying so. Never for this MapDoc's own commands, undo or imports.
   */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void {
    return this.remote.listen(listener);
  }

  /** Undoes this user's last edit; false when there is none. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  /** Redoes this user's last undone edit; false when there is none. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  /**
   * A mark for this user's latest undo step, to join a later edit to it with `amend` (a step
   * just added and the label then typed into it are one thing to take back). Null when there
   * is nothing to undo.
   */
  editMark(): EditMark | null {
    const top = this.undoManager.undoStack.at(-1);
    return top ? { item: top } : null;
  }

  /**
   * Runs `edit` (commands on this MapDoc) as part of the undo step `mark`, when that is still
   * this user's latest one; otherwise (another edit of theirs came between, or it was undone)
   * as an undo step of its own. Colleagues' edits in between do not matter: they are not on
   * this user's undo stack.
   */
  amend<R>(mark: EditMark | null, edit: (doc: MapDoc) => R): R {
    const um = this.undoManager;
    const joins = mark !== null && um.undoStack.at(-1) === mark.item;
    if (!joins) return edit(this);
    // The undo manager merges a tracked transaction into its latest item when it comes within
    // the capture timeout of the previous one; for this edit only, any time is within it.
    const timeout = um.captureTimeout;
    um.captureTimeout = Number.POSITIVE_INFINITY;
    if (um.lastChange <= 0) um.lastChange = 1;
    try {
      return edit(this);
    } finally {
      um.captureTimeout = timeout;
    }
  }

  /**
   * Takes back the undo step `mark` when it is still this user's latest, leaving nothing to
   * redo: a step just added whose naming was cancelled. False (nothing done) otherwise.
   */
  takeBack(mark: EditMark | null): boolean {
    const um = this.undoManager;
    if (mark === null || um.undoStack.at(-1) !== mark.item) return false;
    um.undo();
    um.redoStack.pop();
    return true;
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Stops observing; the Y.Doc itself is left to its owner. */
  destroy(): void {
    this.ydoc.off('afterTransaction', this.onTransaction);
    this.remote.destroy();
    this.undoManager.destroy();
    this.cache.destroy();
    this.listeners.clear();
  }
}
