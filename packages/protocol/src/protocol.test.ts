import { describe, expect, it } from 'vitest';
import {
  CLOSE,
  CLOSE_MESSAGES,
  closeMessage,
  isFinalClose,
  isRefusalCode,
  readRefusal,
  REFUSALS,
} from './index';

describe('close codes', () => {
  it('gives every code words of its own, ending like a sentence', () => {
    for (const code of Object.values(CLOSE)) {
      const words = CLOSE_MESSAGES[code];
      expect(words, String(code)).toMatch(/^[A-Z].{10,}[.…]$/);
    }
    expect(new Set(Object.values(CLOSE)).size).toBe(Object.keys(CLOSE).length);
  });

  it('treats 44xx as final and every other code as worth reconnecting', () => {
    const final = Object.values(CLOSE).filter(isFinalClose);
    expect(final.sort()).toEqual([4400, 4403, 4404, 4413]);
    expect(isFinalClose(undefined)).toBe(false);
    expect(isFinalClose(4499)).toBe(true);
    expect(isFinalClose(4500)).toBe(false);
  });

  it('says what a reconnecting code does, and falls back to the reason for unknown codes', () => {
    expect(closeMessage(CLOSE.busy)).toMatch(/kept on this device/);
    expect(closeMessage(4499, 'custom reason')).toBe('custom reason');
    expect(closeMessage(4499)).toMatch(/closed/);
    expect(closeMessage(1006)).toMatch(/Reconnecting/);
  });
});

describe('refusals', () => {
  it('gives every refusal an HTTP error status and words for the user', () => {
    for (const [code, info] of Object.entries(REFUSALS)) {
      expect(info.status, code).toBeGreaterThanOrEqual(400);
      expect(info.status, code).toBeLessThan(600);
      expect(info.user, code).toMatch(/^[A-Z].{8,}\.$/);
      // The words are for people: no codes, statuses or field names in them.
      expect(info.user, code).not.toMatch(/\b\d{3}\b|[a-z]+-[a-z]+-|token=|JSON/);
    }
  });

  it('calls a wrong or revoked token and an unknown map a link that does not open a map', () => {
    for (const code of ['token-invalid', 'token-required', 'not-found'] as const) {
      expect(REFUSALS[code].kind).toBe('link');
      expect(REFUSALS[code].user).toMatch(/doesn’t open a map.*mistyped or revoked/);
      expect(REFUSALS[code].title).toBe('This link doesn’t open a map');
      expect(REFUSALS[code].advice).toMatch(/^It may be mistyped, or revoked/);
    }
    expect(REFUSALS['view-only'].kind).toBe('permission');
  });

  it('reads a refusal by its code, or by its status when a proxy answered without a body', () => {
    expect(readRefusal(403, 'token-invalid')).toBe(REFUSALS['token-invalid']);
    expect(readRefusal(404).kind).toBe('link');
    expect(readRefusal(403, 'some-new-code').kind).toBe('permission');
    expect(readRefusal(502).kind).toBe('retry');
    expect(readRefusal(0).user).toMatch(/cannot be reached/);
    expect(readRefusal(418).kind).toBe('request');
    expect(isRefusalCode('toString')).toBe(false);
    expect(isRefusalCode('not-found')).toBe(true);
  });
});
