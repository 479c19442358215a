import type { ProcessMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analyze, RULE_IDS, type RuleId } from './index';
import {
  DAY_SETTINGS,
  expectIdsExist,
  findingsOf,
  reworkLoop,
  straightLine,
  triageDecision,
} from './test-helpers';

/*
 * Each rule fires on a map built for it and stays silent on a map built against it.
 * Settings: 450 working minutes a day, 40 cases a day, takt 11.25 min.
 */

/** start -> the given tasks in one role -> end, 40 cases a day. */
function line(
  tasks: [
    id: string,
    role: string,
    options?: Parameters<ReturnType<typeof mapBuilder>['task']>[3],
  ][],
  roles: [id: string, options?: { headcount?: number; hourlyCost?: number }][] = [['a']],
): ProcessMap {
  const b = mapBuilder('Line', { settings: DAY_SETTINGS });
  for (const [id, options] of roles) b.role(id, id.toUpperCase(), options);
  const first = roles[0]?.[0] as string;
  b.start('start', first, 'Start');
  for (const [id, role, options] of tasks) b.task(id, role, `Task ${id}`, options);
  b.end('end', first, 'End');
  return b.chain('start', ...tasks.map((t) => t[0]), 'end').build();
}

const fires = (map: ProcessMap, rule: RuleId) => {
  const result = analyze(map);
  expectIdsExist(map, result);
  const found = findingsOf(result, rule);
  expect(found.length, `${rule} should fire`).toBeGreaterThan(0);
  return found;
};
const silent = (map: ProcessMap, rule: RuleId) => {
  expect(findingsOf(analyze(map), rule)).toEqual([]);
};

describe('long-wait', () => {
  it('fires on a step holding all the waiting, and names it with its wait at stake', () => {
    const [f] = fires(straightLine(), 'long-wait');
    expect(f).toMatchObject({ stepIds: ['book'], waste: 'waiting', timeAtStake: 120 });
    expect(f?.message).toContain('100% of all waiting');
  });
  it('fires on a wait of a working day even when it is a small share', () => {
    const map = line([
      ['x', 'a', { processTime: 300, waitTime: 450 }],
      ['y', 'a', { processTime: 5, waitTime: 1000 }],
    ]);
    expect(findingsOf(analyze(map), 'long-wait').map((f) => f.stepIds[0])).toEqual(['y', 'x']);
  });
  it('is silent when waits are short, spread and small beside the work', () => {
    silent(
      line([
        ['x', 'a', { processTime: 10, waitTime: 5 }],
        ['y', 'a', { processTime: 10, waitTime: 5 }],
        ['z', 'a', { processTime: 10, waitTime: 5 }],
      ]),
      'long-wait',
    );
  });
});

describe('bottleneck', () => {
  it('fires at 85% utilisation and is critical above 100%, with the queue growth', () => {
    // 40 x 12 / (1 x 450) = 1.067: capacity 450 / 12 = 37.5 cases, queue grows 2.5 a day
    const [f] = fires(
      line([['x', 'a', { processTime: 12 }]], [['a', { headcount: 1 }]]),
      'bottleneck',
    );
    expect(f).toMatchObject({ severity: 'critical', roleIds: ['a'], stepIds: ['x'] });
    expect(f?.message).toContain('106.7% utilised');
    expect(f?.message).toContain('grows by about 2.5 cases a day');
    // 40 x 10 / 450 = 0.889
    const [w] = fires(
      line([['x', 'a', { processTime: 10 }]], [['a', { headcount: 1 }]]),
      'bottleneck',
    );
    expect(w?.severity).toBe('warning');
  });
  it('names the busiest role, the step that takes most of it, and the queue in front as its stake', () => {
    // Role A: x 8 min + y 6 min (after a 30 min wait) = 14 min a case, 1 person: 40 x 14 / 450
    // = 124%. Role B: z 10 min, 1 person: 89%. The busiest step alone is B's z (10 > 8), but A is
    // the busier role.
    const map = line(
      [
        ['x', 'a', { processTime: 8 }],
        ['z', 'b', { processTime: 10, waitTime: 15 }],
        ['y', 'a', { processTime: 6, waitTime: 30 }],
      ],
      [
        ['a', { headcount: 1 }],
        ['b', { headcount: 1 }],
      ],
    );
    const result = analyze(map);
    expect(result.metrics.bottleneck).toMatchObject({
      roleId: 'a',
      roleName: 'A',
      stepId: 'x',
      utilisation: 1.244,
    });
    const [first] = findingsOf(result, 'bottleneck');
    expect(first).toMatchObject({ roleIds: ['a'], severity: 'critical', timeAtStake: 30 });
    expect(first?.message).toContain('most of it at “Task x”');
  });
  it('is silent below 85%, or without demand', () => {
    silent(straightLine(), 'bottleneck'); // 44%
    silent(
      { ...line([['x', 'a', { processTime: 12 }]], [['a', { headcount: 1 }]]), settings: {} },
      'bottleneck',
    );
  });
});

