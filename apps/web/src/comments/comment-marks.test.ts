import { COMMENT_KINDS } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { commentMarkText, KIND_SYMBOLS } from './comment-marks';

describe('a comment marker tells its kind by a symbol and in words, not by colour alone', () => {
  it('gives every comment kind its own symbol', () => {
    const symbols = COMMENT_KINDS.map((kind) => KIND_SYMBOLS[kind]);
    expect(symbols.every((s) => typeof s === 'string' && s.trim().length === 1)).toBe(true);
    expect(new Set(symbols).size).toBe(COMMENT_KINDS.length);
  });

  it('says how many comments are open and the kind it shows', () => {
    expect(commentMarkText(1, 'pain-point')).toBe('1 open comment, a pain point');
    expect(commentMarkText(1, 'idea')).toBe('1 open comment, an idea');
    expect(commentMarkText(3, 'question')).toBe('3 open comments, including a question');
    expect(commentMarkText(2, 'note')).toBe('2 open comments, all notes');
  });
});
