import { generateMap, hospitalDischarge, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analyze } from '@procmap/analysis';
import { buildScene, cleanText, type Item, type TextItem, toSvg, toSvgBytes } from './index';
import { flat, HOSTILE_PAYLOADS, parseXml } from '@procmap/test-kit';

const ALLOWED = new Set(['svg', 'title', 'defs', 'marker', 'g', 'rect', 'path', 'polygon', 'text']);
/** The one kind of reference the SVG may hold: to an arrowhead marker in the same file. */
const OWN_MARKER = /^url\(#(arrow-\d+)\)$/;

/** A map whose every piece of text is one of `labels`: title, roles, steps, flows, comments. */
function mapLabelled(labels: readonly string[]) {
  const b = mapBuilder(labels[0] ?? 'Title');
  b.role('r1', labels[1] ?? 'Role', { color: labels[2] ?? '#4f7cff' });
  b.role('r2', 'Second role', { color: '#123' });
  labels.forEach((label, i) => {
    b.task(`s${i}`, i % 2 === 0 ? 'r1' : 'r2', label);
    if (i > 0) b.flow(`s${i - 1}`, `s${i}`, { label: labels[(i + 3) % labels.length] });
    b.comment(`s${i}`, i % 2 === 0 ? 'pain-point' : 'idea', label);
  });
  return b.build();
}

describe('toSvg', () => {
  it('given labels with markup characters, then the SVG is well-formed XML and shows each label as text', () => {
    // given
    const labels = [
      'Triage & book',
      'a < b > c',
      'Say "yes"',
      "It's done",
      'Café, Łódź, Ørsted, Straße, ½ « quoted »',
    ];
    const map = mapLabelled(labels);
    // when
    const svg = toSvg(map, { date: '29 November 2026' });
    const tree = parseXml(svg);
    // then
    const shown = flat(tree.texts.join(' '));
    for (const label of labels) expect(shown).toContain(label);
    expect(svg).toContain('Triage &amp; book');
    expect(svg).toContain('a &lt; b &gt; c');
    expect(tree.texts).toContain('29 November 2026');
  });

  it('given the thirty hostile payloads as every text and colour, then nothing in the SVG could run or load', async () => {
    // given
    const payloads = HOSTILE_PAYLOADS;
    const map = mapLabelled(payloads);
    // when
    const svg = toSvg(map);
    const tree = parseXml(svg);
    // then: only the fixed vocabulary of elements, no event attribute, no link of any kind; the
    // only reference is marker-end naming an arrowhead defined in this very file
    const ids = new Set(tree.elements.map((el) => el.attributes.id).filter(Boolean));
    for (const el of tree.elements) {
      expect(ALLOWED.has(el.name), `element <${el.name}>`).toBe(true);
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name.toLowerCase().startsWith('on'), `attribute ${name}`).toBe(false);
        expect(name.toLowerCase()).not.toContain('href');
        if (name === 'marker-end') {
          const own = OWN_MARKER.exec(value);
          expect(own, value).not.toBeNull();
          expect(ids.has(own?.[1]), value).toBe(true);
          continue;
        }
        expect(value.toLowerCase()).not.toMatch(/javascript:|data:|url\(/);
      }
    }
    expect(svg).not.toMatch(/<script|<foreignObject|<a[\s>]|<image|<iframe|<!DOCTYPE|<!ENTITY/i);
    // and each payload is still there, as text (long ones cut to the box)
    const shown = tree.text.replace(/\s+/g, ' ');
    for (const payload of payloads) {
      const start = cleanText(payload).slice(0, 12);
      expect(shown, payload).toContain(start);
    }
  });

  it('given characters XML forbids in a label, then they are dropped and the SVG still parses', () => {
    const map = mapLabelled(['bell \u0007 nul \u0000 lone \ud800 end \uffff', 'ok']);
    expect(() => parseXml(toSvg(map))).not.toThrow();
  });

  it.each([
    ['the hospital-discharge template', hospitalDischarge()],
    [
      'a generated map with decisions, delays and rework loops',
      generateMap({ steps: 300, seed: 7 }),
    ],
  ])('draws %s exactly as the scene the PDF is made from', (_, map) => {
    // given
    const analysis = analyze(map);
    // when
    const scene = buildScene(map, { analysis });
    const tree = parseXml(toSvg(map, { analysis, titleBlock: false }));
    // then: element for element, apart from the arrowheads, which the SVG draws as markers
    const items = [...scene.body, ...scene.header];
    const count = (type: Item['type']) => items.filter((i) => i.type === type).length;
    const shown = (name: string) => tree.elements.filter((el) => el.name === name);
    const heads = shown('marker').length;
    const flows = scene.body.filter((i) => i.type === 'path' && i.d.includes('C')).length;
    expect(flows).toBeGreaterThan(0);
    expect(shown('rect')).toHaveLength(count('rect') + 1); // + the paper
    expect(shown('path')).toHaveLength(count('path') + heads);
    expect(shown('polygon')).toHaveLength(count('polygon') - flows);
    expect(tree.elements.filter((el) => el.attributes['marker-end'])).not.toHaveLength(0);
    expect(tree.texts.slice(1)).toEqual(
      items.filter((i): i is TextItem => i.type === 'text').map((t) => t.text),
    );
  });

  it('writes the same document as text and as UTF-8 bytes', () => {
    const map = mapLabelled(['Café', 'Łódź', '½ « » 😀']);
    expect(new TextDecoder().decode(toSvgBytes(map))).toBe(toSvg(map));
  });
});
