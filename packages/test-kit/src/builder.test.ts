import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREATED_AT, mapBuilder } from './builder';

const invoiceStory = () =>
  mapBuilder('Invoice approval', {
    settings: { currency: 'GBP', demand: { count: 30, per: 'day' } },
    'x-source': 'workshop',
  })
    .role('clerk', 'Accounts clerk', { headcount: 2, hourlyCost: 18 })
    .role('manager', 'Manager')
    .role('payments', 'Payments', { order: 10 })
    .start('s0', 'clerk', 'Invoice arrives')
    .task('s1', 'clerk', 'Key invoice into ledger', {
      processTime: 6,
      waitTime: 120,
      dataEntered: ['Supplier', 'Amount'],
      systems: ['SAP'],
      'x-colour': 'yellow',
    })
    .decision('d1', 'manager', 'Approve?')
    .delay('w1', 'payments', 'Wait for payment run', { waitTime: 900 })
    .end('e1', 'payments', 'Paid')
    .end('e2', 'clerk', 'Rejected')
    .flow('s0', 's1')
    .chain('s1', 'd1')
    .branch('d1', 'w1', 0.8, 'Approved')
    .branch('d1', 'e2', 0.2)
    .flow('w1', 'e1', { id: 'f-pay', label: 'BACS' })
    .comment('s1', 'pain-point', 'Keyed twice', { waste: 'overprocessing' })
    .comment(null, 'note', 'From the March workshop', { createdAt: '2026-03-01T09:00:00Z' });

describe('mapBuilder', () => {
  it('given a story, when built, then the map is valid with no problems at all', () => {
    const result = validateMap(invoiceStory().build());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('given roles, when built, then lanes are ordered by call unless an order is given', () => {
    const map = invoiceStory().build();
    expect(map.roles.map((r) => [r.id, r.order])).toEqual([
      ['clerk', 0],
      ['manager', 1],
      ['payments', 10],
    ]);
    expect(map.roles[0]).toEqual({
      id: 'clerk',
      name: 'Accounts clerk',
      order: 0,
      headcount: 2,
      hourlyCost: 18,
    });
  });

  it('given flows without ids, when built, then they are numbered f1, f2... in call order', () => {
    const map = invoiceStory().build();
    expect(map.flows.map((f) => `${f.id}:${f.from}->${f.to}`)).toEqual([
      'f1:s0->s1',
      'f2:s1->d1',
      'f3:d1->w1',
      'f4:d1->e2',
      'f-pay:w1->e1',
    ]);
    expect(map.flows[2]).toEqual({
      id: 'f3',
      from: 'd1',
      to: 'w1',
      probability: 0.8,
      label: 'Approved',
    });
    expect(map.flows[3]).not.toHaveProperty('label');
  });

  it('given an explicit id like f2, when later flows are numbered, then it is skipped', () => {
    const map = mapBuilder('t')
      .role('r', 'R')
      .start('a', 'r', 'A')
      .task('b', 'r', 'B')
      .end('c', 'r', 'C')
      .flow('a', 'b', { id: 'f2' })
      .chain('b', 'c', 'a')
      .build();
    expect(map.flows.map((f) => f.id)).toEqual(['f2', 'f1', 'f3']);
  });

  it('given step options, when built, then they are kept as given and nothing undefined leaks', () => {
    const map = mapBuilder('t')
      .role('r', 'R')
      .task('s1', 'r', 'Work', { processTime: 5, notes: undefined })
      .build();
    expect(map.steps[0]).toEqual({
      id: 's1',
      roleId: 'r',
      kind: 'task',
      label: 'Work',
      processTime: 5,
    });
    expect(Object.keys(map.steps[0] ?? {})).not.toContain('notes');
    expect(Object.keys(map)).not.toContain('comments');
    expect(Object.keys(map)).not.toContain('settings');
  });

  it('given x- fields on the map and a step, when validated, then they survive', () => {
    const result = validateMap(JSON.parse(JSON.stringify(invoiceStory().build())));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map).toMatchObject({ 'x-source': 'workshop' });
    expect(result.map.steps[1]).toMatchObject({ 'x-colour': 'yellow' });
  });

  it('given comments, when built, then ids, defaults and map-level comments are filled in', () => {
    const { comments = [] } = invoiceStory().build();
    expect(comments).toEqual([
      {
        id: 'c1',
        targetId: 's1',
        kind: 'pain-point',
        author: 'Analyst',
        text: 'Keyed twice',
        createdAt: DEFAULT_CREATED_AT,
        waste: 'overprocessing',
      },
      {
        id: 'c2',
        kind: 'note',
        author: 'Analyst',
        text: 'From the March workshop',
        createdAt: '2026-03-01T09:00:00Z',
      },
    ]);
  });

  it('given one builder, when built twice, then each map is a fresh, unfrozen, equal copy', () => {
    const builder = invoiceStory();
    const first = builder.build();
    const second = builder.build();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.steps[1]).not.toBe(first.steps[1]);
    expect(second.steps[1]?.dataEntered).not.toBe(first.steps[1]?.dataEntered);
    expect(Object.isFrozen(first.steps)).toBe(false);
    (first.steps as unknown as unknown[]).pop();
    expect(builder.build().steps).toHaveLength(second.steps.length);
  });

  it('given a broken story, when built, then the builder keeps it for the validator to report', () => {
    const map = mapBuilder('Broken')
      .role('r', 'R')
      .task('s1', 'ghost', 'Orphan')
      .flow('s1', 'nowhere')
      .build();
    const result = validateMap(map);
    expect(result.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'steps[0].roleId unknown-role',
      'flows[0].to unknown-step',
    ]);
  });
});
