import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { buildScene, drawMap, type Painter, toPdf, toSvg, toSvgBytes } from '@procmap/export';
import { generateMap } from '@procmap/test-kit';
import { alternate, type BenchResult, compare, entry, median, round3 } from './harness';

const CHROMIUM = process.env.BENCH_CHROMIUM ?? process.env.PROCMAP_CHROMIUM ?? '/usr/bin/chromium';
const fontDir = join(import.meta.dirname, '../packages/export/fonts');
const FONTS = {
  regular: readFileSync(join(fontDir, 'LiberationSans-Regular.ttf')),
  bold: readFileSync(join(fontDir, 'LiberationSans-Bold.ttf')),
};

/**
 * Exports side by side with what they replace or stand beside: the SVG of a 5,000-step map
 * (checked, laid out and written as UTF-8 bytes, from the map object) against JSON.parse of its
 * file; and our PDF of a
 * 1,000-step map, fitted on one A4 page, against headless Chromium printing the same SVG to an
 * A4 PDF (setContent + page.pdf, the browser already running), with both files' sizes.
 */
/** A painter that keeps nothing: what the drawing costs before a byte is written. */
class DiscardingPainter implements Painter {
  rect(): void {}
  path(): void {}
  polygon(): void {}
  text(): void {}
  flowLine(): void {}
}

/**
 * The SVG entry: made after the PDF one, so the PDF side does not carry this map's heap. Beside
 * it, the floor under any SVG writer: the same map checked, laid out and drawn (labels wrapped,
 * curves and badges placed) onto a painter that writes nothing, against the same JSON.parse.
 */
function svgBenchmark(): BenchResult {
  const map5k = generateMap({ steps: 5000, seed: 5000 });
  const text = JSON.stringify(map5k);
  const svgOf = (map: typeof map5k) => toSvgBytes(map);
  for (let i = 0; i < 20; i++) svgOf(map5k);
  const svg5k = svgOf(map5k);
  const result = compare({
    name: 'export.svg-5000',
    measured: `SVG of a generated 5,000-step map (normalize, geometry, drawing, bytes: ${(svg5k.length / 1e6).toFixed(2)} MB) against JSON.parse of its file (${(text.length / 1e6).toFixed(2)} MB)`,
    subject: { label: 'toSvgBytes(map), 5,000 steps', run: () => svgOf(map5k) },
    reference: { label: 'JSON.parse of the file', run: () => JSON.parse(text) },
    goal: 1,
    rounds: 11,
  });
  const floor = compare({
    name: 'export.svg-5000-draw-only',
    measured: 'the same map drawn onto a painter that writes nothing',
    subject: {
      label: 'drawMap(map, {}, discarding painter)',
      run: () => drawMap(map5k, {}, new DiscardingPainter()),
    },
    reference: { label: 'JSON.parse of the file', run: () => JSON.parse(text) },
    rounds: 11,
  });
  console.log(
    `export.svg-5000: drawing alone, writing nothing, is ${floor.ratio}× JSON.parse (${floor.subject.medianMs} ms vs ${floor.reference.medianMs} ms)`,
  );
  return {
    ...result,
    details: {
      drawOnlyMs: floor.subject.medianMs,
      drawOnlyRatio: floor.ratio,
    },
  };
}

export default async function exportBenchmarks(): Promise<BenchResult[]> {
  const map1k = generateMap({ steps: 1000, seed: 1000 });
  const svg1k = toSvg(map1k);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let pdfResult: BenchResult;
  try {
    const page = await browser.newPage();
    const html = `<!doctype html><style>html,body{margin:0}svg{width:100%;height:auto}</style>${svg1k.replace(/^<\?xml[^>]*>\s*/, '')}`;
    const ours = async () => {
      const start = performance.now();
      const bytes = await toPdf(buildScene(map1k), FONTS, {
        size: 'A4',
        landscape: true,
        mode: 'fit',
      });
      return { ms: performance.now() - start, size: bytes.length };
    };
    const theirs = async () => {
      const start = performance.now();
      await page.setContent(html);
      const bytes = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      return { ms: performance.now() - start, size: bytes.length };
    };
    const rounds = 7;
    const [mine, chrome] = await alternate(
      [
        { label: 'toPdf', run: ours },
        { label: 'chromium', run: theirs },
      ],
      { rounds, warmup: 3 },
    );
    const ms = (xs: readonly { ms: number }[]) => round3(median(xs.map((x) => x.ms)));
    const oursSize = mine?.[0]?.size ?? 0;
    const chromeSize = chrome?.[0]?.size ?? 1;
    const sizeRatio = oursSize / chromeSize;
    const timeRatio = ms(mine ?? []) / ms(chrome ?? []);
    pdfResult = entry({
      name: 'export.pdf-1000',
      measured:
        'PDF of a generated 1,000-step map fitted on landscape A4 (scene, pdf-lib, Liberation Sans subset embedded) against headless Chromium printing the same SVG to landscape A4 (setContent + page.pdf); goal: time ≤ 1.5× and file ≤ 2× Chromium’s',
      subject: {
        label: 'toPdf(buildScene(map)), 1,000 steps',
        medianMs: ms(mine ?? []),
        details: { bytes: oursSize },
      },
      reference: {
        label: 'Chromium page.pdf of the SVG',
        medianMs: ms(chrome ?? []),
        details: { bytes: chromeSize },
      },
      rounds,
      goal: 1.5,
      met: timeRatio <= 1.5 && sizeRatio <= 2,
      details: { sizeRatio: round3(sizeRatio) },
    });
    console.log(
      `export.pdf-1000: ${oursSize} bytes vs Chromium ${chromeSize} bytes → size ratio ${round3(sizeRatio)} (goal ≤ 2)`,
    );
  } finally {
    await browser.close();
  }
  return [pdfResult, svgBenchmark()];
}
