import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../imported';
import { importDrawio } from './import-drawio';
import { inflateCapped } from './inflate-page';
import { compress, edge, model, mxfile, vertex } from './test-helpers';

/*
 * Hostile and broken files: each is refused in words, with where, and nothing is made. A
 * compressed page is a second XML document, checked like the first once inflated.
 */

const LANE = 'swimlane;html=1;horizontal=0;';
const GOOD = model(
  vertex('l', '1', 'Lane', LANE, [0, 0, 600, 200]),
  vertex('a', 'l', 'Ask', 'html=1;', [60, 40, 120, 60]),
);

const XXE_PAGE = `<?xml version="1.0"?>
<!DOCTYPE mxGraphModel [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="a" value="&xxe;" parent="1" vertex="1"/></root></mxGraphModel>`;

const LAUGHS_PAGE = `<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<mxGraphModel><root><mxCell id="0" value="&b;"/></root></mxGraphModel>`;

describe('unsafe XML', () => {
  it('refuses a file declaring entities before parsing it', () => {
    const r = importDrawio(`<?xml version="1.0"?>\n${XXE_PAGE.split('\n').slice(1).join('\n')}`);
    expect(r).toMatchObject({ ok: false, code: 'unsafe-xml', line: 2 });
  });

  it('refuses an external entity hidden inside a compressed page, naming the page', () => {
    const file = mxfile([
      { name: 'Sketch', xml: model(vertex('s', '1', 'No lanes here', 'html=1;')) },
      { name: 'Trap', xml: XXE_PAGE, compressed: true },
    ]);
    expect(file).not.toContain('ENTITY');
    const r = importDrawio(file);
    expect(r).toMatchObject({ ok: false, code: 'unsafe-xml', line: 3 });
    expect(!r.ok && r.message).toContain('compressed page "Trap"');
    expect(!r.ok && r.message).toContain("line 2 of the page's XML");
  });

  it('never inflates the pages after the one imported', () => {
    const file = mxfile([
      { name: 'Fine', xml: GOOD },
      { name: 'Trap', xml: XXE_PAGE, compressed: true },
    ]);
    const r = importDrawio(file);
    expect(r.ok && r.map.title).toBe('Fine');
    expect(r.ok && r.notes).toContainEqual(
      expect.objectContaining({ code: 'pages-skipped', count: 1 }),
    );
  });

  it('refuses entity expansion inside a compressed page', () => {
    const r = importDrawio(mxfile([{ name: 'Laughs', xml: LAUGHS_PAGE, compressed: true }]));
    expect(r).toMatchObject({ ok: false, code: 'unsafe-xml' });
  });
});

describe('inflate bombs', () => {
  it('refuses a page that inflates past the import limit, though the file is small', () => {
    // 11 MB of one letter deflates to about 11 KB: the file passes the size check.
    const bomb = Buffer.from(deflateSync(new Uint8Array(11 * 1024 * 1024).fill(0x41))).toString(
      'base64',
    );
    const file = `<mxfile><diagram name="Bomb">${bomb}</diagram></mxfile>`;
    expect(file.length).toBeLessThan(100 * 1024);
    const r = importDrawio(file);
    expect(r).toMatchObject({ ok: false, code: 'too-large', line: 1 });
    expect(!r.ok && r.message).toContain('"Bomb"');
  });

  it('stops inflating soon after the limit instead of inflating everything', () => {
    const data = deflateSync(new Uint8Array(8 * 1024 * 1024));
    let largest = 0;
    const seen = inflateCapped(data, 64 * 1024, (n) => {
      largest = Math.max(largest, n);
    });
    expect(seen).toBe('too-large');
    // One slice of input past the limit at most: far below the 8 MB the data holds.
    expect(largest).toBeLessThan(2 * 1024 * 1024);
  });

  it('inflates data under the limit whole', () => {
    const text = 'x'.repeat(100_000);
    const out = inflateCapped(deflateSync(new TextEncoder().encode(text)), MAX_IMPORT_BYTES);
    expect(out instanceof Uint8Array && new TextDecoder().decode(out)).toBe(text);
  });
});

