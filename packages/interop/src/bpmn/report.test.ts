import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { counted, REPORT_TEXTS, type ReportCode } from './report';

/* The report's sentences: one and several written apart, and every code documented. */

describe('the BPMN import report', () => {
  it('writes one and several apart, and nothing for none', () => {
    expect(counted('unassigned', 1)?.message).toBe('1 node in no lane put in Unassigned');
    expect(counted('unassigned', 3)?.message).toBe('3 nodes in no lane put in Unassigned');
    expect(counted('message-flows', 0)).toBeUndefined();
    expect(counted('unreadable', 2, ' (the first on line 9)')).toEqual({
      code: 'unreadable',
      count: 2,
      message: '2 parts of the file could not be read and were left out (the first on line 9)',
    });
  });

  it('has a different sentence for one and for several of every code', () => {
    for (const [code, [one, many]] of Object.entries(REPORT_TEXTS)) {
      expect(one, code).not.toBe(many);
    }
  });

  it('documents every code in docs/interop/bpmn-import.md', () => {
    const doc = readFileSync(
      new URL('../../../../docs/interop/bpmn-import.md', import.meta.url),
      'utf8',
    );
    for (const code of Object.keys(REPORT_TEXTS) as ReportCode[]) {
      expect(doc, code).toContain(`\`${code}\``);
      expect(doc, code).toContain(REPORT_TEXTS[code][1]);
    }
  });
});
