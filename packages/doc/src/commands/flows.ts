import { type Flow, type FlowId, flowId, type StepId } from '@procmap/model';
import { insertRecord, setField } from '../codec';
import { checkFields } from '../check-input';
import { DocError } from '../errors';
import { type CommandContext, claimId, requireRecord } from './context';

export interface ConnectOptions {
  readonly id?: string;
  readonly label?: string;
  readonly probability?: number;
}

export type FlowPatch = { readonly [K in 'label' | 'probability']?: Flow[K] | undefined };

/** Connects two steps. A second flow between the same two steps, same direction, is refused. */
export function connect(
  ctx: CommandContext,
  from: StepId,
  to: StepId,
  options: ConnectOptions = {},
): FlowId {
  requireRecord(ctx, 'steps', from);
  requireRecord(ctx, 'steps', to);
  checkFields('flows', options);
  ctx.maps.flows.forEach((record) => {
    if (record.get('from') === from && record.get('to') === to) {
      throw new DocError('flow-exists', 'These two steps are already connected');
    }
  });
  const id = claimId(ctx, 'flows', options.id, 'f_');
  insertRecord(ctx.maps.flows, id, { id, from, to, ...options });
  return flowId(id);
}

/**
 * Removes a flow. Comments on it stay, pointing at nothing (shown on the map by normalize())
 * until an undo brings the flow back.
 */
export function disconnect(ctx: CommandContext, id: FlowId): void {
  requireRecord(ctx, 'flows', id);
  ctx.maps.flows.delete(id);
}

/** Changes a flow's label or probability; `undefined` clears it. */
export function updateFlow(ctx: CommandContext, id: FlowId, patch: FlowPatch): void {
  const record = requireRecord(ctx, 'flows', id);
  checkFields('flows', patch);
  for (const key of ['label', 'probability'] as const) {
    if (key in patch) setField(record, key, patch[key]);
  }
}
