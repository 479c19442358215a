import { describe, expect, it } from 'vitest';
import { acceptsOption, EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormatId } from './index';

describe('EXPORT_FORMATS', () => {
  it('lists svg, pdf, png, csv, report and bpmn, in the order the command line names them', () => {
    expect(EXPORT_FORMAT_IDS).toEqual(['svg', 'pdf', 'png', 'csv', 'report', 'bpmn']);
    for (const id of EXPORT_FORMAT_IDS) expect(EXPORT_FORMATS[id].id).toBe(id);
  });

  it('gives each format the media type and extension its files have always had', () => {
    const files = EXPORT_FORMAT_IDS.map((id) => [
      id,
      EXPORT_FORMATS[id].mediaType,
      EXPORT_FORMATS[id].extension,
    ]);
    expect(files).toEqual([
      ['svg', 'image/svg+xml; charset=utf-8', '.svg'],
      ['pdf', 'application/pdf', '.pdf'],
      ['png', 'image/png', '.png'],
      ['csv', 'text/csv; charset=utf-8', '.csv'],
      ['report', 'application/pdf', '.pdf'],
      ['bpmn', 'application/xml; charset=utf-8', '.bpmn'],
    ]);
  });

  it('lets exactly the pictures of the map (svg, pdf, png) take a step selection', () => {
    const cropping = EXPORT_FORMAT_IDS.filter((id) => acceptsOption(id, 'selection'));
    expect(cropping).toEqual(['svg', 'pdf', 'png']);
    expect(acceptsOption('csv', 'table')).toBe(true);
    expect(acceptsOption('svg', 'table')).toBe(false);
  });

  it('pages the PDF and the report, which are the formats that embed fonts and take page options', () => {
    const paged = EXPORT_FORMAT_IDS.filter((id) => EXPORT_FORMATS[id].paging !== 'none');
    expect(paged).toEqual(['pdf', 'report']);
    expect(EXPORT_FORMAT_IDS.filter((id) => EXPORT_FORMATS[id].fonts)).toEqual(paged);
    expect(EXPORT_FORMAT_IDS.filter((id) => acceptsOption(id, 'page'))).toEqual(paged);
    expect(EXPORT_FORMATS.pdf.paging).toBe('map');
    expect(EXPORT_FORMATS.report.paging).toBe('document');
  });

  it('draws a PNG as the SVG it rasterises, reading the same options', () => {
    const via = EXPORT_FORMATS.png.rasterOf;
    expect(via).toBe('svg');
    expect(EXPORT_FORMATS[via ?? 'png'].options).toEqual(EXPORT_FORMATS.png.options);
    expect(EXPORT_FORMAT_IDS.filter((id) => EXPORT_FORMATS[id].rasterOf)).toEqual(['png']);
  });

  it('leaves BPMN to the caller’s writer, and only BPMN', () => {
    expect(EXPORT_FORMAT_IDS.filter((id) => EXPORT_FORMATS[id].writtenByCaller)).toEqual(['bpmn']);
    expect(EXPORT_FORMATS.bpmn.options).toEqual([]);
  });

  it('knows its ids from other strings, inherited names included', () => {
    expect(isExportFormatId('report')).toBe(true);
    for (const name of ['gif', 'SVG', '', 'toString', '__proto__', 'export.svg']) {
      expect(isExportFormatId(name), name).toBe(false);
    }
  });
});
