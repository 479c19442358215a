import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import {
  checkStepSelection,
  ExportError,
  type ExportErrorCode,
  NAMED_IDS,
  parseCsvTable,
  parseExportFormat,
  parsePageOptions,
  parseStepSelection,
  type RequestSyntax,
} from './index';

/** Options as a URL query, formats named as the server's download paths (it has no PNG). */
const QUERY: RequestSyntax = {
  options: 'query',
  formats: { svg: 'export.svg', pdf: 'export.pdf', csv: 'export.csv', report: 'report.pdf' },
};
/** Options as command-line flags, formats named by their ids. */
const FLAGS: RequestSyntax = {
  options: 'flags',
  formats: { svg: 'svg', pdf: 'pdf', png: 'png', csv: 'csv', report: 'report' },
};

/** The ExportError `run` throws (failing the test when it throws nothing or something else). */
function refusal(run: () => unknown): ExportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error('expected an ExportError, and nothing was thrown');
}

const expectRefusal = (run: () => unknown, code: ExportErrorCode, message: string) => {
  const error = refusal(run);
  expect(error.code).toBe(code);
  expect(error.message).toBe(message);
};

const referral = () =>
  mapBuilder('Referral')
    .role('gp', 'GP')
    .task('s1', 'gp', 'Write letter')
    .task('s2', 'gp', 'Send letter')
    .chain('s1', 's2')
    .build();

describe('parseExportFormat', () => {
  it('given a format id the caller offers, then it is that format', () => {
    expect(parseExportFormat('png', FLAGS)).toBe('png');
  });

  it('given an unknown name, then unknown-format listing the caller’s formats in table order', () => {
    expectRefusal(
      () => parseExportFormat('gif', FLAGS),
      'unknown-format',
      'unknown format "gif": use svg, pdf, png, csv, report',
    );
  });

  it('given a format the caller does not offer, then it is refused like an unknown one', () => {
    expect(refusal(() => parseExportFormat('png', QUERY)).code).toBe('unknown-format');
  });
});

describe('parsePageOptions', () => {
  const plain = { landscape: false, fit: false, tile: false };

  it('given nothing, then A4 portrait at a readable size', () => {
    expect(parsePageOptions(plain, QUERY)).toEqual({ size: 'A4', landscape: false, mode: 'auto' });
  });

  it('given a size in any case, landscape and fit or tile, then those', () => {
    expect(
      parsePageOptions({ ...plain, size: 'letter', landscape: true, fit: true }, FLAGS),
    ).toEqual({ size: 'Letter', landscape: true, mode: 'fit' });
    expect(parsePageOptions({ ...plain, size: 'a3', tile: true }, QUERY).mode).toBe('tile');
  });

  it('given an unknown size, then bad-page quoting it, clipped, whoever asked', () => {
    const size = 'A9-and-then-a-very-long-tail';
    for (const syntax of [QUERY, FLAGS]) {
      expectRefusal(
        () => parsePageOptions({ ...plain, size }, syntax),
        'bad-page',
        'unknown page size "A9-and-then-a-very-l": use A4, A3 or Letter',
      );
    }
  });

  it('given fit and tile both, then bad-page naming them as the user wrote them', () => {
    const both = { ...plain, fit: true, tile: true };
    expectRefusal(
      () => parsePageOptions(both, QUERY),
      'bad-page',
      'choose one of fit=1 and tile=1',
    );
    expectRefusal(
      () => parsePageOptions(both, FLAGS),
      'bad-page',
      'choose one of --fit and --tile',
    );
  });
});

describe('parseCsvTable', () => {
  it('given nothing, then the steps; given findings, then the findings', () => {
    expect(parseCsvTable(undefined, QUERY)).toBe('steps');
    expect(parseCsvTable('findings', FLAGS)).toBe('findings');
  });

  it('given another table, then bad-table', () => {
    for (const syntax of [QUERY, FLAGS]) {
      expectRefusal(
        () => parseCsvTable('x', syntax),
        'bad-table',
        'unknown table "x": use steps or findings',
      );
    }
  });
});

describe('parseStepSelection', () => {
  it('given no selection, then none', () => {
    expect(parseStepSelection(undefined, 'csv', QUERY)).toBeUndefined();
  });

  it('given ids with spaces and repeats, then each id once, in the order given', () => {
    expect(parseStepSelection(' s2, s1 ,s2,,', 'svg', QUERY)).toEqual(['s2', 's1']);
  });

  it('given a selection for a format that always covers the whole map, then steps-not-supported', () => {
    expectRefusal(
      () => parseStepSelection('s1', 'csv', QUERY),
      'steps-not-supported',
      'export.csv always covers the whole map: steps=… selects steps for export.svg and export.pdf only',
    );
    expectRefusal(
      () => parseStepSelection('s1', 'report', FLAGS),
      'steps-not-supported',
      'report always covers the whole map: --steps selects steps for svg, pdf and png only',
    );
  });

  it.each(['', ',,,', ' , '])('given %j, then empty-steps', (typed) => {
    expectRefusal(
      () => parseStepSelection(typed, 'pdf', QUERY),
      'empty-steps',
      'steps=… names no step: give step ids separated by commas, or leave it out for the whole map',
    );
    expectRefusal(
      () => parseStepSelection(typed, 'png', FLAGS),
      'empty-steps',
      '--steps names no step: give step ids separated by commas, or leave it out for the whole map',
    );
  });
});

describe('checkStepSelection', () => {
  it('given only steps of the map, then it passes', () => {
    expect(() => checkStepSelection(referral(), ['s2', 's1'], QUERY)).not.toThrow();
  });

  it('given one unknown id among known ones, then unknown-steps naming only it', () => {
    const error = refusal(() => checkStepSelection(referral(), ['s1', 'nope'], FLAGS));
    expect(error.code).toBe('unknown-steps');
    expect(error.message).toBe(
      `no step "nope" in this map: --steps takes the ids of the map's steps`,
    );
    expect(error.details).toEqual({ unknownCount: 1 });
  });

  it('given two, then both named, the option spelt as the user wrote it', () => {
    expectRefusal(
      () => checkStepSelection(referral(), ['nope', 'nada'], QUERY),
      'unknown-steps',
      `no steps "nope", "nada" in this map: steps=… takes the ids of the map's steps`,
    );
  });

  it('given many, then the first five named, each clipped, and how many more', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `missing-${i}-${'x'.repeat(60)}`);
    const error = refusal(() => checkStepSelection(referral(), ids, FLAGS));
    expect(NAMED_IDS).toBe(5);
    const named = ids.slice(0, 5).map((id) => JSON.stringify(id.slice(0, 40)));
    expect(error.message).toBe(
      `no steps ${named.join(', ')} and 7 more in this map: --steps takes the ids of the map's steps`,
    );
    expect(error.message).not.toContain('missing-5-');
    expect(error.details).toEqual({ unknownCount: 12 });
  });

  it('given an id with quotes or a line break, then it is quoted as JSON, not spliced in raw', () => {
    const error = refusal(() => checkStepSelection(referral(), ['a"b\nc'], QUERY));
    expect(error.message).toContain('"a\\"b\\nc"');
    expect(error.message).not.toContain('\n');
  });
});
