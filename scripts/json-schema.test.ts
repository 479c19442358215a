import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processMapJsonSchema } from '@procmap/model';

describe('the published JSON Schema (docs/format.schema.json)', () => {
  it('is exactly what the validator generates (run `npm run schema` after changing the format)', () => {
    const file = join(import.meta.dirname, '..', 'docs', 'format.schema.json');
    const published = JSON.parse(readFileSync(file, 'utf8'));
    expect(published).toEqual(processMapJsonSchema());
  });
});
