import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax-error';

describe('findJsonSyntaxError', () => {
  it('given valid JSON of every kind, then it finds nothing', () => {
    // given
    const texts = [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {"c": []}} ',
      '0',
      '"text"',
    ];
    // when / then
    for (const text of texts) expect(findJsonSyntaxError(text), text).toBeUndefined();
  });

  it('given a missing comma between properties, then it points at the next property', () => {
    // given
    const text = '{\n  "title": "x"\n  "roles": []\n}';
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error).toMatchObject({ line: 3, column: 3 });
    expect(error?.message).toContain('is a comma missing?');
  });

  it('given a trailing comma, then it points at the comma', () => {
    // given
    const text = '{\n  "roles": [1, 2,]\n}';
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error).toMatchObject({ line: 2, column: 17, message: 'trailing comma before "]"' });
  });

  it('given a comment, then it says comments are not allowed', () => {
    // given
    const text = '{\n  // the title\n  "title": ""\n}';
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error).toMatchObject({
      line: 2,
      column: 3,
      message: 'comments are not allowed in JSON',
    });
  });

  it('given an unclosed object, then it says where the object opened', () => {
    // given
    const text = '{"steps": [\n';
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error?.line).toBe(2);
    expect(error?.message).toBe(
      'unexpected end of file: the "[" at line 1, column 11 is never closed',
    );
  });

  it('given single quotes, unquoted words or a leading zero, then each gets its own message', () => {
    // given / when / then
    expect(findJsonSyntaxError("{'a': 1}")?.message).toBe(
      'property names must be in double quotes',
    );
    expect(findJsonSyntaxError('{"a": hello}')?.message).toContain('"hello"');
    expect(findJsonSyntaxError('[01]')?.message).toBe('numbers must not start with a zero');
    expect(findJsonSyntaxError('{} x')?.message).toContain('after the end of the JSON value');
  });

  it('given a line break inside a string, then it points at the break', () => {
    // given
    const text = '{"title": "two\nlines"}';
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error).toMatchObject({ line: 1, column: 15 });
    expect(error?.message).toContain('line break inside a string');
  });

  it('given very deep nesting, then it reports the unclosed bracket without overflowing', () => {
    // given
    const text = '['.repeat(200_000);
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error?.message).toContain('never closed');
  });

  it('given non-ASCII text before the error, then the column counts characters', () => {
    // given
    const text = '{"title": "Café 🚑" x}';
    // when
    const error = findJsonSyntaxError(text);
    // then
    expect(error?.column).toBe(20); // 21 if the emoji counted as two
  });
});
