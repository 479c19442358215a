import { generateMap, hospitalDischarge, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analyze } from '@procmap/analysis';
import { buildScene, cleanText, type Item, toSvg } from './index';
import { flat, HOSTILE_PAYLOADS, parseXml, type SvgShape, svgShapes } from '@procmap/test-kit';

const ALLOWED = new Set(['svg', 'title', 'defs', 'marker', 'g', 'rect', 'path', 'polygon', 'text']);
/** The one kind of reference the SVG may hold: to an arrowhead marker in the same file. */
const OWN_MARKER = /^url\(#(procmap-arrow-[0-9a-z]+)\)$/;

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

/** A number as the SVG writes it. */
const num = (v: number) => (v === (v | 0) ? `${v}` : `${Math.round(v * 100) / 100}`);

/** A flow's arrowhead in the scene: a six-number polygon with no outline. */
const isHead = (i: Item) => i.type === 'polygon' && i.points.length === 6 && !i.stroke;

/** What a scene item looks like, in the SVG's terms. */
function fromScene(it: Item) {
  if (it.type === 'text') {
    return {
      name: 'text',
      at: `${num(it.x)} ${num(it.y)}`,
      text: it.text,
      style: `${num(it.size)} ${it.weight} ${it.anchor} ${it.fill}`,
    };
  }
  const at =
    it.type === 'rect'
      ? `${num(it.x)} ${num(it.y)} ${num(it.w)} ${num(it.h)} ${it.rx ? num(it.rx) : ''}`
      : it.type === 'polygon'
        ? it.points.map(num).join(' ')
        : it.d;
  const flow = it.type === 'path' && it.d.includes('C');
  const paint = `${it.fill ?? 'none'} ${it.stroke} ${it.stroke ? num(it.strokeWidth ?? 1) : undefined} ${it.dash?.map(num).join(' ')}`;
  return { name: it.type, at, paint, head: flow ? it.stroke : undefined };
}

/** What an SVG shape looks like, flows' relative curves made absolute like the scene's. */
function fromSvg(shape: SvgShape, markers: Map<string, string>) {
  const { own, style } = shape;
  if (shape.name === 'text') {
    const weight = style['font-weight'] ?? 'normal';
    return {
      name: 'text',
      at: `${own.x} ${own.y}`,
      text: shape.text,
      style: `${style['font-size']} ${weight} ${style['text-anchor'] ?? 'start'} ${style.fill}`,
    };
  }
  let at = '';
  if (shape.name === 'rect') at = `${own.x} ${own.y} ${own.width} ${own.height} ${own.rx ?? ''}`;
  if (shape.name === 'polygon') at = own.points ?? '';
  if (shape.name === 'path') at = own.d ?? '';
  const curve = /^M(\S+) (\S+)c(\S+) (\S+) (\S+) (\S+) (\S+) (\S+)$/.exec(at);
  if (curve) {
    const [x, y, ...d] = curve.slice(1).map(Number) as [number, number, ...number[]];
    const abs = d.map((v, i) => (i % 2 === 0 ? x + v : y + v));
    at = `M${x} ${y}C${abs.slice(0, 2).join(' ')} ${abs.slice(2, 4).join(' ')} ${abs.slice(4).join(' ')}`;
  }
  const marker = /^url\(#(.+)\)$/.exec(style['marker-end'] ?? '')?.[1];
  const paint = `${style.fill} ${style.stroke} ${style['stroke-width']} ${style['stroke-dasharray']}`;
  return { name: shape.name, at, paint, head: marker ? markers.get(marker) : undefined };
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
    ['the hospital-discharge template', hospitalDischarge(), undefined],
    [
      'a generated map with decisions, delays and rework loops',
      generateMap({ steps: 300, seed: 7 }),
      undefined,
    ],
    [
      'a selection',
      hospitalDischarge(),
      hospitalDischarge()
        .steps.slice(2, 6)
        .map((s) => s.id),
    ],
    ['an empty selection', hospitalDischarge(), []],
  ] as const)('draws %s exactly as the scene the PDF is made from', (_, map, selection) => {
    // given
    const options = { analysis: analyze(map), ...(selection ? { selection } : {}) };
    // when
    const scene = buildScene(map, options);
    const { shapes, markers } = svgShapes(toSvg(map, { ...options, titleBlock: false }));
    // then: shape for shape, the same geometry, text and effective paint (whatever the groups),
    // each flow's arrowhead a marker in its line's colour rather than a polygon
    const items = [...scene.body, ...scene.header].filter((i) => !isHead(i));
    const drawn = shapes.slice(1).map((shape) => fromSvg(shape, markers)); // after the paper
    expect(drawn).toEqual(items.map(fromScene));
    if (selection?.length !== 0) expect(drawn.length).toBeGreaterThan(20);
    else expect(drawn).toEqual([]);
  });
});