describe('slower-than-takt', () => {
  it('fires when the hands-on time per person exceeds the takt time of 11.25 min', () => {
    const [f] = fires(
      line([['x', 'a', { processTime: 24 }]], [['a', { headcount: 2 }]]),
      'slower-than-takt',
    );
    // 24 / 2 = 12 min a case > 11.25; to keep pace the work must come down to 2 x 11.25 = 22.5:
    // the lead time gains 24 - 22.5
    expect(f?.timeAtStake).toBe(1.5);
    expect(f?.message).toContain('at most 22.5 min');
  });
  it('is silent when every step keeps pace, or its role has no headcount', () => {
    silent(straightLine(), 'slower-than-takt');
    silent(line([['x', 'a', { processTime: 24 }]]), 'slower-than-takt');
  });
});

describe('handoff', () => {
  it('fires when more than a third of the flows change role, listing them', () => {
    const map = line(
      [
        ['x', 'b', { waitTime: 10 }],
        ['y', 'a', { waitTime: 5 }],
      ],
      [['a'], ['b']],
    );
    const [f] = fires(map, 'handoff'); // start(a)->x(b)->y(a)->end(a): 2 of 3
    expect(f?.flowIds).toEqual(['f1', 'f2']);
    expect(f?.timeAtStake).toBe(15); // waits in front of x and y
  });
  it('is silent when a third or fewer change role', () => silent(straightLine(), 'handoff'));
});

describe('ping-pong', () => {
  it('fires when work goes A -> B -> A and names all three steps', () => {
    const map = line(
      [
        ['x', 'a', { processTime: 5 }],
        ['y', 'b', { processTime: 5, waitTime: 10 }],
        ['z', 'a', { processTime: 5, waitTime: 20 }],
      ],
      [['a'], ['b']],
    );
    const [f] = fires(map, 'ping-pong');
    expect(f?.stepIds).toEqual(['x', 'y', 'z']);
    expect(f?.timeAtStake).toBe(35); // y: 10 + 5, then the wait before z: 20
  });
  it('is silent when work moves on without coming back', () => silent(straightLine(), 'ping-pong'));
});

describe('rework-loop', () => {
  it('fires on a loop, naming every step of it', () => {
    expect(fires(reworkLoop(), 'rework-loop')[0]?.stepIds).toEqual(['fill', 'check', 'ok?']);
  });
  it('is silent on a map without loops', () => silent(triageDecision(), 'rework-loop'));
});

describe('low-complete-accurate', () => {
  it('fires on a step below 90% and on a rolled value below 50%', () => {
    const map = line([
      ['x', 'a', { processTime: 10, completeAccurate: 0.8 }],
      ['y', 'a', { processTime: 10, completeAccurate: 0.75 }],
      ['z', 'a', { processTime: 10, completeAccurate: 0.75 }],
    ]);
    const found = fires(map, 'low-complete-accurate');
    expect(found.map((f) => f.stepIds)).toEqual([
      ['x', 'y', 'z'], // rolled 0.8 x 0.75 x 0.75 = 0.45: (1 - 0.45) x 30 = 16.5 min
      ['y'], // (1 - 0.75) x 10
      ['z'],
      ['x'], // (1 - 0.8) x 10
    ]);
    expect(found[0]?.timeAtStake).toBe(16.5);
  });
  it('is silent at 90% and a rolled 81%', () => silent(straightLine(), 'low-complete-accurate'));
});

