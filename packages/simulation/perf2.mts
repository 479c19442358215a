import { prepareSimulation } from './src/index';
import { singleQueue } from './src/test-maps';
const p = prepareSimulation(singleQueue(10, 8, 60), { cases: 1000000, replications: 1, warmup: 0 });
if (!p.ok) throw 1;
while (!p.run.done) p.run.advance(1e6);
