import { describe, expect, it } from 'vitest';
import { accessFor, hashToken, isAdminToken, newToken, viewTokenFor } from './tokens';

describe('newToken', () => {
  it('gives base64url tokens of at least 128 bits, all different', () => {
    const tokens = Array.from({ length: 1000 }, () => newToken());
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      // 22 base64url characters carry 132 bits.
      expect(token.length).toBeGreaterThanOrEqual(22);
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('uses every base64url character over many tokens (not a narrow alphabet)', () => {
    const seen = new Set(Array.from({ length: 500 }, () => newToken()).join(''));
    expect(seen.size).toBe(64);
  });
});

describe('hashToken', () => {
  it('is deterministic lowercase SHA-256 hex and differs between tokens', () => {
    const token = newToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
    // The known SHA-256 of "abc".
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('never contains the token itself', () => {
    const token = newToken();
    expect(hashToken(token)).not.toContain(token);
  });
});

describe('accessFor', () => {
  const edit = newToken();
  const view = newToken();
  const hashes = { editTokenHash: hashToken(edit), viewTokenHash: hashToken(view) };

  it('gives edit for the edit token and view for the view token', () => {
    expect(accessFor(edit, hashes)).toBe('edit');
    expect(accessFor(view, hashes)).toBe('view');
  });

  it('gives nothing for any other token, an empty one, or a near miss', () => {
    expect(accessFor(newToken(), hashes)).toBeUndefined();
    expect(accessFor('', hashes)).toBeUndefined();
    expect(accessFor(`${edit} `, hashes)).toBeUndefined();
    expect(accessFor(edit.slice(0, -1), hashes)).toBeUndefined();
    expect(accessFor(edit.toUpperCase(), hashes)).toBeUndefined();
    // The stored hash is not a token.
    expect(accessFor(hashes.editTokenHash, hashes)).toBeUndefined();
  });

  it('gives nothing when the stored hashes are empty or malformed', () => {
    expect(accessFor(edit, { editTokenHash: '', viewTokenHash: '' })).toBeUndefined();
    expect(accessFor('', { editTokenHash: '', viewTokenHash: 'zz' })).toBeUndefined();
  });
});

describe('isAdminToken', () => {
  it('accepts exactly the configured token', () => {
    expect(isAdminToken('s3cret-admin', 's3cret-admin')).toBe(true);
    expect(isAdminToken('s3cret-admin ', 's3cret-admin')).toBe(false);
    expect(isAdminToken('s3cret-Admin', 's3cret-admin')).toBe(false);
    expect(isAdminToken('', 's3cret-admin')).toBe(false);
    expect(isAdminToken(undefined, 's3cret-admin')).toBe(false);
    // Different lengths are compared safely (hashes of equal length), not thrown on.
    expect(isAdminToken('x'.repeat(10_000), 's3cret-admin')).toBe(false);
  });
});

describe('viewTokenFor', () => {
  it('gives each edit token its own view token, the same every time, shaped like any token', () => {
    const edits = Array.from({ length: 200 }, () => newToken());
    const views = edits.map(viewTokenFor);
    expect(new Set(views).size).toBe(200);
    expect(edits.map(viewTokenFor)).toEqual(views);
    for (const [i, view] of views.entries()) {
      expect(view).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(view).not.toBe(edits[i]);
    }
  });

  it('opens a map for viewing only', () => {
    const edit = newToken();
    const hashes = { editTokenHash: hashToken(edit), viewTokenHash: hashToken(viewTokenFor(edit)) };
    expect(accessFor(viewTokenFor(edit), hashes)).toBe('view');
    expect(accessFor(edit, hashes)).toBe('edit');
    expect(accessFor(viewTokenFor(viewTokenFor(edit)), hashes)).toBeUndefined();
  });
});
