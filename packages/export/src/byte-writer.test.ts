import { describe, expect, it } from 'vitest';
import { ByteWriter, SPACE } from './byte-writer';
import { escapeXml } from './svg';

/** The number format of the SVG before it was written as bytes. */
const asText = (v: number) =>
  v === (v | 0) ? `${v}` : Number.isFinite(v) ? `${Math.round(v * 100) / 100}` : '0';

const written = (write: (w: ByteWriter) => void, capacity = 1) => {
  const w = new ByteWriter(capacity);
  write(w);
  return w.bytes();
};

/** A repeatable stream of numbers in [0, 1). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

describe('ByteWriter', () => {
  it('writes text as TextEncoder would write the escaped text, for every UTF-16 code unit', () => {
    // given: every code unit (lone surrogates included), astral characters, pairs out of order
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
    const samples = [all, '😀 \u{10ffff} \u{10000}', '\udc00\ud800', 'a&b<c>d"e\'f', '\ud83d', ''];
    for (const text of samples) {
      // when / then
      expect(written((w) => w.text(text))).toEqual(new TextEncoder().encode(escapeXml(text)));
    }
  });

  it('writes random strings of awkward characters exactly as TextEncoder writes them escaped', () => {
    const next = random(7);
    const alphabet = [
      'a',
      '&',
      '<',
      '"',
      "'",
      'é',
      '€',
      '\u07ff',
      '\u0800',
      '\ud83d',
      '\ude00',
      '😀',
      '\uffff',
      '\u0000',
    ];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = Math.floor(next() * 12); i > 0; i--)
        text += alphabet[Math.floor(next() * alphabet.length)];
      expect(written((w) => w.text(text))).toEqual(new TextEncoder().encode(escapeXml(text)));
    }
  });

  it('writes numbers as they were written before: integers whole, others to two decimals, NaN and ∞ as 0', () => {
    const edges = [
      0,
      -0,
      9,
      10,
      -10,
      123456789,
      2147483647,
      -2147483648,
      2147483648,
      -1e9,
      -1e9 - 1,
      1e21,
      1.005,
      -0.125,
      0.001,
      -0.004,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0.1 + 0.2,
    ];
    const next = random(11);
    const randoms = Array.from(
      { length: 5000 },
      () => (next() - 0.5) * 10 ** Math.floor(next() * 10),
    );
    for (const v of [...edges, ...randoms]) {
      const text = new TextDecoder().decode(written((w) => w.num(v, SPACE)));
      expect(text, String(v)).toBe(`${asText(v)} `);
    }
  });

  it('grows from any starting size, zero included', () => {
    const bytes = written((w) => {
      for (let i = 0; i < 1000; i++) w.put(' x="', i);
    }, 0);
    expect(new TextDecoder().decode(bytes).endsWith(' x="999')).toBe(true);
    const kept = ByteWriter.kept; // the instance that keeps the class's shape alive: empty
    expect(kept).toBeInstanceOf(ByteWriter);
    expect(ByteWriter.concat([kept as ByteWriter, new ByteWriter(0)])).toEqual(new Uint8Array(0));
  });
});