describe('duplicate-data-entry', () => {
  it('fires when one item is keyed in twice, whatever its case and spacing', () => {
    const map = line([
      ['x', 'a', { processTime: 6, dataEntered: ['NHS number', 'Name'] }],
      ['y', 'a', { processTime: 8, dataEntered: ['nhs  Number'] }],
    ]);
    const [f] = fires(map, 'duplicate-data-entry');
    expect(f?.stepIds).toEqual(['x', 'y']); // the first entry is named too
    expect(f?.timeAtStake).toBe(8); // y's whole time: it keys one item
  });
  it('is silent when every item is entered once', () => {
    silent(
      line([
        ['x', 'a', { dataEntered: ['Name'] }],
        ['y', 'a', { dataEntered: ['Address'] }],
      ]),
      'duplicate-data-entry',
    );
  });
});

describe('duplicate-step', () => {
  it('fires on two tasks with the same normalised label', () => {
    const map = mapBuilder('Dup')
      .role('a', 'A')
      .start('s', 'a', 'Start')
      .task('x', 'a', 'Check form', { processTime: 3 })
      .task('y', 'a', '  check   FORM. ', { processTime: 4 })
      .end('e', 'a', 'End')
      .chain('s', 'x', 'y', 'e')
      .build();
    const [f] = fires(map, 'duplicate-step');
    expect(f).toMatchObject({ stepIds: ['x', 'y'], timeAtStake: 4 });
  });
  it('is silent when labels differ', () => silent(straightLine(), 'duplicate-step'));
});

describe('approval-chain', () => {
  it('fires on two approvals in a row, and on an approval waiting 10x its time', () => {
    const map = line([
      ['x', 'a', { processTime: 5, activity: 'approval' }],
      ['y', 'a', { processTime: 5, waitTime: 60, activity: 'approval' }],
    ]);
    const found = fires(map, 'approval-chain');
    expect(found.map((f) => [f.stepIds, f.timeAtStake])).toEqual([
      [['x', 'y'], 65], // the second approval, its wait and time
      [['y'], 60], // waits 60 for 5 min of work: 12 times
    ]);
  });
  it('is silent on one approval with a short wait', () => {
    silent(
      line([['x', 'a', { processTime: 5, waitTime: 10, activity: 'approval' }]]),
      'approval-chain',
    );
  });
});

describe('batching', () => {
  it('fires on a batch, with half the batch interval of its wait at stake', () => {
    // 40 cases in 450 min: 10 cases take 112.5 min to arrive; a case waits about 56.25 of its
    // 90-minute wait for the batch
    const [f] = fires(
      line([['x', 'a', { processTime: 1, waitTime: 90, batchSize: 10 }]]),
      'batching',
    );
    expect(f?.timeAtStake).toBe(56.25);
  });
  it('puts no more at stake than the wait the map gives the step', () => {
    const [f] = fires(line([['x', 'a', { processTime: 1, batchSize: 10 }]]), 'batching');
    expect(f?.timeAtStake).toBe(0); // the lead time holds no batch wait to give back
    expect(f?.message).toContain('the map gives it a wait of 0 min');
  });
  it('is silent for one case at a time', () => silent(straightLine(), 'batching'));
});

describe('non-value-adding', () => {
  it('fires on a step classed waste, with its share of lead time and its tagged waste', () => {
    const map = mapBuilder('NVA', { settings: DAY_SETTINGS })
      .role('a', 'A')
      .start('s', 'a', 'Start')
      .task('x', 'a', 'Do it', { processTime: 10, valueClass: 'value-adding' })
      .task('y', 'a', 'Re-key it', { processTime: 30, valueClass: 'waste' })
      .end('e', 'a', 'End')
      .chain('s', 'x', 'y', 'e')
      .comment('y', 'pain-point', 'Keyed twice', { waste: 'overprocessing' })
      .build();
    const [f] = fires(map, 'non-value-adding');
    expect(f).toMatchObject({ stepIds: ['y'], waste: 'overprocessing', timeAtStake: 30 });
    expect(f?.message).toContain('75% of the lead time'); // 30 / 40
  });
  it('is silent when nothing is classed waste', () => silent(straightLine(), 'non-value-adding'));
});

