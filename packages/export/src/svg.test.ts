import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildScene, cleanText, toSvg } from './index';
import { flat, HOSTILE_PAYLOADS, parseXml } from '@procmap/test-kit';

const ALLOWED = new Set(['svg', 'title', 'g', 'rect', 'path', 'polygon', 'text']);

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
    const svg = toSvg(buildScene(map, { date: '29 November 2026' }));
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
    const svg = toSvg(buildScene(map));
    const tree = parseXml(svg);
    // then: only the fixed vocabulary of elements, no event attribute, no link of any kind
    for (const el of tree.elements) {
      expect(ALLOWED.has(el.name), `element <${el.name}>`).toBe(true);
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name.toLowerCase().startsWith('on'), `attribute ${name}`).toBe(false);
        expect(name.toLowerCase()).not.toContain('href');
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
    expect(() => parseXml(toSvg(buildScene(map)))).not.toThrow();
  });
});
