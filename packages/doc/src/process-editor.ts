import type { FlowId, Position, RoleId, StepId } from '@procmap/model';
import type { CommandContext } from './commands/context';
import { connect, disconnect, updateFlow } from './commands/flows';
import { updateSettings } from './commands/meta';
import { pasteFragment } from './commands/paste';
import { addRole, deleteRole, moveRole, updateRole } from './commands/roles';
import {
  addNextStep,
  addStep,
  deleteSteps,
  insertStep,
  moveStepToRole,
  moveSteps,
  updateStep,
} from './commands/steps';
import type { Origin } from './origins';

type Bound<F> = F extends (ctx: CommandContext, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** Runs a command on one process (the as-is or a scenario) as one transaction with `origin`. */
export type ProcessTransact = <R>(origin: Origin, fn: (ctx: CommandContext) => R) => R;

/**
 * The commands that edit one process — its roles, steps, flows and settings — bound to the
 * as-is or to a scenario (ADR 9). The editor holds the one for the process on screen, so every
 * key, button and drag edits what is shown; each command is one undoable step for this user,
 * whichever process it edits. Comments and votes stay with the map (MapDoc).
 */
export class ProcessEditor {
  constructor(
    /** "as-is" or the scenario's id. */
    readonly processId: string,
    private readonly run: ProcessTransact,
    /** The origins it writes with, read at each command (its MapDoc may still be starting). */
    private readonly origins: () => { readonly user: Origin; readonly layout: Origin },
  ) {}

  private command<F extends (ctx: CommandContext, ...args: never[]) => unknown>(fn: F): Bound<F> {
    return ((...args: never[]) =>
      this.run(this.origins().user, (ctx) => fn(ctx, ...args))) as Bound<F>;
  }

  readonly addRole = this.command(addRole);
  readonly updateRole = this.command(updateRole);
  readonly moveRole = this.command(moveRole);
  readonly deleteRole = this.command(deleteRole);
  readonly addStep = this.command(addStep);
  readonly addNextStep = this.command(addNextStep);
  /** Inserts a step on a flow, between its two steps: one undo step (see insertStep). */
  readonly insertStep = this.command(insertStep);
  readonly updateStep = this.command(updateStep);
  readonly moveStepToRole = this.command(moveStepToRole);
  readonly moveSteps = this.command(moveSteps);
  readonly deleteSteps = this.command(deleteSteps);
  readonly connect = this.command(connect);
  readonly disconnect = this.command(disconnect);
  readonly updateFlow = this.command(updateFlow);
  /** The map's settings for the as-is; a scenario's overrides of them for a scenario. */
  readonly updateSettings = this.command(updateSettings);
  /** Pastes a copied fragment (see fragment.ts) as one edit. */
  readonly pasteFragment = this.command(pasteFragment);

  /** Renames a lane. */
  readonly renameRole = (id: RoleId, name: string): void => this.updateRole(id, { name });

  /** Recolours a lane; `undefined` returns it to the default colour. */
  readonly recolourRole = (id: RoleId, color: string | undefined): void =>
    this.updateRole(id, { color });

  /** Changes a flow's label. */
  readonly relabelFlow = (id: FlowId, label: string | undefined): void =>
    this.updateFlow(id, { label });

  /** Moves one step (drag end). */
  readonly moveStep = (id: StepId, position: Position): void => this.moveSteps([{ id, position }]);

  /** Positions from auto-layout, applied as one undoable edit with the `layout` origin. */
  readonly applyLayout = (
    positions: readonly { readonly id: StepId; readonly position: Position }[],
  ): void => this.run(this.origins().layout, (ctx) => moveSteps(ctx, positions));
}
