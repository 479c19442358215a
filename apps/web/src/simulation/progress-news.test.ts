import { describe, expect, it } from 'vitest';
import { progressNews, progressText, QUIET_MS } from './progress-news';

describe('what a run says while it goes', () => {
  it('says each quarter passed in a long run', () => {
    expect(progressNews(0.2, 0.26, QUIET_MS)).toBe('Simulation 25% done');
    expect(progressNews(0.49, 0.51, QUIET_MS * 5)).toBe('Simulation 50% done');
    expect(progressNews(0.6, 0.8, QUIET_MS * 5)).toBe('Simulation 75% done');
  });

  it('stays quiet between quarters, at the end, and in a short run', () => {
    expect(progressNews(0.26, 0.3, QUIET_MS * 5)).toBeNull();
    expect(progressNews(0.9, 1, QUIET_MS * 5)).toBeNull();
    expect(progressNews(0.2, 0.6, QUIET_MS - 1)).toBeNull();
  });

  it('gives the progress bar its words', () => {
    expect(progressText(0)).toBe('0% done');
    expect(progressText(0.426)).toBe('42% done');
    expect(progressText(1)).toBe('100% done');
  });
});
