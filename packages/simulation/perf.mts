import { readFileSync } from 'node:fs';
import { prepareSimulation } from './src/index';
import { singleQueue } from './src/test-maps';
const maps: [string, any][] = [
  ['mm10', singleQueue(10, 8, 60)],
  [
    'hospital',
    JSON.parse(readFileSync('/work/main/examples/hospital-discharge.procmap.json', 'utf8')),
  ],
  [
    'outpatient',
    JSON.parse(readFileSync('/work/main/examples/outpatient-referral.procmap.json', 'utf8')),
  ],
];
for (const [name, map] of maps) {
  for (let k = 0; k < 2; k++) {
    const p = prepareSimulation(map, { cases: 100000, replications: 1, warmup: 0 });
    if (!p.ok) throw 1;
    const t = performance.now();
    while (!p.run.done) p.run.advance(1e6);
    const ms = performance.now() - t;
    console.log(
      name,
      Math.round(ms),
      'ms',
      p.run.events,
      'events',
      Math.round(p.run.events / ms / 1000),
      'M events/s',
    );
  }
}
