import { analyze, expectedVisits } from '@procmap/analysis';
import { hospitalDischarge, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './index';

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', `"'\rCR"`],
    ['a, b', '"a, b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  // What a spreadsheet still runs once it has dropped leading blanks (LibreOffice's "Trim
  // spaces", Excel's and LibreOffice's removal of NUL), or what Japanese Excel takes for = + - @.
  it.each([
    ['space', ' =1+1', "' =1+1"],
    ['spaces', '   +SUM(A1:A9)', "'   +SUM(A1:A9)"],
    ['line feed', '\n=1+1', `"'\n=1+1"`],
    ['line feed alone', '\nnext line', `"'\nnext line"`],
    ['CR LF', '\r\n@SUM(A1)', `"'\r\n@SUM(A1)"`],
    ['vertical tab and form feed', '\v\f=1', "'\v\f=1"],
    ['NUL', '\u0000=1+1', "'\u0000=1+1"],
    ['other control characters', '\u0001\u001f\u0085=1', "'\u0001\u001f\u0085=1"],
    ['no-break space', '\u00a0=HYPERLINK("http://x")', `"'\u00a0=HYPERLINK(""http://x"")"`],
    ['narrow no-break and em spaces', '\u202f\u2003-1+1', "'\u202f\u2003-1+1"],
    ['ideographic space', '\u3000=1+1', "'\u3000=1+1"],
    ['line and paragraph separators', '\u2028\u2029=1', "'\u2028\u2029=1"],
    ['zero-width space', '\u200b=1+1', "'\u200b=1+1"],
    ['zero-width joiners and word joiner', '\u200c\u200d\u2060@A1', "'\u200c\u200d\u2060@A1"],
    ['byte-order mark', '\ufeff=1+1', "'\ufeff=1+1"],
    ['bidirectional marks', '\u200e\u202e=1', "'\u200e\u202e=1"],
    ['soft hyphen', '\u00ad=1', "'\u00ad=1"],
    ['full-width equals', '\uff1dcmd|" /C calc"!A0', `"'\uff1dcmd|"" /C calc""!A0"`],
    ['full-width plus', '\uff0b1+1', "'\uff0b1+1"],
    ['full-width minus', '\uff0d1+1', "'\uff0d1+1"],
    ['full-width at', '\uff20SUM(A1)', "'\uff20SUM(A1)"],
    ['prolonged sound mark (typed for - with a Japanese IME)', '\u30fc1+1', "'\u30fc1+1"],
    ['small and superscript forms', '\ufe66\u207a1', "'\ufe66\u207a1"],
    ['ideographic space, then full-width equals', '\u3000\uff1d1+1', "'\u3000\uff1d1+1"],
  ])('given a cell starting with %s, then it is neutralised', (_name, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['a leading space before text', ' plain', ' plain'],
    ['a no-break space before text', '\u00a0plain', '\u00a0plain'],
    ['a sign inside the text', 'a = b + c - d @ e', 'a = b + c - d @ e'],
    ['an e-mail address', 'ops@example.org', 'ops@example.org'],
    ['Japanese text with a prolonged sound mark inside', 'データ入力', 'データ入力'],
    ['blanks only', '   ', '   '],
    ['nothing', '', ''],
  ])('given %s, then the cell is unchanged', (_name, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers, negatives included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('given a map, then each step is a row with its data and its expected visits and time per case', () => {
    const map = hospitalDischarge();
    const rows = parseCsv(toCsv(map, analyze(map), 'steps'));
    const [header, ...body] = rows;
    expect(body).toHaveLength(map.steps.length);
    const col = (name: string) => (header ?? []).indexOf(name);
    const visits = expectedVisits(map);
    for (const [i, step] of map.steps.entries()) {
      const row = body[i] ?? [];
      expect(row[col('id')]).toBe(step.id);
      expect(row[col('label')]).toBe(step.label);
      const v = visits.get(step.id) ?? 0;
      expect(Number(row[col('expected_visits')])).toBeCloseTo(v, 3);
      expect(Number(row[col('wait_min_per_case')])).toBeCloseTo((step.waitTime ?? 0) * v, 1);
    }
  });

  it('given time variations, then each is one readable cell in its own column; none, or a broken one, is empty', () => {
    const map = hospitalDischarge();
    const varied = {
      ...map,
      steps: map.steps.map((s, i) =>
        i === 0
          ? {
              ...s,
              processVariation: { distribution: 'triangular', min: 5, max: 30 },
              waitVariation: { distribution: 'lognormal', cv: 0.5 },
            }
          : i === 1
            ? { ...s, processVariation: { distribution: 'exponential' }, waitVariation: 'x' }
            : s,
      ),
    } as unknown as typeof map;
    const [header, first, second, third] = parseCsv(toCsv(varied, analyze(varied), 'steps'));
    const at = (header ?? []).indexOf('process_variation');
    expect(header?.slice(at, at + 2)).toEqual(['process_variation', 'wait_variation']);
    expect(first?.slice(at, at + 2)).toEqual(['triangular min=5 max=30', 'lognormal cv=0.5']);
    expect(second?.slice(at, at + 2)).toEqual(['exponential', '']);
    expect(third?.slice(at, at + 2)).toEqual(['', '']);
  });

  it('keeps the columns sheets read by position, and adds the lane id and the flows leaving each step at the end', () => {
    const map = hospitalDischarge();
    const [header] = parseCsv(toCsv(map, analyze(map), 'steps'));
    expect(header?.slice(0, 4)).toEqual(['id', 'role', 'kind', 'label']);
    expect(header?.slice(19)).toEqual([
      'process_variation',
      'wait_variation',
      'role_id',
      'next',
      'next_labels',
      'next_probabilities',
      'role_order',
    ]);
  });

  it('gives each row the place of its lane from the top, as the lanes are ordered', () => {
    const map = mapBuilder('Lanes')
      .role('b', 'Second', { order: 5 })
      .role('a', 'First', { order: -1 })
      .task('x', 'b', 'In the second')
      .task('y', 'a', 'In the first')
      .build();
    const [header, ...rows] = parseCsv(toCsv(map, analyze(map), 'steps'));
    const at = (header ?? []).indexOf('role_order');
    expect(rows.map((r) => [r[0], r[at]])).toEqual([
      ['x', '1'],
      ['y', '0'],
    ]);
  });

  it('given a decision, then its row lists the steps it goes to with the flow labels and probabilities in the same order', () => {
    const map = mapBuilder('Triage')
      .role('n', 'Nurse')
      .start('a', 'n', 'In')
      .decision('d', 'n', 'Urgent?')
      .task('x', 'n', 'See now')
      .task('y', 'n', 'Book')
      .end('z', 'n', 'Out')
      .flow('a', 'd')
      .flow('d', 'x', { label: 'Yes', probability: 0.2 })
      .flow('d', 'y', { label: 'No' })
      .flow('x', 'z')
      .flow('y', 'z')
      .build();
    const [header, ...rows] = parseCsv(toCsv(map, analyze(map), 'steps'));
    const col = (name: string) => (header ?? []).indexOf(name);
    const row = (id: string) => rows.find((r) => r[0] === id) ?? [];
    expect(row('d')[col('role_id')]).toBe('n');
    expect(row('d')[col('next')]).toBe('x; y');
    expect(row('d')[col('next_labels')]).toBe('Yes; No');
    expect(row('d')[col('next_probabilities')]).toBe('0.2; ');
    expect(row('a')[col('next')]).toBe('d');
    expect(row('a')[col('next_labels')]).toBe('');
    expect(row('a')[col('next_probabilities')]).toBe('');
    expect(row('z')[col('next')]).toBe('');
    expect(row('z')[col('role_order')]).toBe('0');
  });

  it('given tag lists of the wrong type (a map that skipped validation), then the cells are empty, not an error', () => {
    const map = hospitalDischarge();
    const broken = {
      ...map,
      steps: map.steps.map((s, i) =>
        i === 0
          ? { ...s, dataEntered: '=a', systems: { a: 1 } }
          : i === 1
            ? { ...s, dataEntered: 5 }
            : s,
      ),
    } as unknown as typeof map;
    const [header, first, second] = parseCsv(toCsv(broken, analyze(map), 'steps'));
    const col = (name: string) => (header ?? []).indexOf(name);
    expect(first?.[col('data_entered')]).toBe('');
    expect(first?.[col('systems')]).toBe('');
    expect(second?.[col('data_entered')]).toBe('');
  });

  it('given hostile labels, then no cell starts a formula', () => {
    const map = mapBuilder('=cmd|" /C calc"!A0')
      .role('r', '@role')
      .task('s1', 'r', '=1+1')
      .task('s2', 'r', '-3, "quoted"', { notes: '+SUM(A1:A9)' })
      .build();
    const rows = parseCsv(toCsv(map, analyze(map)));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1]?.[3]).toBe("'=1+1");
    expect(rows[2]?.[3]).toBe(`'-3, "quoted"`);
  });

  it('given labels that start a formula after blanks or in full width, then every such cell starts with a quote', () => {
    const map = mapBuilder(' =cmd|" /C calc"!A0')
      .role('r', '\u3000\uff20role')
      .task('s1', 'r', '\n=1+1')
      .task('s2', 'r', '\u00a0\u200b+1', { notes: '\uff1dHYPERLINK("http://x")' })
      .build();
    const rows = parseCsv(toCsv(map, analyze(map)));
    expect(rows[1]?.[1]).toBe("'\u3000\uff20role");
    expect(rows[1]?.[3]).toBe("'\n=1+1");
    expect(rows[2]?.[3]).toBe("'\u00a0\u200b+1");
    expect(rows[2]?.[12]).toBe('\'\uff1dHYPERLINK("http://x")');
  });

  it('lists findings most time at stake first, with the steps they concern', () => {
    const map = hospitalDischarge();
    const analysis = analyze(map);
    const [header, ...rows] = parseCsv(toCsv(map, analysis, 'findings'));
    expect(header?.slice(0, 5)).toEqual(['rank', 'rule', 'waste', 'severity', 'time_at_stake_min']);
    expect(rows).toHaveLength(analysis.findings.length);
    const stakes = rows.map((r) => Number(r[4]));
    expect([...stakes].sort((a, b) => b - a)).toEqual(stakes);
  });
});
