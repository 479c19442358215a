import { analyze } from '@procmap/analysis';
import { GEOMETRY, mapGeometry } from '@procmap/layout';
import type { ProcessMap } from '@procmap/model';
import { FIXTURES, generateMap, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildScene, type MapPage, type PageOptions, paginate, type Scene } from './index';

/*
 * Readable tiles follow the map: a row of tiles holds whole lanes (only a lane taller than a
 * page is cut), every step is whole on at least one page, and the pages together still show
 * everything drawn. Step boxes come from the layout, not from the scene the tiles are cut from.
 */

const maps: [string, () => ProcessMap][] = [
  ...Object.entries(FIXTURES),
  // the map of the user test: 19 steps in 5 lanes
  ['19 steps, 5 lanes', () => generateMap({ steps: 19, roles: 5, seed: 3 })],
  ['60 steps, 6 lanes', () => generateMap({ steps: 60, roles: 6, seed: 8 })],
];

const layouts: PageOptions[] = [
  { landscape: true },
  { size: 'A3', landscape: true },
  {},
  { landscape: true, mode: 'tile' },
];

const name = (o: PageOptions) =>
  `${o.size ?? 'A4'}${o.landscape ? ' landscape' : ''}${o.mode ? `, ${o.mode}` : ''}`;

/** The map height one page holds, in scene units. */
const pageHeight = (p: MapPage) =>
  (p.height - p.top - 28) / p.scale; /* 28: the bottom margin (PAGE_LAYOUT.margin) */

const inside = (p: MapPage, x0: number, y0: number, x1: number, y1: number) =>
  x0 >= p.region.x - 1e-6 &&
  x1 <= p.region.x + p.region.w + 1e-6 &&
  y0 >= p.region.y - 1e-6 &&
  y1 <= p.region.y + p.region.h + 1e-6;

const shownAt = (pages: readonly MapPage[], x: number, y: number) =>
  pages.some((p) => inside(p, x, y, x, y));

/** Points along everything drawn over the lanes: shapes' corners and centres, flows' curves. */
function drawnPoints(scene: Scene): [number, number][] {
  const out: [number, number][] = [];
  const across = scene.width - scene.headerWidth - 1;
  for (const it of scene.body) {
    if (it.type === 'rect') {
      if (it.w >= across) continue; // a lane's band
      for (const [fx, fy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
        [0.5, 0.5],
      ] as const) {
        out.push([it.x + fx * it.w, it.y + fy * it.h]);
      }
    } else if (it.type === 'path') {
      const n = it.d.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
      if (/^M[^C]*C/.test(it.d) && n.length === 8) {
        const [x0, y0, x1, y1, x2, y2, x3, y3] = n as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        for (let t = 0; t <= 1; t += 0.05) {
          const u = 1 - t;
          out.push([
            u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
            u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
          ]);
        }
      } else if (it.box && it.box[2] < across) {
        out.push([it.box[0] + it.box[2] / 2, it.box[1] + it.box[3] / 2]);
      }
    } else if (it.type === 'polygon') {
      for (let i = 0; i + 1 < it.points.length; i += 2) {
        out.push([it.points[i] as number, it.points[i + 1] as number]);
      }
    } else {
      out.push([it.x, it.y - it.size / 2]);
    }
  }
  return out;
}

describe('readable tiles keep lanes and steps whole', () => {
  for (const [title, make] of maps) {
    const map = make();
    const scene = buildScene(map, { analysis: analyze(map) });
    const geometry = mapGeometry(map);
    for (const options of layouts) {
      const pages = paginate(scene, options);
      if (pages.length === 1) continue; // one page: nothing is cut
      const tileH = pageHeight(pages[0] as MapPage);

      it(`given ${title} on ${name(options)}, then no row of tiles ends inside a lane that fits a page`, () => {
        for (const p of pages) {
          for (const y of [p.region.y, p.region.y + p.region.h]) {
            for (const lane of scene.lanes) {
              if (lane.height > tileH) continue;
              const crosses = lane.y + 1e-6 < y && y < lane.y + lane.height - 1e-6;
              expect(crosses, `${p.label}: edge at ${y} in lane ${lane.name}`).toBe(false);
            }
          }
        }
      });

      it(`given ${title} on ${name(options)}, then every step is whole on some page`, () => {
        for (const box of geometry.steps) {
          const whole = pages.some((p) =>
            inside(p, box.x, box.y, box.x + GEOMETRY.stepWidth, box.y + GEOMETRY.stepHeight),
          );
          expect(whole, `step "${box.step.label}" is cut on every page`).toBe(true);
        }
      });

      it(`given ${title} on ${name(options)}, then the pages show everything drawn, at one scale`, () => {
        for (const [px, py] of drawnPoints(scene)) {
          // the map's own extent (a flow's curve may bulge past it: no page ever showed that)
          const x = Math.min(Math.max(px, scene.headerWidth), scene.width);
          const y = Math.min(Math.max(py, 0), scene.height);
          expect(shownAt(pages, x, y), `(${x}, ${y}) on no page`).toBe(true);
        }
        expect(new Set(pages.map((p) => p.scale)).size).toBe(1);
        pages.forEach((p, i) => {
          expect(p.label).toBe(
            `Page ${i + 1} of ${pages.length} — row ${p.row}, column ${p.column}`,
          );
        });
      });
    }
  }
});

describe('a lane taller than a page', () => {
  // one lane of twenty steps stacked in two columns: far taller than an A4 landscape page
  let b = mapBuilder('Stacked').role('r', 'Registry');
  for (let i = 0; i < 20; i++) {
    b = b.task(`s${i}`, 'r', `Check form ${i + 1}`, {
      position: { x: (i % 2) * GEOMETRY.columnWidth, y: Math.floor(i / 2) * 130 },
    });
  }
  const map = b.build();
  const scene = buildScene(map);
  const pages = paginate(scene, { landscape: true });

  it('is cut between its steps, so that each is whole on some page', () => {
    const lane = scene.lanes[0];
    expect(lane?.height ?? 0).toBeGreaterThan(pageHeight(pages[0] as MapPage));
    expect(pages[0]?.rows).toBeGreaterThan(1);
    for (const box of mapGeometry(map).steps) {
      const whole = pages.some((p) =>
        inside(p, box.x, box.y, box.x + GEOMETRY.stepWidth, box.y + GEOMETRY.stepHeight),
      );
      expect(whole, `step "${box.step.label}" is cut on every page`).toBe(true);
    }
    // and no row edge runs through a step
    for (const p of pages) {
      const edge = p.region.y + p.region.h;
      for (const box of mapGeometry(map).steps) {
        expect(box.y < edge && edge < box.y + GEOMETRY.stepHeight).toBe(false);
      }
    }
  });
});
