import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode-file';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeFile', () => {
  it('reads UTF-8, with or without its byte-order mark', () => {
    const utf8 = new TextEncoder().encode('Rôle,Étape\nInfirmière,Trier\n');
    expect(decodeFile(utf8)).toEqual({ text: 'Rôle,Étape\nInfirmière,Trier\n', encoding: 'utf-8' });
    const marked = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeFile(marked).text).toBe('Rôle,Étape\nInfirmière,Trier\n');
  });

  it('reads Excel’s Windows-1252 CSV, which is not valid UTF-8, without losing the accents', () => {
    // "Rôle,Étape\nInfirmière,Trier – 5 €" as Excel's "CSV (Comma delimited)" saves it in France.
    const cp1252 = bytes(
      ...ascii('R'),
      0xf4,
      ...ascii('le,'),
      0xc9,
      ...ascii('tape\nInfirmi'),
      0xe8,
      ...ascii('re,Trier '),
      0x96,
      ...ascii(' 5 '),
      0x80,
    );
    expect(decodeFile(cp1252)).toEqual({
      text: 'Rôle,Étape\nInfirmière,Trier – 5 €',
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-16 by its byte-order mark (Excel’s "Unicode text")', () => {
    const le = bytes(0xff, 0xfe, 0x52, 0, 0xf4, 0, 0x6c, 0, 0x65, 0);
    expect(decodeFile(le)).toEqual({ text: 'Rôle', encoding: 'utf-16le' });
    const be = bytes(0xfe, 0xff, 0, 0x52, 0, 0xf4);
    expect(decodeFile(be)).toEqual({ text: 'Rô', encoding: 'utf-16be' });
  });

  it('honours an XML declaration’s encoding: ISO-8859-1 BPMN keeps its umlauts', () => {
    const xml = bytes(
      ...ascii('<?xml version="1.0" encoding="ISO-8859-1"?>\n<definitions name="Pr'),
      0xfc,
      ...ascii('fen"/>'),
    );
    const read = decodeFile(xml);
    expect(read.text).toContain('name="Prüfen"');
    expect(read.encoding).toBe('iso-8859-1');
  });

  it('falls back from an encoding the runtime does not know to the bytes’ own evidence', () => {
    const xml = new TextEncoder().encode('<?xml version="1.0" encoding="x-made-up"?><a b="é"/>');
    expect(decodeFile(xml)).toEqual({
      text: '<?xml version="1.0" encoding="x-made-up"?><a b="é"/>',
      encoding: 'utf-8',
    });
  });
});
