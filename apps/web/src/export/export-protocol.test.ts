import { describe, expect, it } from 'vitest';
import { CHOICES, type ExportFormat, type ExportSettings, exportRequest } from './export-protocol';
import { fileName } from './run-export';

const settings: ExportSettings = {
  format: 'pdf',
  findings: false,
  comments: true,
  titleBlock: false,
  page: 'A3',
  landscape: true,
  mode: 'tile',
};

describe('the export dialog’s choices', () => {
  it('given each choice, then the export package’s format, with the CSV’s table', () => {
    const formats = Object.entries(CHOICES).map(([choice, { format, table }]) => [
      choice,
      format,
      table,
    ]);
    expect(formats).toEqual([
      ['pdf', 'pdf', undefined],
      ['svg', 'svg', undefined],
      ['png', 'png', undefined],
      ['report', 'report', undefined],
      ['csv-steps', 'csv', 'steps'],
      ['csv-findings', 'csv', 'findings'],
      ['bpmn', 'bpmn', undefined],
    ]);
  });

  it('given the dialog’s settings, then a request with every option it showed', () => {
    expect(exportRequest({ ...settings, selection: ['s1'] }, '1 December 2026')).toEqual({
      format: 'pdf',
      selection: ['s1'],
      findings: false,
      comments: true,
      titleBlock: false,
      date: '1 December 2026',
      page: { size: 'A3', landscape: true, mode: 'tile' },
    });
    expect(exportRequest({ ...settings, format: 'csv-findings' }, '').table).toBe('findings');
  });

  it('names each file after the map, as downloads always were', () => {
    const names = (Object.keys(CHOICES) as ExportFormat[]).map((f) =>
      fileName('Referral: ward 5', f),
    );
    expect(names).toEqual([
      'Referral_ ward 5.pdf',
      'Referral_ ward 5.svg',
      'Referral_ ward 5.png',
      'Referral_ ward 5 - improvement report.pdf',
      'Referral_ ward 5 - steps.csv',
      'Referral_ ward 5 - findings.csv',
      'Referral_ ward 5.bpmn',
    ]);
    expect(fileName('  ', 'svg')).toBe('Process map.svg');
  });
});