describe('unused-skills', () => {
  it('fires on data entry by a role costing twice the median rate or more', () => {
    const map = line(
      [
        ['x', 'doc', { processTime: 6, dataEntered: ['Address'] }],
        ['y', 'a', { processTime: 6, dataEntered: ['Name'] }],
      ],
      [
        ['a', { hourlyCost: 20 }],
        ['b', { hourlyCost: 20 }],
        ['doc', { hourlyCost: 100 }],
      ],
    );
    const [f] = fires(map, 'unused-skills'); // median 20; 100 >= 2 x 20
    // Moving the work saves money, not lead time: 6/60 x (100 - 20) = 8 a case.
    expect(f).toMatchObject({ stepIds: ['x'], roleIds: ['doc'], timeAtStake: 0 });
    expect(f?.message).toContain('at £100.00 an hour');
    expect(f?.message).toContain('about £8.00 a case');
  });
  it('is silent when routine work is done by roles near the median rate', () => {
    silent(straightLine(), 'unused-skills'); // median 45: GP 60 < 90
  });
});

describe('missing-data', () => {
  it('fires on a task without time, a decision not summing to 1, a stray role and flow, no start', () => {
    const map = mapBuilder('Gaps')
      .role('a', 'A')
      .task('x', 'a', 'No time')
      .decision('d', 'a', 'Which?')
      .task('y', 'ghost', 'In no lane', { processTime: 1 })
      .end('e', 'a', 'End')
      .chain('x', 'd')
      .branch('d', 'y', 0.5)
      .branch('d', 'e', 0.4)
      .chain('y', 'e')
      .flow('y', 'nowhere', { id: 'dangling' })
      .build();
    const found = fires(map, 'missing-data');
    const text = found.map((f) => f.message).join('\n');
    expect(text).toContain('no start step');
    expect(text).toContain('1 step has no hands-on time');
    expect(text).not.toMatch(/processTime|\(s\)/);
    expect(text).toContain('summing to 0.9');
    expect(text).toContain("counts in no role's workload: “In no lane”");
    expect(found.some((f) => f.flowIds.includes('dangling' as never))).toBe(true);
  });
  it('is silent on a complete map', () => silent(straightLine(), 'missing-data'));
});

describe('unreachable', () => {
  it('fires on a step no start reaches', () => {
    const map = { ...straightLine() };
    const orphan = { id: 'orphan', roleId: 'gp', kind: 'task', label: 'Orphan', processTime: 1 };
    const withOrphan = { ...map, steps: [...map.steps, orphan] } as ProcessMap;
    expect(fires(withOrphan, 'unreachable')[0]?.stepIds).toEqual(['orphan']);
  });
  it('is silent when every step is reached', () => silent(straightLine(), 'unreachable'));
});

describe('dead-end', () => {
  it('fires on a non-end step with no way out', () => {
    const map = straightLine();
    const cut = { ...map, flows: map.flows.filter((f) => f.to !== 'end') } as ProcessMap;
    expect(fires(cut, 'dead-end')[0]?.stepIds).toEqual(['book']);
  });
  it('is silent when every path ends', () => silent(straightLine(), 'dead-end'));
});

describe('the rules together', () => {
  it('cover every rule id of the method', () => {
    expect(RULE_IDS).toHaveLength(16);
  });

  it('sort findings by time at stake, most first', () => {
    const { findings } = analyze(reworkLoop());
    const stakes = findings.map((f) => f.timeAtStake);
    expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
  });

  it('read thresholds from settings.analysis', () => {
    const map = straightLine();
    const strict = {
      ...map,
      settings: { ...map.settings, analysis: { completeAccurate: 0.95, handoffShare: 0.2 } },
    } as ProcessMap;
    expect(findingsOf(analyze(strict), 'low-complete-accurate')).toHaveLength(2);
    expect(findingsOf(analyze(strict), 'handoff')).toHaveLength(1);
  });
});
