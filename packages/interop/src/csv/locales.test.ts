import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { previewCsv } from './preview-csv';

/*
 * Sheets as spreadsheets save them in other places: Excel where the decimal separator is a
 * comma writes semicolons between cells, with a byte-order mark; tab-separated text comes from
 * copying cells; old Excel for Mac ends lines with CR alone.
 */

const EUROPEAN_EXCEL = [
  '\uFEFFRolle;Schritt;Bearbeitungszeit (h);Wartezeit;Wertschöpfung;%C&A;Notes',
  'Hausarzt;Überweisung schreiben, prüfen;0,5;2 d;VA;90%;"Mit ""Eile"" markiert; oft"',
  'Sekretariat;Termin vergeben;0,25;1,5 h;NVA;0,8;',
  'Hausarzt;Befund lesen;1;00:30;NNVA;;',
].join('\r\n');

describe('European Excel (semicolons, decimal commas, byte-order mark)', () => {
  it('finds the semicolon and reads "0,5" as a half', () => {
    const preview = previewCsv(EUROPEAN_EXCEL, {
      columns: {
        Rolle: 'role',
        Schritt: 'label',
        Wartezeit: 'waitTime',
        Wertschöpfung: 'valueClass',
      },
    });
    expect(preview.delimiter).toBe(';');
    expect(preview.columns.map((c) => c.header)[0]).toBe('Rolle');
    const result = importCsv(EUROPEAN_EXCEL, {
      columns: {
        Rolle: 'role',
        Schritt: 'label',
        'Bearbeitungszeit (h)': 'processTime',
        Wartezeit: 'waitTime',
        Wertschöpfung: 'valueClass',
      },
    });
    if (!result.ok) throw new Error(result.message);
    const tasks = result.map.steps.filter((s) => s.kind === 'task');
    expect(
      tasks.map((s) => [s.label, s.processTime, s.waitTime, s.valueClass, s.completeAccurate]),
    ).toEqual([
      ['Überweisung schreiben, prüfen', 30, 900, 'value-adding', 0.9],
      ['Termin vergeben', 15, 90, 'waste', 0.8],
      ['Befund lesen', 60, 30, 'necessary', undefined],
    ]);
    expect(tasks[0]?.notes).toBe('Mit "Eile" markiert; oft');
    expect(result.map.roles.map((r) => r.name)).toEqual(['Hausarzt', 'Sekretariat']);
  });

  it('given English headers in a semicolon file, then no column needs choosing', () => {
    const text = '\uFEFFRole;Step;Process time (min);Wait;Value\r\nGP;Write; 7,5 ;1,5 h;VA\r\n';
    const result = importCsv(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.map.steps[1]).toMatchObject({
      label: 'Write',
      processTime: 7.5,
      waitTime: 90,
      valueClass: 'value-adding',
    });
  });

  it('given a comma file, then "1,5" is not a number and is reported, not misread', () => {
    const result = importCsv('Step,Wait\nA,"1,5 h"\n');
    if (!result.ok) throw new Error(result.message);
    expect(result.map.steps[1]?.waitTime).toBeUndefined();
    expect(result.notes.find((n) => n.code === 'bad-time')?.message).toContain('row 2');
  });
});

describe('other separators and line endings', () => {
  it('reads tab-separated text', () => {
    const result = importCsv('Who\tWhat\tTouch time\nNurse\tTriage, then call\t5 min\n');
    expect(previewCsv('Who\tWhat\nNurse\tTriage\n').delimiter).toBe('\t');
    if (!result.ok) throw new Error(result.message);
    expect(result.map.steps[1]).toMatchObject({ label: 'Triage, then call', processTime: 5 });
  });

  it('reads lines ended by CR alone', () => {
    const result = importCsv('Step,Role\rA,X\rB,Y\r');
    expect(result.ok && result.map.steps.map((s) => s.label)).toEqual(['Start', 'A', 'B', 'End']);
  });
});
