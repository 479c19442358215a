import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64';

/** Bytes from a fixed linear congruential sequence: varied, and the same on every run. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeBase64', () => {
  it('decodes what node encodes, for every length of padding', () => {
    for (let length = 0; length < 70; length++) {
      const data = bytes(length, length + 1);
      const text = Buffer.from(data).toString('base64');
      expect(decodeBase64(text)).toEqual(data);
    }
  });

  it('skips line breaks and spaces, as wrapped base64 has them', () => {
    const data = bytes(200, 7);
    const wrapped = (
      Buffer.from(data)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n ');
    expect(decodeBase64(wrapped)).toEqual(data);
  });

  it('reads the URL-safe alphabet too', () => {
    const data = bytes(300, 3);
    expect(decodeBase64(Buffer.from(data).toString('base64url'))).toEqual(data);
  });

  it('refuses letters outside the alphabet, data after padding, and a lone sixth of a byte', () => {
    expect(decodeBase64('abc$')).toBeUndefined();
    expect(decodeBase64('QQ==QQ==')).toBeUndefined();
    expect(decodeBase64('QUJDR')).toBeUndefined();
    expect(decodeBase64('QQ===')).toBeUndefined();
    expect(decodeBase64('é')).toBeUndefined();
  });
});
