import { describe, expect, it } from 'vitest';
import { cleanName, initials, loadIdentity } from './identity';

describe('initials', () => {
  it('takes the first and last words of a name', () => {
    expect(initials('Ward clerk')).toBe('WC');
    expect(initials('amy')).toBe('A');
    expect(initials('  Mary Ann   Smith ')).toBe('MS');
    expect(initials('')).toBe('?');
    expect(initials('Fiona (facilitator)')).toBe('F');
    expect(initials('Dr. Ann-Marie O’Neill [GP]')).toBe('DO');
    expect(initials('"Sam" -- Jones')).toBe('SJ');
    expect(initials('(  )')).toBe('?');
  });

  it("shows a guest's number, which tells guests apart", () => {
    expect(initials('Guest 423')).toBe('423');
    expect(initials('Guest 437')).not.toBe(initials('Guest 423'));
    expect(initials('Guest house')).toBe('GH');
  });

  it('gives a new guest a name whose initials are its number', () => {
    const identity = loadIdentity(undefined, () => 0.5);
    expect(identity.name).toBe('Guest 550');
    expect(initials(identity.name)).toBe('550');
    expect(cleanName(identity.name)).toBe(identity.name);
  });
});
