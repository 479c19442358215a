import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '@procmap/test-kit';

/** Writes the named fixtures to examples/*.procmap.json, for users and the CLI's own checks. */
for (const [name, build] of Object.entries(FIXTURES)) {
  const out = join(import.meta.dirname, '..', 'examples', `${name}.procmap.json`);
  writeFileSync(out, `${JSON.stringify(build(), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
