import { analyze } from '@procmap/analysis';
import { emptyMap, type ProcessMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildReport, buildScene, paginate, toCsv, toPdf, toSvg } from './index';
import { EXPORT_FONTS as FONTS, parseXml } from '@procmap/test-kit';

/** Every export of a map, so a test can check that none of them throws. */
async function everyExport(map: ProcessMap) {
  const analysis = analyze(map);
  const scene = buildScene(map, { analysis });
  return {
    svg: toSvg(map, { analysis }),
    fitted: await toPdf(scene, FONTS),
    tiled: await toPdf(scene, FONTS, { mode: 'tile', size: 'Letter', landscape: true }),
    csv: toCsv(map, analysis) + toCsv(map, analysis, 'findings'),
    report: await buildReport(map, analysis, FONTS),
  };
}

describe('exports of odd maps', () => {
  it('given an empty map, then every format is produced', async () => {
    const out = await everyExport(emptyMap('Nothing yet'));
    expect(() => parseXml(out.svg)).not.toThrow();
    expect(out.fitted.length).toBeGreaterThan(1000);
    expect(out.csv.startsWith('id,role,kind,label')).toBe(true);
  });

  it('given a step whose role is gone and a flow to nowhere, then the step is still drawn (in "Unassigned")', async () => {
    const map = mapBuilder('Broken')
      .role('a', 'A')
      .task('s1', 'a', 'Kept')
      .task('s2', 'gone', 'Orphan step')
      .flow('s1', 'missing')
      .build();
    const out = await everyExport(map);
    expect(parseXml(out.svg).texts).toContain('Orphan step');
  });

  it('given a 4,000-character label and an untitled map, then the box shows three lines ending in …', () => {
    const map = mapBuilder('').role('a', 'A').task('s1', 'a', 'word '.repeat(800)).build();
    const scene = buildScene(map);
    const labels = scene.body.filter((i) => i.type === 'text');
    expect(labels).toHaveLength(3);
    expect(labels[2]?.type === 'text' && labels[2].text.endsWith('…')).toBe(true);
    expect(scene.title).toBe('Untitled map');
  });

  it('given one tiny map, then fitting never enlarges it past one unit per point', () => {
    const map = mapBuilder('Tiny').role('a', 'A').task('s1', 'a', 'One').build();
    expect(paginate(buildScene(map), { size: 'A3' })[0]?.scale).toBeLessThanOrEqual(1);
  });
});
