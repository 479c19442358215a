import { afterEach, describe, expect, it } from 'vitest';
import { motionMs, prefersReducedMotion } from './motion';

const original = globalThis.matchMedia;

/** The system's motion setting as the page would read it. */
function systemAsks(reduce: boolean): void {
  globalThis.matchMedia = ((query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
  })) as unknown as typeof globalThis.matchMedia;
}

describe('motionMs', () => {
  afterEach(() => {
    globalThis.matchMedia = original;
  });

  it('keeps an animation for someone who has not asked for less motion', () => {
    systemAsks(false);
    expect(prefersReducedMotion()).toBe(false);
    expect(motionMs(200)).toBe(200);
  });

  it('makes it instant for someone who has', () => {
    systemAsks(true);
    expect(prefersReducedMotion()).toBe(true);
    expect(motionMs(200)).toBe(0);
  });

  it('reads the setting each time: a change applies to the next pan', () => {
    systemAsks(true);
    expect(motionMs(160)).toBe(0);
    systemAsks(false);
    expect(motionMs(160)).toBe(160);
  });

  it('animates where there is no media query to ask (no window)', () => {
    globalThis.matchMedia = undefined as unknown as typeof globalThis.matchMedia;
    expect(motionMs(120)).toBe(120);
  });
});
