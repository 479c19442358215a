import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Share-link tokens: 192 random bits, base64url. Only their SHA-256 is stored, so a copy of the
 * database does not open anyone's map. Comparison is constant-time.
 */

export type Access = 'edit' | 'view';

/** A fresh random token (192 bits). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The view token that goes with an edit token: 192 bits of HMAC-SHA-256 keyed by the edit token.
 * Whoever holds the edit link can get the view link back (a co-facilitator, the creator on
 * another device) without the server keeping either token; the view token says nothing about
 * the edit token.
 */
export function viewTokenFor(editToken: string): string {
  return createHmac('sha256', editToken)
    .update('procmap view-only link', 'utf8')
    .digest()
    .subarray(0, 24)
    .toString('base64url');
}

/** SHA-256 of a token, hex: what storage keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** What a token opens on a map with these hashes: edit, view, or nothing. */
export function accessFor(
  token: string,
  hashes: { readonly editTokenHash: string; readonly viewTokenHash: string },
): Access | undefined {
  const hash = hashToken(token);
  if (sameHash(hash, hashes.editTokenHash)) return 'edit';
  if (sameHash(hash, hashes.viewTokenHash)) return 'view';
  return undefined;
}

/** Whether a presented admin token matches the configured one (constant-time). */
export function isAdminToken(presented: string | undefined, configured: string): boolean {
  if (presented === undefined) return false;
  return sameHash(hashToken(presented), hashToken(configured));
}
