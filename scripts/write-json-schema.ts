import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processMapJsonSchema } from '@procmap/model';

/** Writes docs/format.schema.json from the validator, so the published schema never drifts. */
const out = join(import.meta.dirname, '..', 'docs', 'format.schema.json');
writeFileSync(out, `${JSON.stringify(processMapJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
