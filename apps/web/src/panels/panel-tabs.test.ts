import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './panel-tabs';

describe('tabAfterKey', () => {
  it('moves right and left, round the ends', () => {
    expect(tabAfterKey('properties', 'ArrowRight')).toBe('analysis');
    expect(tabAfterKey('comments', 'ArrowRight')).toBe('properties');
    expect(tabAfterKey('properties', 'ArrowLeft')).toBe('comments');
    expect(tabAfterKey('analysis', 'ArrowLeft')).toBe('properties');
  });

  it('goes to the first and last with Home and End', () => {
    expect(tabAfterKey('analysis', 'Home')).toBe('properties');
    expect(tabAfterKey('analysis', 'End')).toBe('comments');
  });

  it('leaves every other key alone', () => {
    expect(tabAfterKey('analysis', 'Enter')).toBeUndefined();
    expect(tabAfterKey('analysis', 'ArrowDown')).toBeUndefined();
    expect(tabAfterKey('analysis', 'Tab')).toBeUndefined();
  });
});
