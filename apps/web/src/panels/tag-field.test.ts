import { describe, expect, it } from 'vitest';
import { splitTags } from './TagField';

describe('tags typed at once', () => {
  it('splits at commas and semicolons, trims, and keeps each once', () => {
    expect(splitTags('Word, Case system')).toEqual(['Word', 'Case system']);
    expect(splitTags(' Walking distance; aids ,recommendation,, aids ')).toEqual([
      'Walking distance',
      'aids',
      'recommendation',
    ]);
    expect(splitTags('   ')).toEqual([]);
    expect(splitTags('EMIS')).toEqual(['EMIS']);
  });
});
