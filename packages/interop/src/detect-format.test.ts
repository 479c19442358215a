import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, formatOfContent } from './detect-format';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bpmn', name), 'utf8');

describe('detectFormat', () => {
  it('goes by the extension when it names a format', () => {
    expect(detectFormat('Referral.BPMN', '')).toBe('bpmn');
    expect(detectFormat('a.bpmn20.xml', '')).toBe('bpmn');
    expect(detectFormat('flow.drawio', '')).toBe('drawio');
    expect(detectFormat('steps.csv', '')).toBe('csv');
    expect(detectFormat('steps.tsv', '')).toBe('csv');
    expect(detectFormat('map.procmap.json', '')).toBe('procmap');
  });

  it('reads a .xml file by its content: BPMN by namespace, whatever the prefix', () => {
    const bpmn = fixture('miwg-A.1.0.bpmn');
    expect(detectFormat('export.xml', bpmn)).toBe('bpmn');
    const prefixed = `<?xml version="1.0"?>\n<!-- made by hand -->\n<b:definitions xmlns:b="http://www.omg.org/spec/BPMN/20100524/MODEL"/>`;
    expect(detectFormat('x.xml', prefixed)).toBe('bpmn');
    expect(detectFormat('d.xml', '<mxfile host="app"><diagram>abc</diagram></mxfile>')).toBe(
      'drawio',
    );
    expect(detectFormat(undefined, '\uFEFF  <mxGraphModel><root/></mxGraphModel>')).toBe('drawio');
  });

  it('knows every fixture as BPMN by content alone', () => {
    for (const name of ['bpmnjs-complex.bpmn', 'camunda-camunda-testing-job-announcement.bpmn'])
      expect(formatOfContent(fixture(name))).toBe('bpmn');
  });

  it('does not claim XML it does not read, nor an empty file', () => {
    expect(formatOfContent('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBeUndefined();
    expect(formatOfContent('<definitions xmlns="urn:other"/>')).toBeUndefined();
    expect(formatOfContent('   ')).toBeUndefined();
    expect(formatOfContent('Role,Step\nClerk,Book\n')).toBe('csv');
    expect(formatOfContent('{"format":"procmap"}')).toBe('procmap');
  });
});
