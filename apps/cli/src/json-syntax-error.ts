/*
 * Finds the first syntax error in text that JSON.parse rejected, with its line and column.
 * JSON.parse's own messages differ between Node versions and often carry no position, so this
 * re-scans the text with the JSON grammar. Iterative (an explicit stack), so deeply nested input
 * cannot overflow the call stack.
 */

export interface JsonSyntaxError {
  /** Index into the text, in UTF-16 code units. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters (code points). */
  readonly column: number;
  readonly message: string;
}

type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';
type Open = { readonly bracket: '{' | '['; readonly offset: number };
type Failure = { readonly offset: number; readonly message: string };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const WORD = /[A-Za-z0-9_$]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Where `text` first breaks the JSON grammar, or undefined if it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const failure = scan(text);
  return failure && { ...failure, ...lineAndColumn(text, failure.offset) };
}

/** 1-based line and column of an offset into `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return { line, column: Array.from(before.slice(lineStart)).length + 1 };
}

function scan(text: string): Failure | undefined {
  const stack: Open[] = [];
  let expect: Expect = 'value';
  let lastComma = -1;
  let i = 0;
  const fail = (offset: number, message: string): Failure => ({ offset, message });
  while (true) {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
    if (i >= text.length) {
      const open = stack[stack.length - 1];
      if (!open) return expect === 'after' ? undefined : fail(i, 'unexpected end of file');
      const at = lineAndColumn(text, open.offset);
      return fail(
        i,
        `unexpected end of file: the ${quote(open.bracket)} at line ${at.line}, column ${at.column} is never closed`,
      );
    }
    const c = text[i] as string;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail(i, 'comments are not allowed in JSON');
    }
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'value':
      case 'first-value': {
        if (c === ']' && top?.bracket === '[') {
          if (expect === 'value') return fail(lastComma, 'trailing comma before "]"');
          stack.pop();
          expect = 'after';
          i++;
          break;
        }
        if (c === '{' || c === '[') {
          stack.push({ bracket: c, offset: i });
          expect = c === '{' ? 'first-key' : 'first-value';
          i++;
          break;
        }
        const end = scanScalar(text, i);
        if (typeof end !== 'number') return end;
        expect = 'after';
        i = end;
        break;
      }
      case 'key':
      case 'first-key': {
        if (c === '}') {
          if (expect === 'key') return fail(lastComma, 'trailing comma before "}"');
          stack.pop();
          expect = 'after';
          i++;
          break;
        }
        if (c !== '"') {
          const hint =
            WORD.test(c) || c === "'"
              ? 'property names must be in double quotes'
              : `expected a property name, got ${describeChar(c)}`;
          return fail(i, hint);
        }
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        expect = 'colon';
        i = end;
        break;
      }
      case 'colon':
        if (c !== ':')
          return fail(i, `expected ":" after the property name, got ${describeChar(c)}`);
        expect = 'value';
        i++;
        break;
      case 'after': {
        if (!top) return fail(i, `unexpected ${describeChar(c)} after the end of the JSON value`);
        const close = top.bracket === '{' ? '}' : ']';
        if (c === ',') {
          lastComma = i;
          expect = top.bracket === '{' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
        } else {
          const what = top.bracket === '{' ? 'a property value' : 'a list item';
          const hint = /["{[\d-]/.test(c) ? ' (is a comma missing?)' : '';
          return fail(i, `expected "," or "${close}" after ${what}, got ${describeChar(c)}${hint}`);
        }
        i++;
        break;
      }
    }
  }
}

/** Scans a string, number or literal at `i`; returns the offset after it, or the failure. */
function scanScalar(text: string, i: number): number | Failure {
  const c = text[i] as string;
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return { offset: i, message: 'invalid number' };
    const end = i + match[0].length;
    const next = text[end];
    if (match[0].replace('-', '') === '0' && next !== undefined && next >= '0' && next <= '9') {
      return { offset: i, message: 'numbers must not start with a zero' };
    }
    if (next === '.' || next === 'e' || next === 'E')
      return { offset: i, message: 'invalid number' };
    return end;
  }
  if (WORD.test(c)) {
    let end = i;
    while (end < text.length && WORD.test(text[end] as string)) end++;
    const word = text.slice(i, end);
    if (word === 'true' || word === 'false' || word === 'null') return end;
    return {
      offset: i,
      message: `unexpected word "${word.slice(0, 20)}"; text values need double quotes`,
    };
  }
  if (c === "'") return { offset: i, message: 'strings must use double quotes, not single quotes' };
  return { offset: i, message: `expected a value, got ${describeChar(c)}` };
}

/** Scans a string starting at the quote at `i`; returns the offset after the closing quote. */
function scanString(text: string, start: number): number | Failure {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return i + 1;
    if (c === '\n' || c === '\r') {
      return { offset: i, message: 'line break inside a string (write it as \\n)' };
    }
    if (c < ' ') return { offset: i, message: 'control character inside a string' };
    if (c === '\\') {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: 'bad \\u escape (needs four hex digits)' };
        }
        i += 6;
        continue;
      }
      if (e === undefined || !ESCAPES.has(e)) {
        return { offset: i, message: `bad escape "\\${e ?? ''}" inside a string` };
      }
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: start, message: 'unterminated string (the closing quote is missing)' };
}

const quote = (c: string) => `"${c}"`;

function describeChar(c: string): string {
  if (c === '"') return 'a string';
  const code = c.codePointAt(0) ?? 0;
  if (code > 0x20 && code < 0x7f) return quote(c);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
