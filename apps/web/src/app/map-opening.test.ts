import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/maps-api';
import { initialOpening, openingAfterFailure } from './map-opening';

describe('opening a map link', () => {
  it('opens a link this browser knows at once, and asks about any other', () => {
    expect(initialOpening(true)).toEqual({ kind: 'open' });
    expect(initialOpening(false)).toEqual({ kind: 'checking' });
  });

  it('refuses a wrong token, a missing token and an unknown map with the same plain words', () => {
    for (const [status, code] of [
      [403, 'token-invalid'],
      [401, 'token-required'],
      [404, 'not-found'],
    ] as const) {
      const opening = openingAfterFailure(new ApiError(status, code, 'technical'), true);
      expect(opening.kind).toBe('refused');
      expect(opening).toMatchObject({
        title: 'This link doesn’t open a map',
        advice: expect.stringMatching(/mistyped, or revoked/),
      });
    }
  });

  it('waits rather than refuses when the server cannot answer', () => {
    expect(openingAfterFailure(new ApiError(0, 'offline'), false)).toEqual({ kind: 'offline' });
    expect(openingAfterFailure(new ApiError(0, 'offline'), true).kind).toBe('unreachable');
    expect(openingAfterFailure(new ApiError(503, 'shutting-down'), true)).toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(/restarting/),
    });
    expect(openingAfterFailure(new Error('boom'), true).kind).toBe('unreachable');
  });
});
