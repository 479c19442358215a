import { describe, expect, it } from 'vitest';
import { PANEL_TABS, tabAfterKey } from './panel-tabs';

describe('tabAfterKey', () => {
  it('moves right and left, round the ends', () => {
    expect(tabAfterKey('properties', 'ArrowRight')).toBe('analysis');
    expect(tabAfterKey('analysis', 'ArrowRight')).toBe('simulate');
    expect(tabAfterKey('simulate', 'ArrowRight')).toBe('comments');
    expect(tabAfterKey('comments', 'ArrowRight')).toBe('properties');
    expect(tabAfterKey('properties', 'ArrowLeft')).toBe('comments');
    expect(tabAfterKey('comments', 'ArrowLeft')).toBe('simulate');
    expect(tabAfterKey('analysis', 'ArrowLeft')).toBe('properties');
  });

  it('goes to the first and last with Home and End', () => {
    expect(tabAfterKey('simulate', 'Home')).toBe('properties');
    expect(tabAfterKey('analysis', 'End')).toBe('comments');
  });

  it('leaves every other key alone', () => {
    expect(tabAfterKey('analysis', 'Enter')).toBeUndefined();
    expect(tabAfterKey('analysis', 'ArrowDown')).toBeUndefined();
    expect(tabAfterKey('analysis', 'Tab')).toBeUndefined();
  });

  it('reaches every tab once going right from the first', () => {
    const seen = [PANEL_TABS[0]];
    for (let i = 1; i < PANEL_TABS.length; i++) seen.push(tabAfterKey(seen[i - 1]!, 'ArrowRight')!);
    expect(seen).toEqual(['properties', 'analysis', 'simulate', 'comments']);
  });
});
