import { describe, expect, it } from 'vitest';
import { contentDisposition } from './export-routes';

describe('contentDisposition', () => {
  it('drops direction controls from the file name, so a title cannot disguise the extension', () => {
    const header = contentDisposition('Referral\u202Egpj.exe', '.svg');
    const encoded = header.split("filename*=UTF-8''")[1] ?? '';
    const name = decodeURIComponent(encoded);
    expect(name).toBe('Referralgpj.exe.svg');
    for (const c of ['\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c']) {
      expect(decodeURIComponent(contentDisposition(`a${c}b`, '.pdf').split("''")[1] ?? '')).toBe(
        'ab.pdf',
      );
    }
  });

  it('keeps a plain title readable, accents included', () => {
    const header = contentDisposition('Sortie d’hôpital', '.pdf');
    expect(decodeURIComponent(header.split("''")[1] ?? '')).toBe('Sortie d’hôpital.pdf');
  });

  it('cuts a long name between characters, never inside an emoji', () => {
    // 99 letters then emoji: a cut by UTF-16 units at 100 would split the first one in two.
    const title = `${'a'.repeat(99)}${'😀'.repeat(5)}`;
    const header = contentDisposition(title, '.svg');
    const encoded = header.split("filename*=UTF-8''")[1] as string;
    expect(decodeURIComponent(encoded)).toBe(`${'a'.repeat(99)}😀.svg`);
  });
});
