import type { z } from 'zod';

/**
 * Branded ids: a `StepId` cannot be passed where a `RoleId` is expected, although both are
 * plain strings at run time (the file format stores them as strings). The brands are zod's, as
 * the schema's id fields (schema.ts) give them to what the validator returns.
 */
type Brand<T, B extends string> = T & z.$brand<B>;

export type RoleId = Brand<string, 'RoleId'>;
export type StepId = Brand<string, 'StepId'>;
export type FlowId = Brand<string, 'FlowId'>;
export type CommentId = Brand<string, 'CommentId'>;

/** Treats a string as a role id (no check: use at boundaries after validation). */
export const roleId = (id: string): RoleId => id as RoleId;
/** Treats a string as a step id. */
export const stepId = (id: string): StepId => id as StepId;
/** Treats a string as a flow id. */
export const flowId = (id: string): FlowId => id as FlowId;
/** Treats a string as a comment id. */
export const commentId = (id: string): CommentId => id as CommentId;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Makes random ids from an injected source of randomness in [0, 1), so that this package stays
 * pure and tests can be seeded. 12 characters of a 62-letter alphabet give 71 bits: two
 * workshop participants creating steps at the same instant will not collide.
 */
export function createIdFactory(random: () => number, length = 12): (prefix: string) => string {
  return (prefix) => {
    let out = prefix;
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return out;
  };
}
