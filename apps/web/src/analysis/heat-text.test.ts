import { formatMinutes } from '@procmap/analysis';
import { describe, expect, it } from 'vitest';
import { HEAT_TITLES, heatScaleLabels, heatValueHint, heatValueText } from './heat-text';

const day = 7.5;

describe('the heat overlay in words', () => {
  it('says what each mode measures', () => {
    expect(HEAT_TITLES.wait).toMatch(/wait before each step/i);
    expect(HEAT_TITLES.lead).toMatch(/share of the lead time/i);
  });

  it('gives each step its wait per case as text', () => {
    expect(heatValueText('wait', 240, 1000, day)).toBe(`Wait ${formatMinutes(240, day)}`);
    expect(heatValueText('wait', 240, 1000, day)).toBe('Wait 4 h');
    expect(heatValueText('wait', 0, 1000, day)).toBe('No wait');
    expect(heatValueHint('wait', 240, 1000, day)).toBe('Wait before this step, per case: 4 h');
  });

  it('gives each step its share of the lead time as text', () => {
    expect(heatValueText('lead', 420, 1000, day)).toBe('42% of lead time');
    expect(heatValueText('lead', 1000, 1000, day)).toBe('100% of lead time');
    expect(heatValueText('lead', 1, 1000, day)).toBe('under 1% of lead time');
    expect(heatValueText('lead', 0, 1000, day)).toBe('0% of lead time');
    // No lead time known: the minutes themselves.
    expect(heatValueText('lead', 30, 0, day)).toBe('30 min a case');
    expect(heatValueHint('lead', 420, 1000, day)).toContain('42% of the');
  });

  it('labels the scale from the cool end to the hottest step', () => {
    expect(heatScaleLabels('wait', 480, 1000, day)).toEqual(['No wait', '4 h', '1.1 d']);
    expect(heatScaleLabels('lead', 500, 1000, day)).toEqual(['0%', '25%', '50%']);
    expect(heatScaleLabels('wait', 0, 1000, day)).toBeNull();
  });
});