describe('malformed files', () => {
  it('refuses XML that is not well-formed, with the line and column', () => {
    const text = `<mxfile>\n  <diagram name="A">\n    <mxGraphModel><root></mxGraphModel>\n  </diagram>\n</mxfile>`;
    const r = importDrawio(text);
    expect(r).toMatchObject({ ok: false, code: 'malformed', line: 3 });
    expect(!r.ok && r.column).toBeGreaterThan(1);
    // Plain words first, the parser's after; the place only in line and column.
    expect(!r.ok && r.message).toBe(
      'This file is not well-formed XML: a tag, a quote or a character is out of place, so it cannot be read (the XML reader says "unexpected close tag").',
    );
  });

  it('refuses a compressed page whose XML is broken, naming the page and the place', () => {
    const r = importDrawio(
      mxfile([
        { name: 'Broken', xml: '<mxGraphModel>\n<root>\n<mxCell id="0"></root>', compressed: true },
      ]),
    );
    expect(r).toMatchObject({ ok: false, code: 'malformed', line: 2 });
    expect(!r.ok && r.message).toContain('Compressed page "Broken"');
    expect(!r.ok && r.message).toContain('line 3, column');
  });

  it('refuses a compressed page that is not base64', () => {
    const r = importDrawio('<mxfile><diagram name="P">not base64 at all!</diagram></mxfile>');
    expect(r).toMatchObject({ ok: false, code: 'malformed' });
    expect(!r.ok && r.message).toBe(
      'Page "P" is compressed but could not be decoded: its text is not base64.',
    );
  });

  it('refuses a compressed page cut short', () => {
    const packed = compress(GOOD);
    const r = importDrawio(
      `<mxfile><diagram>${packed.slice(0, packed.length / 2 - 2)}</diagram></mxfile>`,
    );
    expect(r).toMatchObject({ ok: false, code: 'malformed' });
    expect(!r.ok && r.message).toContain('could not be decoded');
  });

  it('refuses base64 that inflates to something other than a diagram', () => {
    const other = Buffer.from(deflateSync(new TextEncoder().encode('%3Csvg%2F%3E'))).toString(
      'base64',
    );
    const r = importDrawio(`<mxfile><diagram name="S">${other}</diagram></mxfile>`);
    expect(r).toMatchObject({ ok: false, code: 'not-recognised' });
  });
});

describe('files that are not draw.io diagrams', () => {
  it('refuses another XML file by its root element', () => {
    const r = importDrawio('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(r).toMatchObject({ ok: false, code: 'not-recognised', line: 2 });
    expect(!r.ok && r.message).toContain('<svg>');
  });

  it('refuses a file with no pages, or only empty pages', () => {
    expect(importDrawio('<mxfile host="x"></mxfile>')).toMatchObject({ ok: false, code: 'empty' });
    expect(
      importDrawio(
        mxfile([
          { name: 'A', xml: '' },
          { name: 'B', xml: model() },
        ]),
      ),
    ).toMatchObject({
      ok: false,
      code: 'empty',
    });
  });

  it('refuses a file over the size limit', () => {
    const big = `<mxfile><diagram>${'A'.repeat(MAX_IMPORT_BYTES)}</diagram></mxfile>`;
    expect(importDrawio(big)).toMatchObject({ ok: false, code: 'too-large' });
  });
});

describe('damaged pages that still import', () => {
  it('skips cells whose parents form a loop, and says so', () => {
    const page = model(
      vertex('l', '1', 'Lane', LANE, [0, 0, 600, 200]),
      vertex('a', 'l', 'Ask', 'html=1;', [60, 40, 120, 60]),
      vertex('x', 'y', 'X', 'html=1;'),
      vertex('y', 'x', 'Y', 'html=1;'),
      edge('e', 'l', 'a', 'x'),
    );
    const r = importDrawio(page);
    expect(r.ok && r.map.steps.map((s) => s.id)).toEqual(['a']);
    expect(r.ok && r.notes).toContainEqual(
      expect.objectContaining({ code: 'unreachable', count: 2 }),
    );
  });

  it('keeps both cells of a repeated id, the second under another id', () => {
    const page = model(
      vertex('l', '1', 'Lane', LANE, [0, 0, 600, 200]),
      vertex('a', 'l', 'One', 'html=1;', [60, 40, 120, 60]),
      vertex('a', 'l', 'Two', 'html=1;', [260, 40, 120, 60]),
    );
    const r = importDrawio(page);
    expect(r.ok && r.map.steps.map((s) => [s.id, s.label])).toEqual([
      ['a', 'One'],
      ['a-2', 'Two'],
    ]);
  });
});
