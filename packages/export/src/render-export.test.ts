import { analyze } from '@procmap/analysis';
import { EXPORT_FONTS_ALL as FONTS, outpatientReferral } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  buildScene,
  CSV_BOM,
  ExportError,
  type ExportRequest,
  type ExportResources,
  paginate,
  planPages,
  renderExport,
  smallestName,
  toCsv,
  toPdf,
  toSvg,
  toSvgBytes,
} from './index';

/*
 * renderExport against the calls each app made before it existed: the same bytes, format by
 * format, so moving the editor, the server and the command line onto it changes no file.
 */

const map = outpatientReferral();
const DATE = '29 November 2026';
const page = { size: 'A3', landscape: true, mode: 'tile' } as const;
const fonts = async () => FONTS;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** renderExport's answer, with the stages it reported and how often it asked for fonts. */
async function render(request: ExportRequest, resources: ExportResources = {}) {
  const stages: string[] = [];
  let fontLoads = 0;
  const rendered = await renderExport(map, request, {
    fonts: async () => {
      fontLoads++;
      return FONTS;
    },
    progress: (stage) => stages.push(stage),
    ...resources,
  });
  return { rendered, stages, fontLoads };
}

/** The ExportError a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ExportError) return error;
  throw new Error(`expected an ExportError, got ${String(error)}`);
}

describe('renderExport', { timeout: 60_000 }, () => {
  const analysis = analyze(map);

  it('given svg, then the bytes toSvgBytes writes for the same options, and no fonts read', async () => {
    const request = {
      format: 'svg',
      selection: ['write-referral', 'attach-records'],
      findings: false,
      comments: false,
      date: DATE,
    } as const;
    const { rendered, stages, fontLoads } = await render(request);
    const expected = toSvgBytes(map, {
      analysis,
      selection: request.selection,
      findings: false,
      comments: false,
      date: DATE,
    });
    expect(rendered.body).toEqual(expected);
    const text = new TextDecoder().decode(rendered.body);
    expect(text).toContain('Write referral letter');
    expect(text).not.toContain('Check referral is complete');
    expect(rendered.mediaType).toBe('image/svg+xml; charset=utf-8');
    expect(stages).toEqual(['Analysing the map…', 'Drawing the map…']);
    expect(fontLoads).toBe(0);
  });

  it('given svg with the title block off, then the SVG has no title block', async () => {
    const { rendered } = await render({ format: 'svg', titleBlock: false, date: DATE });
    const text = new TextDecoder().decode(rendered.body);
    expect(text).toBe(toSvg(map, { analysis, titleBlock: false, date: DATE }));
    expect(text).not.toContain(DATE);
  });

  it('given pdf, then the PDF toPdf writes of the same scene and pages', async () => {
    const { rendered, stages, fontLoads } = await render({ format: 'pdf', page, date: DATE });
    const expected = await toPdf(
      buildScene(map, { analysis, findings: true, comments: true, date: DATE }),
      FONTS,
      page,
    );
    expect(Buffer.from(rendered.body).equals(Buffer.from(expected))).toBe(true);
    expect(rendered.mediaType).toBe('application/pdf');
    expect(stages).toEqual([
      'Analysing the map…',
      'Drawing the map…',
      'Loading the font…',
      'Writing the PDF…',
    ]);
    expect(fontLoads).toBe(1);
  });

  it('given report, then the report buildReport writes with the same pages and date', async () => {
    const { rendered, stages } = await render({ format: 'report', page, date: DATE });
    const expected = await buildReport(map, analysis, FONTS, { ...page, date: DATE });
    expect(Buffer.from(rendered.body).equals(Buffer.from(expected))).toBe(true);
    expect(stages).toEqual(['Analysing the map…', 'Loading the font…', 'Writing the report…']);
  });

  it('given csv, then the table with the byte-order mark, as UTF-8; bom off leaves it out', async () => {
    const steps = await render({ format: 'csv' });
    expect(steps.rendered.body).toEqual(utf8(CSV_BOM + toCsv(map, analysis, 'steps')));
    expect([...steps.rendered.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(steps.rendered.mediaType).toBe('text/csv; charset=utf-8');
    expect(steps.stages).toEqual(['Analysing the map…']);
    expect(steps.fontLoads).toBe(0);
    const findings = await render({ format: 'csv', table: 'findings', bom: false });
    expect(findings.rendered.body).toEqual(utf8(toCsv(map, analysis, 'findings')));
  });

  it('given png, then the caller’s rasteriser draws the SVG, and its bytes are the file', async () => {
    const seen: string[] = [];
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47);
    const { rendered } = await render(
      { format: 'png', date: DATE },
      {
        rasterise: async (svg) => {
          seen.push(svg);
          return png;
        },
      },
    );
    expect(seen).toEqual([toSvg(map, { analysis, date: DATE })]);
    expect(rendered).toEqual({ format: 'png', mediaType: 'image/png', body: png });
  });

  it('given bpmn, then the caller’s writer writes the process asked for, as UTF-8', async () => {
    const seen: unknown[] = [];
    const { rendered } = await render(
      { format: 'bpmn' },
      {
        bpmn: async (process) => {
          seen.push(process);
          return '<definitions name="Référé"/>';
        },
      },
    );
    expect(seen).toEqual([map]);
    expect(rendered).toEqual({
      format: 'bpmn',
      mediaType: 'application/xml; charset=utf-8',
      body: utf8('<definitions name="Référé"/>'),
    });
  });

  it('given png and a rasteriser that fails, then rasterise-failed with its error as the cause', async () => {
    const cause = new Error('Chromium saved no screenshot');
    const error = await rejection(
      renderExport(map, { format: 'png' }, { rasterise: () => Promise.reject(cause) }),
    );
    expect(error.code).toBe('rasterise-failed');
    expect(error.message).toBe('the PNG could not be made: Chromium saved no screenshot');
    expect(error.cause).toBe(cause);
  });

  it.each([
    ['pdf', 'PDF needs resources.fonts, and none was given'],
    ['report', 'Improvement report needs resources.fonts, and none was given'],
    ['png', 'PNG needs resources.rasterise, and none was given'],
    ['bpmn', 'BPMN 2.0 needs resources.bpmn, and none was given'],
  ] as const)('given %s without what it needs, then missing-resource', async (format, message) => {
    const error = await rejection(renderExport(map, { format }));
    expect(error.code).toBe('missing-resource');
    expect(error.message).toBe(message);
  });

  it('given failing fonts, then their error, unchanged', async () => {
    const failing = () => Promise.reject(new Error('the export font could not be loaded (404)'));
    await expect(renderExport(map, { format: 'pdf' }, { fonts: failing })).rejects.toThrow(
      'the export font could not be loaded (404)',
    );
  });

  it('gives the same bytes for the same request twice (nothing depends on the clock)', async () => {
    const request = { format: 'report', date: DATE } as const;
    const [a, b] = await Promise.all([
      renderExport(map, request, { fonts }),
      renderExport(map, request, { fonts }),
    ]);
    expect(Buffer.from(a.body).equals(Buffer.from(b.body))).toBe(true);
  });
});

describe('planPages', () => {
  it('counts the pages paginate gives the same scene, and its smallest names in points', () => {
    const request = { format: 'pdf', page: { size: 'A4', mode: 'auto' }, date: '' } as const;
    const scene = buildScene(map, { analysis: analyze(map), findings: true, date: '' });
    const pages = paginate(scene, request.page);
    const plan = planPages(map, request);
    expect(plan.pages).toBe(pages.length);
    expect(plan.pages).toBeGreaterThan(1);
    expect(plan.smallestName).toBeCloseTo(
      smallestName(scene) * Math.min(...pages.map((p) => p.scale)),
      9,
    );
    expect(plan.smallestName).toBeGreaterThanOrEqual(8);
  });

  it('fits on one page when asked, with smaller names', () => {
    const plan = planPages(map, { format: 'pdf', page: { mode: 'fit' } });
    expect(plan.pages).toBe(1);
    expect(plan.smallestName).toBeLessThan(8);
  });
});
