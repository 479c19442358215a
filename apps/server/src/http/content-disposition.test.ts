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
});
