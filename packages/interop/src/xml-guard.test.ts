import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from './imported';
import { checkXml, lineAndColumn, utf8Length } from './xml-guard';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</definitions>`;

const XXE = `<?xml version="1.0"?>
<!-- a comment first -->
<!doctype definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><documentation>&xxe;</documentation></definitions>`;

describe('checkXml', () => {
  it('refuses entity expansion with the line of the declaration', () => {
    const r = checkXml(BILLION_LAUGHS);
    expect(r).toMatchObject({ ok: false, code: 'unsafe-xml', line: 2, column: 1 });
    expect(r?.message).toContain('<!DOCTYPE');
  });

  it('refuses external entities, whatever the case and after a comment', () => {
    expect(checkXml(XXE)).toMatchObject({ ok: false, code: 'unsafe-xml', line: 3 });
  });

  it('refuses a 50 MB file by its size, without reading it as XML', () => {
    const big = `<definitions>${'x'.repeat(50 * 1024 * 1024)}</definitions>`;
    expect(checkXml(big)).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('counts bytes, not characters: a file of many accented letters can be too large', () => {
    const accents = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1); // 2 bytes each
    expect(accents.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(utf8Length(accents)).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(checkXml(accents)).toMatchObject({ code: 'too-large' });
  });

  it('lets an ordinary file through', () => {
    expect(checkXml('<?xml version="1.0"?>\n<definitions/>')).toBeUndefined();
  });

  it('says where an offset is, from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
