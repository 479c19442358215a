import { validateMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../bpmn/import-bpmn';
import { exportBpmn } from './export-bpmn';
import { boundsOf, type El, el, exampleMaps, list, parseBpmn } from './test-helpers';

function commented() {
  return mapBuilder('Commented')
    .role('r', 'Clerk')
    .start('s', 'r', 'In')
    .task('t', 'r', 'Key the form')
    .end('e', 'r', 'Out')
    .chain('s', 't')
    .flow('t', 'e', { id: 'te', label: 'done' })
    .comment('t', 'pain-point', 'Keyed twice <again> & again', {
      id: '1st',
      waste: 'overprocessing',
      author: 'Ana',
      replies: [{ author: 'Bo', text: 'Agreed', createdAt: '2026-11-21T09:00:00Z' }],
      votes: { ana: 2 },
    })
    .comment('t', 'idea', 'Scan it instead')
    .comment('te', 'question', 'Who signs off?')
    .comment(null, 'note', 'Mapped with the ward team')
    .comment('t', 'note', 'Old news', { resolved: true })
    .build();
}

describe('comments in the BPMN export', () => {
  it('become text annotations tied to their step or flow; resolved ones are left out', async () => {
    const map = commented();
    expect(validateMap(map).ok).toBe(true);
    const parsed = await parseBpmn(await exportBpmn(map));
    expect(parsed.warnings).toEqual([]);
    const artifacts = list(parsed.process.artifacts);
    const notes = artifacts.filter((a) => a.$type === 'bpmn:TextAnnotation');
    expect(notes.map((n) => n.text)).toEqual([
      'Keyed twice <again> & again',
      'Scan it instead',
      'Who signs off?',
      'Mapped with the ward team',
    ]);
    const first = notes[0] as El;
    expect(first.id).not.toBe('1st');
    expect(first.$attrs['procmap:id']).toBe('1st');
    expect(first.$attrs['procmap:kind']).toBe('pain-point');
    expect(first.$attrs['procmap:waste']).toBe('overprocessing');
    expect(first.$attrs['procmap:author']).toBe('Ana');
    expect(JSON.parse(first.$attrs['procmap:replies'] as string)[0].text).toBe('Agreed');
    expect(JSON.parse(first.$attrs['procmap:votes'] as string)).toEqual({ ana: 2 });
    const about = new Map<El, El>();
    for (const a of artifacts.filter((x) => x.$type === 'bpmn:Association')) {
      about.set(el(a.targetRef), el(a.sourceRef));
    }
    expect(notes.map((n) => about.get(n)?.id)).toEqual(['t', 't', 'te', undefined]);
  });

  it('draws each annotation, and each association from what it is about to the annotation', async () => {
    const parsed = await parseBpmn(await exportBpmn(commented()));
    for (const a of list(parsed.process.artifacts)) {
      const drawn = parsed.di.get(a.id as string);
      expect(drawn, a.id).toBeDefined();
      if (a.$type === 'bpmn:TextAnnotation') {
        expect(boundsOf(parsed.di, a.id as string)?.width).toBeGreaterThan(0);
      } else {
        const points = list(drawn?.waypoint) as unknown as { x: number; y: number }[];
        const note = boundsOf(parsed.di, el(a.targetRef).id as string);
        expect(points).toHaveLength(2);
        // The line ends on the annotation's outline: a corner or the middle of a side.
        const end = points[1] as { x: number; y: number };
        const b = note as { x: number; y: number; width: number; height: number };
        const onSide =
          [b.x, b.x + b.width].includes(end.x) && end.y >= b.y && end.y <= b.y + b.height;
        const onTop =
          [b.y, b.y + b.height].includes(end.y) && end.x >= b.x && end.x <= b.x + b.width;
        expect(onSide || onTop, a.id).toBe(true);
      }
    }
  });

  it('come back from the import as comments on the same steps and flows', async () => {
    for (const [, map] of [...exampleMaps(), ['commented', commented()] as const]) {
      const result = await importBpmn(await exportBpmn(map));
      if (!result.ok) throw new Error(result.message);
      const open = (map.comments ?? []).filter((c) => c.resolved !== true);
      const seen = (list: readonly { targetId?: string; text: string }[]) =>
        list.map((c) => `${c.targetId ?? ''}: ${c.text}`).sort();
      expect(seen(result.map.comments ?? [])).toEqual(seen(open));
    }
  });
});
