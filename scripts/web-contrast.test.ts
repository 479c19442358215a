import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * WCAG 2.2 non-text contrast (1.4.11) in the web app's stylesheets: the focus ring and the
 * borders of input fields need 3:1 against the surfaces they sit on. Read from the stylesheets
 * themselves, so a colour changed there is checked here.
 */

const src = join(import.meta.dirname, '..', 'apps', 'web', 'src');
const base = readFileSync(join(src, 'app', 'base.css'), 'utf8');
const token = (name: string) => {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(base)?.[1];
  if (!value) throw new Error(`--${name} is not a #rrggbb colour in base.css`);
  return value;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('non-text contrast of focus and fields', () => {
  it('gives the focus ring and field borders 3:1 against the page and its surfaces', () => {
    for (const name of ['focus', 'field-border']) {
      for (const ground of ['surface', 'paper']) {
        expect(contrast(token(name), token(ground)), `${name} on ${ground}`).toBeGreaterThanOrEqual(
          3,
        );
      }
    }
  });

  it('draws every field border with the checked colour, not a colour of its own', () => {
    const sheets = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sheets(join(dir, e.name))
          : e.name.endsWith('.css')
            ? [join(dir, e.name)]
            : [],
      );
    for (const file of sheets(src)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/#9aa6b2/i);
    }
  });
});

/*
 * WCAG 2.2 text contrast (1.4.3) where colour carries meaning on the canvas: the heat overlay's
 * whole scale under the step's text, and the white text on finding badges, comment markers and
 * severity symbols. Read from the stylesheets, as above.
 */

const sheet = (path: string) => readFileSync(join(src, path), 'utf8');
const heatSheet = sheet('analysis/heat.css');
const editorSheet = sheet('editor/editor.css');
const panelSheet = sheet('panels/panel.css');

interface Rule {
  readonly selectors: readonly string[];
  readonly decls: ReadonlyMap<string, string>;
}

/** The plain rules of a stylesheet (a rule inside @media is read as if outside it). */
function rules(css: string): Rule[] {
  const out: Rule[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of m[2]!.split(';')) {
      const at = d.indexOf(':');
      if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1).trim());
    }
    out.push({ selectors: m[1]!.split(',').map((s) => s.trim()), decls });
  }
  return out;
}

const tokens = new Map<string, string>();
for (const css of [base, heatSheet]) {
  for (const rule of rules(css)) {
    if (!rule.selectors.includes(':root')) continue;
    for (const [k, v] of rule.decls) if (k.startsWith('--')) tokens.set(k.slice(2), v);
  }
}

/** A colour as the stylesheets write it (#rgb, #rrggbb, var(--token)), as #rrggbb. */
function colour(value: string): string {
  const v = value.trim();
  const token = /^var\(--([\w-]+)\)$/.exec(v)?.[1];
  if (token) {
    const t = tokens.get(token);
    if (!t) throw new Error(`--${token} is not defined in base.css or heat.css`);
    return colour(t);
  }
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(v))
    return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  throw new Error(`${value} is not a colour this test reads`);
}

/** Channels of a #rrggbb colour. */
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** color-mix(in srgb, a p, b) as the browser computes it, rounded to whole channels. */
function mix(a: string, b: string, p: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x
    .map((c, i) => Math.round(c * p + y[i]! * (1 - p)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

describe('text on the heat overlay', () => {
  // The fill of a step (and a decision's diamond) at heat t: the stylesheet's own formula.
  const fill =
    /color-mix\(in srgb, var\(--heat-hot\) calc\(var\(--heat\) \* (\d+(?:\.\d+)?)%\), var\(--heat-cool\)\)/;
  const heatRules = rules(editorSheet).filter((r) =>
    r.selectors.some((s) => s.includes('[data-heat]')),
  );
  const fills = heatRules.flatMap((r) =>
    ['background', 'fill'].flatMap((p) => {
      const v = r.decls.get(p);
      return v && v !== 'transparent' ? [v] : [];
    }),
  );

  it('fills heated steps from the scale the legend shows, and nothing else', () => {
    expect(fills.length).toBe(2); // a step's box, a decision's diamond
    for (const f of fills) expect(f).toMatch(fill);
    expect(heatSheet).toMatch(/linear-gradient\(to right, var\(--heat-cool\), var\(--heat-hot\)\)/);
  });

  it('keeps every text colour on a step at 4.5:1 over the whole scale, from 0 to 1', () => {
    const share = Math.max(...fills.map((f) => Number(fill.exec(f)![1]) / 100));
    const scale = Array.from({ length: 101 }, (_, i) =>
      mix(colour('var(--heat-hot)'), colour('var(--heat-cool)'), (i / 100) * share),
    );
    // The text colours on a step's own fill: the page's ink (a step sets none), and every colour
    // set on a part of the step that has no background of its own, as the heat mode sets it.
    const stepRules = [...rules(editorSheet), ...rules(heatSheet)].filter((r) =>
      r.selectors.some((s) => /^\.step(\[data-heat\])?[\s.:[]/.test(s) || s === '.step'),
    );
    const texts = new Map<string, string>([['the step’s text', colour('var(--ink)')]]);
    const heated = new Map<string, string>();
    for (const rule of stepRules) {
      const c = rule.decls.get('color');
      if (!c || rule.decls.has('background') || rule.decls.has('background-color')) continue;
      for (const s of rule.selectors) {
        if (s.startsWith('.step[data-heat] ')) heated.set(s.slice('.step[data-heat] '.length), c);
        else if (s.startsWith('.step')) texts.set(s, c);
      }
    }
    for (const [s, c] of heated) texts.set(s, c);
    expect(texts.has('.step__label.is-empty')).toBe(true);
    for (const [what, text] of texts) {
      const ink = colour(text);
      const worst = Math.min(...scale.map((ground) => contrast(ink, ground)));
      expect(worst, `${what} (${ink}) on the heat scale`).toBeGreaterThanOrEqual(4.5);
    }
    // The hottest colour today: recorded so a change shows in review.
    expect(contrast(colour('var(--ink)'), scale[100]!)).toBeGreaterThan(5);
  });
});

describe('white text on severity and comment-kind colours', () => {
  const all = [...rules(editorSheet), ...rules(panelSheet)];
  for (const block of ['.step__badge', '.step__comments', '.finding__symbol']) {
    it(`keeps ${block} and each of its kinds at 4.5:1`, () => {
      const own = all.filter((r) =>
        r.selectors.some((s) => s === block || s.startsWith(`${block}--`)),
      );
      const main = own.find((r) => r.selectors.includes(block));
      expect(main, block).toBeDefined();
      const text = colour(main!.decls.get('color')!);
      expect(own.length).toBeGreaterThan(1);
      for (const rule of own) {
        const ground = rule.decls.get('background');
        if (!ground) continue;
        const ink = rule.decls.has('color') ? colour(rule.decls.get('color')!) : text;
        expect(contrast(ink, colour(ground)), rule.selectors.join(', ')).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    });
  }
});
